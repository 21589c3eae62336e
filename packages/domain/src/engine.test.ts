import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  dated,
  FIXTURE_PLUGINS,
  hardship,
  INSTITUTION,
  international,
  lumpSum,
  monthly,
  PARTNERS,
  regional,
} from "../fixtures/fixture-plugins.ts";
import { isTrue, noneOf } from "./conditions/condition.ts";
import { criterion } from "./conditions/criterion.ts";
import { FRANCE_AND_OVERSEAS } from "./countries.ts";
import { evaluate } from "./engine.ts";
import { PluginOptionsInvalid, RegistryInvalid, UnknownPartner } from "./errors.ts";
import { booleanFact, crousBoursier, type Fact, hostCountry } from "./facts.ts";
import { cents, prorata } from "./money.ts";
import { type ConfiguredPlugin, defineFundingPlugin, type EstimateLine } from "./plugin.ts";
import { createRegistry } from "./registry.ts";
import { type SchemeResult, SimulationReportSchema } from "./simulation-report.ts";
import { SituationSchema } from "./situation.ts";
import type { Lang } from "./text.ts";

const ASOF = "2026-11-26";

/** The rulebook's first worked example (§9), with every answer given. */
const STUDENT = {
  programme: { level: "engineering", year: 2, mode: "initial", gapYear: false },
  crous: { boursier: true, echelon: "5" },
  household: { quotientFamilial: 1_200_000, nonTaxable: false },
  fewerOpportunities: { disability: false, qpv: false, zrr: false },
  history: { erasmusDaysInCycle: 0, amiMonthsTotal: 0 },
};
const MOBILITY = {
  kind: "study",
  framework: "inter-institution-agreement",
  host: { partner: "tu-berlin" },
  start: "2027-02-01",
  end: "2027-06-30",
  greenTravel: false,
  costs: { transport: 30_000, insurance: 12_000, installation: 50_000 },
};

const situation = (overrides: { student?: object; mobility?: object } = {}) =>
  SituationSchema.parse({
    student: { ...STUDENT, ...overrides.student },
    mobility: { ...MOBILITY, ...overrides.mobility },
  });

const registryOf = (plugins: readonly ConfiguredPlugin[]) =>
  createRegistry({ institution: INSTITUTION, plugins, partners: PARTNERS });
const REGISTRY = registryOf(FIXTURE_PLUGINS.map((p) => p.configure()));

const run = (
  overrides: { student?: object; mobility?: object } = {},
  lang: Lang = "en",
  registry = REGISTRY,
) => evaluate(situation(overrides), registry, { asOf: ASOF, lang });

const scheme = (report: { schemes: readonly SchemeResult[] }, id: string): SchemeResult => {
  const found = report.schemes.find((s) => s.scheme === id);
  if (!found) throw new Error(`no scheme ${id}`);
  return found;
};

const unmetIds = (s: SchemeResult) =>
  s.criteria.filter((c) => c.status === "unmet").map((c) => c.id);

describe("evaluate: verdicts", () => {
  const report = run();

  it("derives the academic year, funded days and distance", () => {
    expect(report.academicYear).toBe("2026-2027");
    expect(report.fundedDays).toBe(150);
    expect(report.distanceKm).toBe(890);
  });

  it("measures a partner's distance from each registry's own campus", () => {
    // the partner's place is kept between simulations: another campus must not reuse it
    const elsewhere = createRegistry({
      institution: { ...INSTITUTION, lat: 43.6047, lon: 1.4442 },
      plugins: [],
      partners: PARTNERS,
    });
    const fromToulouse = evaluate(situation(), elsewhere, { asOf: ASOF });
    // Toulouse to TU Berlin: 1 323.6 km by the haversine formula, rounded down
    expect(fromToulouse.distanceKm).toBe(1323);
    expect(run().distanceKm).toBe(890);
  });

  it("reports every scheme of the registry, in its order, and matches the public contract", () => {
    expect(report.schemes.map((s) => s.scheme)).toEqual([
      "monthly",
      "regional",
      "international",
      "lump-sum",
      "hardship",
      "dated",
    ]);
    expect(SimulationReportSchema.parse(report)).toEqual(report);
  });

  it("gives eligible schemes their estimate and no missing field", () => {
    for (const id of ["monthly", "regional", "hardship", "dated"]) {
      expect(scheme(report, id).verdict, id).toBe("eligible");
      expect(scheme(report, id).missing, id).toEqual([]);
    }
    expect(scheme(report, "monthly").estimate?.totalCents).toBe(146_000);
    expect(scheme(report, "regional").estimate?.totalCents).toBe(225_000);
    expect(scheme(report, "hardship").estimate?.totalCents).toBe(80_000);
    expect(scheme(report, "dated").estimate?.totalCents).toBe(200_000);
  });

  it("gives ineligible schemes the unmet criteria and no estimate", () => {
    const intl = scheme(report, "international");
    expect(intl.verdict).toBe("ineligible");
    expect(unmetIds(intl)).toEqual(["destination", "project-partner"]);
    expect(intl.estimate).toBeNull();
    expect(intl.upToCents).toBeNull();
    expect(intl.missing).toEqual([]);
    expect(unmetIds(scheme(report, "lump-sum"))).toEqual(["destination"]);
  });

  it("offers a hint only where the change alone would turn the answer", () => {
    // the only unmet criterion: its hint turns the verdict
    const lump = scheme(report, "lump-sum");
    expect(lump.criteria.find((c) => c.id === "destination")?.hint).not.toBeNull();
    // two unmet criteria: meeting either one alone leaves the other failing
    const intl = scheme(report, "international");
    expect(intl.criteria.map((c) => c.hint)).toEqual(intl.criteria.map(() => null));
    // a criterion met or unknown has no "what would change it" either way
    for (const s of report.schemes)
      for (const c of s.criteria) if (c.status === "met") expect(c.hint, c.id).toBeNull();
  });

  it("is incomplete when a criterion is unknown, names the missing field, and still estimates", () => {
    const r = run({ student: { history: undefined } });
    const m = scheme(r, "monthly");
    expect(m.verdict).toBe("incomplete");
    expect(m.missing).toEqual(["student.history.erasmusDaysInCycle"]);
    expect(m.criteria.find((c) => c.id === "cycle-cap")).toEqual({
      id: "cycle-cap",
      status: "unknown",
      reason: "Not answered yet: Erasmus+ days already used in this cycle.",
      hint: "Tell us Erasmus+ days already used in this cycle to find out.",
    });
    expect(m.estimate?.totalCents).toBe(146_000);
    // only eligible schemes are planned, and an incomplete one is not "excluded" either
    expect(r.plan.items.map((i) => i.scheme)).not.toContain("monthly");
    expect(r.plan.excluded.map((e) => e.scheme)).not.toContain("monthly");
  });

  it("lets an unmet criterion win over an unknown one", () => {
    const r = run({ student: { history: undefined }, mobility: { end: "2027-03-15" } });
    const m = scheme(r, "monthly");
    expect(m.verdict).toBe("ineligible");
    expect(unmetIds(m)).toEqual(["duration"]);
    expect(m.missing).toEqual([]);
    expect(m.estimate).toBeNull();
  });

  it("collects the missing fields of every unknown criterion", () => {
    const r = run({ student: { household: undefined, crous: undefined } });
    const h = scheme(r, "hardship");
    expect(h.verdict).toBe("incomplete");
    expect(h.missing).toEqual([
      "student.crous.boursier",
      "student.household.nonTaxable",
      "student.household.quotientFamilial",
    ]);
    const reg = scheme(r, "regional");
    expect(reg.verdict).toBe("incomplete");
    expect(reg.missing).toEqual([
      "student.household.nonTaxable",
      "student.household.quotientFamilial",
    ]);
  });

  it("leaves the verdict alone when only an amount depends on the missing fact, and says so", () => {
    const r = run({ student: { crous: { boursier: true }, fewerOpportunities: undefined } });
    const m = scheme(r, "monthly");
    expect(m.verdict).toBe("eligible");
    expect(m.estimate?.notes).toEqual(["+€250/month with fewer opportunities"]);
    expect(
      scheme(
        run({ student: { crous: { boursier: true }, fewerOpportunities: undefined } }, "fr"),
        "monthly",
      ).estimate?.notes,
    ).toEqual(["+250 €/mois si moins d'opportunités"]);
  });

  it("reads the rulebook's third example: 44 days at Politecnico di Milano", () => {
    const r = run({
      student: { household: { quotientFamilial: 1_000_000, nonTaxable: false } },
      mobility: { host: { partner: "polimi" }, start: "2027-03-01", end: "2027-04-14" },
    });
    const m = scheme(r, "monthly");
    expect(m.verdict).toBe("ineligible");
    expect(m.criteria.find((c) => c.id === "duration")?.hint).toBe(
      "This condition is met if the funded duration reaches 60 days, 16 days more.",
    );
    expect(scheme(r, "regional").estimate?.totalCents).toBe(66_000);
  });

  it("has no distance for a destination typed without coordinates", () => {
    const r = run({ mobility: { host: { country: "DE", city: "Berlin" } } });
    expect(r.distanceKm).toBeNull();
    // a typed destination claims no agreement
    expect(unmetIds(scheme(r, "monthly"))).toEqual(["agreement"]);
  });

  it("throws UnknownPartner for a partner not in the catalogue", () => {
    expect(() => run({ mobility: { host: { partner: "nowhere" } } })).toThrow(UnknownPartner);
    expect(() => run({ mobility: { host: { partner: "nowhere" } } })).toThrow(
      'mobility.host.partner: no partner "nowhere" in the catalogue',
    );
  });

  it("gives the same report for the same input", () => {
    expect(run()).toEqual(run());
  });
});

describe("evaluate: one language", () => {
  /** The locales amounts were formatted in while `fn` ran. */
  const localesFormattedBy = (fn: () => unknown): Set<string> => {
    const proto = Intl.NumberFormat.prototype;
    const format = Object.getOwnPropertyDescriptor(proto, "format") as PropertyDescriptor;
    const locales = new Set<string>();
    Object.defineProperty(proto, "format", {
      configurable: true,
      get(this: Intl.NumberFormat) {
        locales.add(this.resolvedOptions().locale);
        return format.get?.call(this);
      },
    });
    try {
      fn();
    } finally {
      Object.defineProperty(proto, "format", format);
    }
    return locales;
  };

  it("formats amounts only in the language of the report", () => {
    expect(localesFormattedBy(() => run({}, "en"))).toEqual(new Set(["en-GB"]));
    expect(localesFormattedBy(() => run({}, "fr"))).toEqual(new Set(["fr-FR"]));
  });
});

describe("evaluate: estimates", () => {
  it("adds the fewer-opportunities top-up and the green travel band (the rulebook's second example)", () => {
    const r = run({
      student: { crous: { boursier: true, echelon: "7" } },
      mobility: { greenTravel: true },
    });
    expect(scheme(r, "monthly").estimate).toEqual({
      totalCents: 312_700,
      lines: [
        { id: "support", label: "Support", amountCents: 271_000, basis: "€542 × 150/30 days" },
        { id: "travel", label: "Travel", amountCents: 41_700, basis: "band" },
      ],
      confidence: "secondary",
      notes: [],
    });
  });

  it("rounds the total once, from the exact lines", () => {
    // two lines of half a cent each: 1 cent together, although each alone would round to 1 cent
    // (shown as 1 and 0 cents)
    const halves = defineFundingPlugin({
      id: "halves",
      name: { fr: "Moitiés", en: "Halves" },
      funder: { fr: "F", en: "F" },
      url: "https://example.org",
      summary: { fr: "S", en: "S" },
      options: z.object({}),
      parameters: () => [{ since: "2024-01-01", parameters: {} }],
      criteria: () => [],
      estimate: () => ({
        confidence: "assumed",
        lines: [
          {
            id: "a",
            label: { fr: "A", en: "A" },
            amount: prorata(1, 1, 2),
            basis: "½",
          },
          {
            id: "b",
            label: { fr: "B", en: "B" },
            amount: prorata(1, 1, 2),
            basis: "½",
          },
          {
            id: "c",
            label: { fr: "C", en: "C" },
            amount: prorata(29_200, 44, 30),
            basis: "c",
          },
        ],
      }),
      documents: () => [],
    });
    const r = run({}, "en", registryOf([halves.configure()]));
    const e = scheme(r, "halves").estimate;
    // 1/2 + 1/2 + 42 826.67 = 42 827.67 → 42 828, not 1 + 1 + 42 827 = 42 829
    expect(e?.totalCents).toBe(42_828);
    // the lines are apportioned (largest remainder) so that they add up to the total
    expect(e?.lines.map((l) => l.amountCents)).toEqual([1, 0, 42_827]);
    expect(r.plan.totalCents).toBe(42_828);
  });

  it("picks the figures of the period in force at the mobility's start", () => {
    const before = run({ mobility: { start: "2024-06-30", end: "2024-08-13" } });
    const after = run({ mobility: { start: "2024-07-01", end: "2024-08-15" } });
    expect(before.fundedDays).toBe(45);
    expect(after.fundedDays).toBe(45);
    const b = scheme(before, "dated");
    const a = scheme(after, "dated");
    expect(b.verdict).toBe("ineligible");
    expect(b.criteria.find((c) => c.id === "duration")).toEqual({
      id: "duration",
      status: "unmet",
      reason: "The funded duration is 45 days; Dated aid requires between 60 days and 270 days.",
      hint: "This condition is met if the funded duration reaches 60 days, 15 days more.",
    });
    expect(a.verdict).toBe("eligible");
    expect(a.criteria.find((c) => c.id === "duration")?.reason).toBe(
      "The funded duration is 45 days; Dated aid requires between 30 days and 300 days.",
    );
    expect(a.estimate?.totalCents).toBe(60_000);
  });

  it("accepts under the new period a stay the old one refused", () => {
    // 290 funded days: over the old maximum (270), within the new one (300)
    expect(
      scheme(run({ mobility: { start: "2024-06-01", end: "2025-03-20" } }), "dated").verdict,
    ).toBe("ineligible");
    const after = run({ mobility: { start: "2024-07-01", end: "2025-04-20" } });
    expect(after.fundedDays).toBe(290);
    expect(scheme(after, "dated").estimate?.totalCents).toBe(386_667);
  });

  it("refuses a stay before a scheme's earliest figures on `period`, with no estimate and no other period's figures", () => {
    // the fixtures' monthly aid has one period, from 2024-07-01
    const early = run({ mobility: { start: "2024-06-30", end: "2024-11-30" } });
    const monthlyAid = scheme(early, "monthly");
    expect(monthlyAid.verdict).toBe("ineligible");
    expect(unmetIds(monthlyAid)).toEqual(["period"]);
    expect(monthlyAid.criteria.find((c) => c.id === "period")).toEqual({
      id: "period",
      status: "unmet",
      reason: "No figures for stays starting before 1 July 2024; this stay starts on 30 June 2024.",
      hint: "This scheme applies to stays starting on or after 1 July 2024.",
    });
    expect(monthlyAid.estimate).toBeNull();
    expect(monthlyAid.upToCents).toBeNull();
    expect(early.plan.items.map((s) => s.scheme)).not.toContain("monthly");
    // the dated aid's earliest figures start in 2018: the same stay is priced with its own
    expect(scheme(early, "dated").criteria.find((c) => c.id === "period")?.status).toBe("met");
  });

  it("meets `period` from the earliest figures' first day, in French too", () => {
    const first = run({ mobility: { start: "2024-07-01", end: "2024-11-30" } }, "fr");
    expect(scheme(first, "monthly").criteria.find((c) => c.id === "period")).toEqual({
      id: "period",
      status: "met",
      reason:
        "Le séjour commence le 1er juillet 2024 : les montants en vigueur à cette date s'appliquent.",
      hint: null,
    });
    const before = run({ mobility: { start: "2023-09-01", end: "2024-01-31" } }, "fr");
    expect(scheme(before, "monthly").criteria.find((c) => c.id === "period")?.reason).toBe(
      "Aucun montant connu pour les séjours commençant avant le 1er juillet 2024 ; ce séjour commence le 1er septembre 2023.",
    );
  });
});

describe("evaluate: the plan", () => {
  it("combines every eligible scheme when none is exclusive (the rulebook's first example)", () => {
    const r = run();
    expect(r.plan).toEqual({
      items: [
        { scheme: "monthly", amountCents: 146_000 },
        { scheme: "regional", amountCents: 225_000 },
        { scheme: "hardship", amountCents: 80_000 },
        { scheme: "dated", amountCents: 200_000 },
      ],
      totalCents: 651_000,
      excluded: [],
      upTo: null,
    });
  });

  it("subtracts the travel the other schemes pay from the alumni-like aid (the rulebook's second example)", () => {
    const r = run({
      student: { crous: { boursier: true, echelon: "7" } },
      mobility: { greenTravel: true },
    });
    // standalone: min(800 €, 920 €); in the plan: min(800 €, 920 € − 417 € of green travel) = 503 €
    expect(scheme(r, "hardship").estimate?.totalCents).toBe(80_000);
    expect(r.plan.items.find((i) => i.scheme === "hardship")).toEqual({
      scheme: "hardship",
      amountCents: 50_300,
      note: "costs minus travel paid",
    });
    expect(r.plan.totalCents).toBe(312_700 + 225_000 + 50_300 + 200_000);
    expect(r.plan.totalCents).toBe(r.plan.items.reduce((t, i) => t + i.amountCents, 0));
  });

  it("keeps the better of two exclusive schemes and says why the other is left out", () => {
    const r = run({
      mobility: { host: { partner: "usp" }, costs: { transport: 200_000, installation: 62_000 } },
    });
    expect(scheme(r, "international").estimate?.totalCents).toBe(523_500);
    expect(scheme(r, "lump-sum").estimate?.totalCents).toBe(290_000);
    expect(r.plan.items).toEqual([
      { scheme: "regional", amountCents: 225_000 },
      { scheme: "international", amountCents: 523_500 },
      // 2 620 € of costs − 1 735 € of travel already paid by the international scheme
      { scheme: "hardship", amountCents: 88_500, note: "costs minus travel paid" },
      { scheme: "dated", amountCents: 200_000 },
    ]);
    expect(r.plan.excluded).toEqual([
      {
        scheme: "lump-sum",
        reason:
          "Cannot be combined with International mobility, chosen for a total at least as high.",
      },
    ]);
  });

  it("switches to the other exclusive scheme when it pays more", () => {
    const registry = registryOf([
      regional.configure(),
      international.configure({ rateCents: 10_000 }),
      lumpSum.configure(),
      hardship.configure(),
    ]);
    const r = run({ mobility: { host: { partner: "usp" } } }, "fr", registry);
    expect(scheme(r, "international").estimate?.totalCents).toBe(223_500);
    expect(r.plan.items.map((i) => i.scheme)).toEqual(["regional", "lump-sum", "hardship"]);
    expect(r.plan.items.find((i) => i.scheme === "hardship")?.amountCents).toBe(2_000);
    expect(r.plan.excluded).toEqual([
      {
        scheme: "international",
        reason:
          "Non cumulable avec Forfait Amérique latine, retenue pour un total au moins aussi élevé.",
      },
    ]);
  });

  it("lists an eligible scheme that adds nothing in the plan as excluded", () => {
    const r = run({ mobility: { host: { partner: "usp" } } });
    // 920 € of costs, all covered by the 1 735 € travel band of the international scheme
    expect(scheme(r, "hardship").verdict).toBe("eligible");
    expect(r.plan.items.map((i) => i.scheme)).toEqual(["regional", "international", "dated"]);
    expect(r.plan.excluded).toEqual([
      {
        scheme: "lump-sum",
        reason:
          "Cannot be combined with International mobility, chosen for a total at least as high.",
      },
      { scheme: "hardship", reason: "Adds nothing once the other grants are counted." },
    ]);
  });

  it("lists an eligible scheme with no amount as excluded", () => {
    const nothing = defineFundingPlugin({
      id: "nothing",
      name: { fr: "Rien", en: "Nothing" },
      funder: { fr: "F", en: "F" },
      url: "https://example.org",
      summary: { fr: "S", en: "S" },
      options: z.object({}),
      parameters: () => [{ since: "2024-01-01", parameters: {} }],
      criteria: () => [criterion("destination", noneOf(hostCountry, FRANCE_AND_OVERSEAS))],
      estimate: () => ({
        confidence: "assumed",
        lines: [
          {
            id: "none",
            label: { fr: "R", en: "N" },
            amount: cents(0),
            basis: "0",
          },
        ],
      }),
      documents: () => [],
    });
    const registry = registryOf([regional.configure(), nothing.configure()]);
    expect(run({}, "en", registry).plan).toEqual({
      items: [{ scheme: "regional", amountCents: 225_000 }],
      totalCents: 225_000,
      excluded: [{ scheme: "nothing", reason: "No amount for this stay." }],
      upTo: null,
    });
    expect(run({}, "fr", registry).plan.excluded).toEqual([
      { scheme: "nothing", reason: "Aucun montant pour ce séjour." },
    ]);
  });

  it("leaves out a scheme that only moves money from the alumni-like aid (a tie: fewer schemes win)", () => {
    const line: EstimateLine = {
      id: "ticket",
      label: { fr: "Billet", en: "Ticket" },
      amount: cents(10_000),
      basis: "b",
      covers: "transport",
    };
    const ticket = defineFundingPlugin({
      id: "ticket",
      name: { fr: "Billet", en: "Ticket" },
      funder: { fr: "F", en: "F" },
      url: "https://example.org",
      summary: { fr: "S", en: "S" },
      options: z.object({}),
      parameters: () => [{ since: "2024-01-01", parameters: {} }],
      criteria: () => [criterion("boursier", isTrue(crousBoursier))],
      estimate: () => ({ confidence: "assumed", lines: [line] }),
      documents: () => [],
    });
    const registry = registryOf([ticket.configure(), hardship.configure()]);
    const r = run({ mobility: { costs: { transport: 50_000 } } }, "en", registry);
    // ticket + hardship = 100 € + (500 € − 100 €) = 500 € = hardship alone
    expect(r.plan.items).toEqual([{ scheme: "hardship", amountCents: 50_000 }]);
    expect(r.plan.excluded).toEqual([{ scheme: "ticket", reason: "Would give a lower total." }]);
  });
});

/** Only the dates and the destination: every other question still open. */
const bare = (mobility: object = {}, registry = REGISTRY) =>
  evaluate(
    SituationSchema.parse({
      mobility: {
        host: { partner: "tu-berlin" },
        start: "2027-02-01",
        end: "2027-06-30",
        ...mobility,
      },
    }),
    registry,
    { asOf: ASOF, lang: "en" },
  );

describe("evaluate: what the open questions could still bring", () => {
  it("gives an incomplete scheme the most it could give, its open answers at their most favourable", () => {
    const r = bare();
    // 150 days at (292 € + 250 € fewer-opportunities top-up) a month, and the green travel band
    expect(scheme(r, "monthly").verdict).toBe("incomplete");
    expect(scheme(r, "monthly").upToCents).toBe(312_700);
    // costs not declared yet: up to the cap in Europe
    expect(scheme(r, "hardship").upToCents).toBe(80_000);
    expect(scheme(r, "regional").upToCents).toBe(225_000);
    expect(scheme(r, "dated").upToCents).toBe(200_000);
    // ruled out already: nothing to open
    expect(scheme(r, "lump-sum").upToCents).toBeNull();
  });

  it("shows the best combination as soon as the destination and dates are known", () => {
    const r = bare();
    expect(r.plan.items).toEqual([]);
    expect(r.plan.upTo).toEqual({
      items: [
        { scheme: "dated", amountCents: 200_000, pending: true },
        { scheme: "hardship", amountCents: 80_000, pending: true },
        { scheme: "monthly", amountCents: 312_700, pending: true },
        { scheme: "regional", amountCents: 225_000, pending: true },
      ],
      totalCents: 817_700,
    });
  });

  it("keeps what is certain and adds what is still open", () => {
    const r = run({ student: { history: undefined } });
    expect(scheme(r, "monthly").verdict).toBe("incomplete");
    expect(scheme(r, "regional").upToCents).toBeNull();
    expect(r.plan.upTo?.items).toContainEqual({
      scheme: "regional",
      amountCents: 225_000,
      pending: false,
    });
    expect(r.plan.upTo?.items).toContainEqual({
      scheme: "monthly",
      amountCents: scheme(r, "monthly").upToCents,
      pending: true,
    });
  });

  it("has no upper bound once every scheme and amount is decided", () => {
    expect(run().plan.upTo).toBeNull();
    for (const s of run().schemes) expect(s.upToCents, s.scheme).toBeNull();
  });

  it("gives an eligible scheme whose amount an open question could raise its most as well", () => {
    const r = run({ student: { crous: { boursier: true }, fewerOpportunities: undefined } });
    const m = scheme(r, "monthly");
    expect(m.verdict).toBe("eligible");
    expect(m.estimate?.totalCents).toBe(146_000);
    // the fewer-opportunities top-up and, with it, the travel band (not green, as answered)
    expect(m.upToCents).toBe(301_900);
    expect(r.plan.upTo?.items).toContainEqual({
      scheme: "monthly",
      amountCents: 301_900,
      pending: true,
    });
  });

  it("never adds up two exclusive schemes", () => {
    const r = bare({ host: { partner: "usp" } });
    expect(scheme(r, "international").verdict).toBe("eligible");
    expect(scheme(r, "lump-sum").verdict).toBe("incomplete");
    expect(scheme(r, "lump-sum").upToCents).toBeGreaterThan(0);
    const ids = r.plan.upTo?.items.map((i) => i.scheme) ?? [];
    expect(ids.filter((id) => id === "international" || id === "lump-sum")).toHaveLength(1);
    expect(r.plan.upTo?.totalCents).toBe(
      r.plan.upTo?.items.reduce((sum, i) => sum + i.amountCents, 0),
    );
  });

  it("is no more than the best way of answering gives: a share from the others counts what they would pay then", () => {
    // fewer opportunities unanswered: the monthly aid's travel (fewer opportunities only) is
    // open, and the hardship aid subtracts the travel the others pay in the plan; every cost
    // is answered (an unanswered one could be large enough to leave the hardship aid at its cap)
    const costs = { transport: 30_000, visa: 0, insurance: 12_000, installation: 50_000 };
    const open = run({ student: { fewerOpportunities: {} }, mobility: { costs } });
    const declared = run({
      student: { fewerOpportunities: { disability: true, qpv: false, zrr: false } },
      mobility: { costs },
    });
    expect(scheme(declared, "monthly").estimate?.lines.map((l) => l.id)).toEqual([
      "support",
      "travel",
    ]);
    expect(open.plan.upTo?.totalCents).toBe(declared.plan.totalCents);
    const amounts = (items: readonly { scheme: string; amountCents: number }[] = []) =>
      Object.fromEntries(items.map((i) => [i.scheme, i.amountCents]));
    expect(amounts(open.plan.upTo?.items)).toEqual(amounts(declared.plan.items));
  });

  it("is never below what any way of answering the open questions gives", () => {
    const answers = [
      {},
      { student: { fewerOpportunities: { disability: true, qpv: false, zrr: false } } },
      { mobility: { greenTravel: true, kind: "internship" } },
      { mobility: { costs: { transport: 900_000, visa: 10_000 } } },
      { student: { crous: { boursier: true, echelon: "7" } }, mobility: { greenTravel: true } },
      {
        student: {
          crous: { boursier: false },
          household: { quotientFamilial: 0, nonTaxable: true },
        },
      },
    ];
    for (const partner of ["tu-berlin", "polimi", "usp", "tsinghua", "mcgill"]) {
      const open = bare({ host: { partner } });
      for (const a of answers) {
        const full = run({
          student: a.student,
          mobility: { host: { partner }, ...a.mobility },
        });
        for (const s of full.schemes) {
          if (s.verdict !== "eligible") continue;
          const before = scheme(open, s.scheme);
          const most = before.upToCents ?? before.estimate?.totalCents;
          expect(most, `${partner} ${s.scheme}`).toBeDefined();
          expect(s.estimate?.totalCents, `${partner} ${s.scheme}`).toBeLessThanOrEqual(most ?? 0);
        }
        expect(full.plan.totalCents, partner).toBeLessThanOrEqual(
          open.plan.upTo?.totalCents ?? open.plan.totalCents,
        );
      }
    }
  });
});

describe("evaluate: languages", () => {
  it("writes names, reasons, hints, lines and documents in French by default", () => {
    const r = evaluate(situation({ mobility: { end: "2027-03-15" } }), REGISTRY, { asOf: ASOF });
    const m = scheme(r, "monthly");
    expect(m.name).toBe("Bourse mensuelle");
    expect(m.criteria.find((c) => c.id === "duration")).toEqual({
      id: "duration",
      status: "unmet",
      reason:
        "La durée financée est de 45 jours ; Bourse mensuelle exige entre 60 jours et 360 jours.",
      hint: "Cette condition est remplie si la durée financée atteint 60 jours, soit 15 jours de plus.",
    });
    // an ineligible scheme has no checklist; an eligible one has it in the language asked
    expect(m.documents).toEqual([]);
    // each says when it is due: before departure unless the plugin says after the return
    expect(scheme(r, "regional").documents).toEqual([
      { id: "tax-notice", label: "Avis d'imposition", due: "before-departure" },
      { id: "stay-report", label: "Rapport de séjour", due: "after-return" },
    ]);
    const reg = scheme(r, "regional").estimate;
    expect(reg?.lines).toEqual([
      { id: "grant", label: "Bourse", amountCents: 67_500, basis: "450\u00a0€ × 45/30 jours" },
    ]);
  });

  it("writes the same report in English", () => {
    const r = run({ mobility: { end: "2027-03-15" } }, "en");
    const m = scheme(r, "monthly");
    expect(m.name).toBe("Monthly grant");
    expect(m.criteria.find((c) => c.id === "duration")).toEqual({
      id: "duration",
      status: "unmet",
      reason:
        "The funded duration is 45 days; Monthly grant requires between 60 days and 360 days.",
      hint: "This condition is met if the funded duration reaches 60 days, 15 days more.",
    });
    expect(m.documents).toEqual([]);
    expect(scheme(r, "regional").documents).toEqual([
      { id: "tax-notice", label: "Tax notice", due: "before-departure" },
      { id: "stay-report", label: "Stay report", due: "after-return" },
    ]);
    expect(scheme(r, "regional").estimate?.lines).toEqual([
      { id: "grant", label: "Grant", amountCents: 67_500, basis: "€450 × 45/30 days" },
    ]);
  });

  it("translates only the words: verdicts and amounts are the same in both languages", () => {
    const fr = run({}, "fr");
    const en = run({}, "en");
    expect(fr.schemes.map((s) => [s.scheme, s.verdict, s.estimate?.totalCents])).toEqual(
      en.schemes.map((s) => [s.scheme, s.verdict, s.estimate?.totalCents]),
    );
    expect(fr.plan.items).toEqual(en.plan.items);
  });
});

describe("createRegistry", () => {
  const plugin = (
    id: string,
    criterionIds: readonly string[] = ["destination"],
    facts: readonly Fact[] = [],
  ) =>
    defineFundingPlugin({
      id,
      name: { fr: id, en: id },
      funder: { fr: "F", en: "F" },
      url: "https://example.org",
      summary: { fr: "S", en: "S" },
      options: z.object({}),
      parameters: () => [{ since: "2024-01-01", parameters: {} }],
      criteria: () =>
        criterionIds.map((c) => criterion(c, noneOf(hostCountry, FRANCE_AND_OVERSEAS))),
      estimate: () => ({ confidence: "assumed", lines: [] }),
      documents: () => [],
      facts: () => facts,
    }).configure();

  const problemsOf = (fn: () => unknown): readonly string[] => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(RegistryInvalid);
      return (e as RegistryInvalid).problems;
    }
    throw new Error("expected RegistryInvalid");
  };

  it("rejects two plugins with the same id", () => {
    expect(() => registryOf([monthly.configure(), monthly.configure()])).toThrow(RegistryInvalid);
    expect(
      problemsOf(() =>
        registryOf([monthly.configure(), regional.configure(), monthly.configure()]),
      ),
    ).toEqual(['two plugins have the id "monthly"']);
  });

  it("lists every problem at once: ids that are not kebab-case, duplicate criteria, a bad institution", () => {
    const problems = problemsOf(() =>
      createRegistry({
        institution: { ...INSTITUTION, region: "IDF" },
        plugins: [plugin("Bad_Id"), plugin("twice", ["duration", "duration"])],
        partners: PARTNERS,
      }),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^institution\.region: /);
    expect(problems[1]).toBe('plugin id "Bad_Id" must be kebab-case');
    expect(problems[2]).toBe('plugin "twice" has two criteria with the id "duration"');
    expect(() =>
      createRegistry({ institution: INSTITUTION, plugins: [plugin("Bad_Id")], partners: PARTNERS }),
    ).toThrow(/invalid funding registry:\n {2}- plugin id "Bad_Id" must be kebab-case/);
  });

  it("keeps a fact two plugins share, and rejects two different facts with one id", () => {
    const heldBefore = (label: string) =>
      booleanFact({
        id: "heldBefore",
        label: { fr: label, en: label },
        paths: ["student.history.heldBefore"],
        get: () => undefined,
      });
    const shared = heldBefore("shared");
    const registry = createRegistry({
      institution: INSTITUTION,
      plugins: [plugin("one", undefined, [shared]), plugin("two", undefined, [shared])],
      partners: PARTNERS,
    });
    expect(registry.facts.filter((f) => f.id === "heldBefore")).toEqual([shared]);
    expect(
      problemsOf(() =>
        registryOf([
          plugin("one", undefined, [heldBefore("one's")]),
          plugin("two", undefined, [heldBefore("two's")]),
        ]),
      ),
    ).toEqual([
      'plugin "one" and plugin "two" define two different facts with the id "heldBefore"',
    ]);
    // a plugin's own fact may not take a standard fact's id either
    const ownCrous = booleanFact({ ...crousBoursier });
    expect(problemsOf(() => registryOf([plugin("one", undefined, [ownCrous])]))).toEqual([
      'the standard facts and plugin "one" define two different facts with the id "crousBoursier"',
    ]);
  });

  it("makes exclusivity symmetric", () => {
    expect(REGISTRY.exclusive("monthly", "international")).toBe(true);
    expect(REGISTRY.exclusive("international", "monthly")).toBe(true);
    expect(REGISTRY.exclusive("lump-sum", "international")).toBe(true);
    expect(REGISTRY.exclusive("monthly", "lump-sum")).toBe(false);
    expect(REGISTRY.exclusive("monthly", "monthly")).toBe(false);
  });

  it("looks partners up from a list or a function", () => {
    expect(REGISTRY.partners("tu-berlin")?.country).toBe("DE");
    expect(REGISTRY.partners("nowhere")).toBeUndefined();
    const byFunction = createRegistry({
      institution: INSTITUTION,
      plugins: [],
      partners: (id) => (id === "x" ? PARTNERS[0] : undefined),
    });
    expect(byFunction.partners("x")?.id).toBe("tu-berlin");
  });
});

describe("plugin options", () => {
  it("are validated with their defaults", () => {
    expect(regional.configure().options).toEqual({ rateCents: 45_000 });
    expect(regional.configure({ rateCents: 30_000 }).options).toEqual({ rateCents: 30_000 });
    expect(
      scheme(run({}, "en", registryOf([regional.configure({ rateCents: 30_000 })])), "regional")
        .estimate?.totalCents,
    ).toBe(150_000);
  });

  it("reject a bad option, naming the plugin and the field", () => {
    expect(() => regional.configure({ rateCents: 10_000 })).toThrow(PluginOptionsInvalid);
    try {
      regional.configure({ rateCents: 10_000 });
      expect.unreachable();
    } catch (e) {
      const err = e as PluginOptionsInvalid;
      expect(err.plugin).toBe("regional");
      expect(err.issues.map((i) => i.path)).toEqual(["rateCents"]);
      expect(err.message).toMatch(/^plugin "regional" has invalid options:\n {2}- rateCents: /);
    }
  });

  it("name a nested field by its dotted path", () => {
    const nested = defineFundingPlugin({
      id: "nested",
      name: { fr: "N", en: "N" },
      funder: { fr: "F", en: "F" },
      url: "https://example.org",
      summary: { fr: "S", en: "S" },
      options: z.object({
        rates: z.object({ group1: z.number().int().default(29_200) }).default({ group1: 29_200 }),
      }),
      parameters: () => [{ since: "2024-01-01", parameters: {} }],
      criteria: () => [],
      estimate: () => ({ confidence: "assumed", lines: [] }),
      documents: () => [],
    });
    expect(nested.configure().options).toEqual({ rates: { group1: 29_200 } });
    expect(() => nested.configure({ rates: { group1: 1.5 } })).toThrow(
      /plugin "nested" has invalid options:\n {2}- rates\.group1: /,
    );
  });

  it("pick the period in force from the start date", () => {
    const d = dated.configure();
    expect(d.periodFor("2024-06-30").since).toBe("2018-07-19");
    expect(d.periodFor("2024-07-01").since).toBe("2024-07-01");
    expect(d.periodFor("2010-01-01").since).toBe("2018-07-19");
  });
});

describe("evaluate: who the scheme funds (rulebook §10)", () => {
  const TEACHER = SituationSchema.parse({
    personnel: { role: "teaching", activity: "teaching", teachingHours: 8 },
    mobility: { host: { partner: "tu-berlin" }, start: "2027-03-08", end: "2027-03-12" },
  });
  const teaching = defineFundingPlugin({
    id: "teaching-visit",
    name: { fr: "Visite d'enseignement", en: "Teaching visit" },
    funder: { fr: "École", en: "School" },
    url: "https://example.org",
    summary: { fr: "Un forfait.", en: "A lump sum." },
    participant: "personnel",
    options: z.object({}),
    parameters: () => [
      {
        since: "2024-07-01",
        parameters: {
          amount: {
            value: 50_000,
            since: "2024-07-01",
            source: "test",
            confidence: "assumed" as const,
            label: { fr: "Forfait", en: "Lump sum" },
            unit: "cents" as const,
          },
        },
      },
    ],
    criteria: () => [],
    estimate: () => ({
      confidence: "assumed",
      lines: [
        {
          id: "lump-sum",
          label: { fr: "Forfait", en: "Lump sum" },
          amount: cents(50_000),
          basis: "500 €",
        },
      ],
    }),
    documents: () => [],
  });
  const registry = registryOf([...FIXTURE_PLUGINS.map((p) => p.configure()), teaching.configure()]);

  it("makes every student scheme ineligible on participant for a teacher, saying so plainly", () => {
    const report = evaluate(TEACHER, registry, { asOf: ASOF, lang: "en" });
    for (const s of report.schemes.filter((s) => s.scheme !== "teaching-visit")) {
      expect(s.verdict, s.scheme).toBe("ineligible");
      expect(unmetIds(s), s.scheme).toContain("participant");
      // and that alone: a student's rules are not a teacher's questions
      expect(
        s.criteria.map((c) => c.id),
        s.scheme,
      ).toEqual(["participant"]);
      expect(s.missing, s.scheme).toEqual([]);
      expect(s.criteria[0]).toMatchObject({
        reason:
          "This scheme funds students' stays; you are going as a member of the school's personnel.",
        hint: "Personnel stays are funded by the staff mobility schemes.",
      });
    }
    expect(scheme(report, "teaching-visit").verdict).toBe("eligible");
    expect(scheme(report, "teaching-visit").estimate?.totalCents).toBe(50_000);
  });

  it("makes a personnel scheme ineligible on participant for a student, in French too", () => {
    const report = evaluate(situation(), registry, { asOf: ASOF, lang: "fr" });
    const visit = scheme(report, "teaching-visit");
    expect(visit.verdict).toBe("ineligible");
    expect(unmetIds(visit)).toEqual(["participant"]);
    expect(visit.criteria.find((c) => c.id === "participant")?.reason).toBe(
      "Cette aide finance les séjours d'enseignement et de formation du personnel de l'école ; vous partez en tant qu'étudiant ou étudiante.",
    );
  });

  it("leaves a student's answers as they were: participant met, first", () => {
    for (const s of run().schemes.filter((s) => s.scheme !== "teaching-visit")) {
      expect(s.criteria[0]).toMatchObject({ id: "participant", status: "met" });
    }
  });
});
