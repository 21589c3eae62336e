import {
  CONFIGURED_SOURCE,
  createRegistry,
  evaluate,
  type Institution,
  type Lang,
  makeEvaluationContext,
  PluginOptionsInvalid,
  SituationSchema,
} from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import { type ConformanceCase, runPluginConformance } from "@envol/domain/testing";
import { describe, expect, it } from "vitest";
import cases from "../cases.json" with { type: "json" };
import { erasmus } from "./erasmus.ts";

runPluginConformance(erasmus, cases as ConformanceCase[], {
  institution: TELECOM_PARIS,
  partners: DEMO_PARTNER_CATALOGUE.partners,
  // the programme's own name, written so in both languages
  properNames: ["Erasmus+ Europe"],
  exempt: {
    // `eche` reads the home institution's own charter, a configured boolean: never unknown,
    // and the table runs against Télécom Paris, which holds it (shown unmet below instead).
    // `destination` and `duration` read the host country and the dates, which every
    // situation must give, so they are never unknown either.
    unknown: ["eche", "destination", "duration"],
    unmet: ["eche"],
  },
});

const evaluateErasmus = (
  situation: unknown,
  {
    options = {},
    lang = "fr",
    institution = TELECOM_PARIS,
  }: {
    options?: Record<string, unknown>;
    lang?: Lang;
    institution?: Institution;
  } = {},
) => {
  const registry = createRegistry({
    institution,
    plugins: [erasmus.configure(options)],
    partners: DEMO_PARTNER_CATALOGUE.partners,
  });
  const report = evaluate(SituationSchema.parse(situation), registry, { asOf: "2026-11-26", lang });
  const scheme = report.schemes[0];
  if (!scheme) throw new Error("no scheme in the report");
  return scheme;
};

/** Money is formatted with (narrow) no-break spaces: "1 460 €"; compare it as plain spaces. */
const plain = (s: string | undefined): string | undefined => s?.replace(/[\u00a0\u202f]/g, " ");

const caseNamed = (prefix: string) => {
  const c = (cases as ConformanceCase[]).find((x) => x.name.startsWith(prefix));
  if (!c) throw new Error(`no case starting with "${prefix}"`);
  return c;
};

describe("erasmus explanations", () => {
  it("says in both languages that 44 days is 16 days short (worked example 3)", () => {
    const situation = caseNamed("worked example 3").situation;
    const fr = evaluateErasmus(situation, { lang: "fr" }).criteria.find((c) => c.id === "duration");
    const en = evaluateErasmus(situation, { lang: "en" }).criteria.find((c) => c.id === "duration");
    expect(fr?.status).toBe("unmet");
    expect(fr?.reason).toBe(
      "La durée financée est de 44 jours ; Erasmus+ Europe exige entre 60 jours et 360 jours.",
    );
    expect(fr?.hint).toBe(
      "Cette condition est remplie si la durée financée atteint 60 jours, soit 16 jours de plus.",
    );
    expect(en?.hint).toBe(
      "This condition is met if the funded duration reaches 60 days, 16 days more.",
    );
  });

  it("names both ways to meet the agreement when a study host has no Erasmus+ agreement", () => {
    const situation = caseNamed("studying at Imperial College").situation;
    const en = evaluateErasmus(situation, { lang: "en" }).criteria.find(
      (c) => c.id === "agreement",
    );
    expect(en?.status).toBe("unmet");
    expect(en?.hint).toContain(
      "if the host is a partner of the school (Erasmus+ inter-institutional agreement)",
    );
    expect(en?.hint).toContain("the mobility framework is internship agreement");
  });

  it("shows the ECHE unmet for an institution without the charter", () => {
    const situation = caseNamed("worked example 1").situation;
    const result = evaluateErasmus(situation, {
      institution: { ...TELECOM_PARIS, eche: false },
    });
    expect(result.verdict).toBe("ineligible");
    expect(result.criteria.filter((c) => c.status === "unmet").map((c) => c.id)).toEqual(["eche"]);
  });
});

describe("erasmus estimate", () => {
  it("explains worked example 2 line by line, travel covering transport", () => {
    const situation = caseNamed("worked example 2").situation;
    const result = evaluateErasmus(situation, { lang: "fr" });
    expect(result.estimate?.lines.map((l) => [l.id, l.amountCents, plain(l.basis)])).toEqual([
      ["individual-support", 146000, "292 € × 150/30 jours"],
      ["fewer-opportunities-top-up", 125000, "250 € × 150/30 jours"],
      [
        "travel",
        41700,
        "forfait aller-retour de 417 €, tranche 500–1999 km (890 km), tarif bas carbone",
      ],
    ]);
    // the response drops `covers`; the plan reads it from the draft, so check the draft itself
    const configured = erasmus.configure();
    const partners = new Map(DEMO_PARTNER_CATALOGUE.partners.map((p) => [p.id, p]));
    const ctx = makeEvaluationContext(
      SituationSchema.parse(situation),
      TELECOM_PARIS,
      (id) => partners.get(id),
      "2026-11-26",
      "fr",
    );
    const draft = configured.estimate(ctx, configured.periodFor("2027-02-01"));
    expect(draft.lines.map((l) => l.covers)).toEqual(["living", "living", "transport"]);
    expect(result.estimate?.notes).toEqual([
      "Jours de voyage bas carbone (soutien individuel en plus pour les jours de trajet) : non comptés, Envol ne les calcule pas.",
    ]);
  });

  it("says in both languages that green travel days are not modelled, and only when the student travels green", () => {
    const green = caseNamed("green travel in Call 2024");
    const en = evaluateErasmus(green.situation, { lang: "en" });
    // no travel line in Call 2024 without fewer opportunities, and no 50 € top-up: the note stays
    expect(en.estimate?.lines.map((l) => l.id)).toEqual(["individual-support"]);
    expect(en.estimate?.notes).toEqual([
      "Green travel days (extra individual support for the travel days): not counted, Envol does not compute them.",
    ]);
    const notGreen = evaluateErasmus(caseNamed("a stay starting on 1 July 2024").situation, {
      lang: "en",
    });
    expect(notGreen.estimate?.notes).toEqual([]);
  });

  it("says what fewer opportunities would add when it is not answered (worked example 1)", () => {
    const result = evaluateErasmus(caseNamed("worked example 1").situation, { lang: "fr" });
    // Call 2026: the travel support is everyone's, so only the top-up depends on the answer
    expect(result.estimate?.totalCents).toBe(176900);
    expect(result.estimate?.lines.map((l) => [l.id, l.amountCents])).toEqual([
      ["individual-support", 146000],
      ["travel", 30900],
    ]);
    expect(result.estimate?.notes.map(plain)).toEqual([
      "+250 €/mois si vous avez moins d'opportunités (échelon 6 ou 7, handicap, QPV ou ZRR) : non compté tant que ce n'est pas renseigné.",
    ]);
  });

  it("adds the travel support to what fewer opportunities would add in Call 2024", () => {
    const base = caseNamed("worked example 1").situation as {
      student: Record<string, unknown>;
      mobility: Record<string, unknown>;
    };
    const call2024 = {
      ...base,
      mobility: { ...base.mobility, start: "2025-02-01", end: "2025-06-30" },
    };
    const result = evaluateErasmus(call2024, { lang: "en" });
    expect(result.estimate?.totalCents).toBe(146000);
    expect(result.estimate?.notes.map(plain)).toEqual([
      "+€250/month and the travel support (€309) if you have fewer opportunities (échelon 6 or 7, disability, QPV or ZRR): not counted until you tell us.",
    ]);
  });

  it('names the green band too when green travel is not answered either, as the "up to" counts it', () => {
    const base = caseNamed("worked example 1").situation as {
      student: Record<string, unknown>;
      mobility: Record<string, unknown>;
    };
    const { greenTravel: _unanswered, ...mobility } = base.mobility;
    const call2024 = { ...base, mobility: { ...mobility, start: "2025-02-01", end: "2025-06-30" } };
    const result = evaluateErasmus(call2024, { lang: "fr" });
    expect(result.estimate?.notes.map(plain)).toContain(
      "+250 €/mois et le forfait voyage (309 €, 417 € en voyageant bas carbone) si vous avez moins d'opportunités (échelon 6 ou 7, handicap, QPV ou ZRR) : non compté tant que ce n'est pas renseigné.",
    );
    // (292 + 250) × 5 + 417: the most it could give, which the note now accounts for
    expect(result.upToCents).toBe(312_700);
  });

  it("notes the travel support it cannot compute when the distance is unknown", () => {
    const result = evaluateErasmus(caseNamed("QPV resident interning").situation, { lang: "en" });
    expect(result.estimate?.lines.map((l) => l.id)).toEqual([
      "individual-support",
      "internship-top-up",
      "fewer-opportunities-top-up",
    ]);
    expect(result.estimate?.notes).toEqual([
      "Travel support not counted: the distance to the host city is unknown (give its coordinates or choose a partner institution).",
    ]);
  });

  it("says what green travel would add when the student has not said how they travel", () => {
    const base = caseNamed("worked example 2").situation as {
      student: unknown;
      mobility: Record<string, unknown>;
    };
    const { greenTravel: _omitted, ...mobility } = base.mobility;
    const withTravel = evaluateErasmus({ ...base, mobility }, { lang: "en" });
    // échelon 7 earns the 309 € band; the green column of 500–1999 km would pay 417 €
    expect(withTravel.estimate?.totalCents).toBe(146000 + 125000 + 30900);
    expect(withTravel.estimate?.notes.map(plain)).toEqual([
      "+€108 of travel support when travelling green (train, bus, car-pool): not counted until you tell us.",
    ]);
    // without travel support green travel changes nothing: the 50 € top-up ended with Call 2023
    const noTravel = evaluateErasmus(
      { ...base, mobility },
      { lang: "fr", options: { travelSupport: [{ fromCall: 2024, policy: "none" }] } },
    );
    expect(noTravel.estimate?.totalCents).toBe(146000 + 125000);
    expect(noTravel.estimate?.notes).toEqual([]);
  });

  it("reports a configured rate as the institution's own figure, dated from its call", () => {
    const byDefault = erasmus.configure().periodFor("2027-02-01").parameters.rateGroup1;
    const options = caseNamed("the school's own group 1 rate").options;
    const configured = erasmus.configure(options).periodFor("2027-02-01").parameters.rateGroup1;
    const earlier = erasmus.configure(options).periodFor("2026-02-01").parameters.rateGroup1;
    expect(byDefault?.source).toContain("ecoledesponts.fr");
    expect(byDefault?.confidence).toBe("secondary");
    expect(configured?.value).toBe(35000);
    expect(configured?.source).toBe(CONFIGURED_SOURCE);
    expect(configured?.confidence).toBe("official");
    expect(configured?.since).toBe("2026-07-01");
    // the Call 2024 entry is the rulebook's own grid, reported as such
    expect(earlier).toBe(byDefault);
  });

  it("dates a configured rate from the call of its entry, in the later periods too", () => {
    const configured = erasmus.configure({
      rates: [{ fromCall: 2024, group1Cents: 33_000, group2Cents: 27_000, group3Cents: 27_000 }],
    });
    // the Call 2025 period (travel for all) keeps the rate the school set from Call 2024
    const call2025 = configured.periodFor("2025-09-01");
    expect(call2025.since).toBe("2025-07-01");
    expect(call2025.parameters.rateGroup1).toMatchObject({
      value: 33_000,
      since: "2024-07-01",
      source: CONFIGURED_SOURCE,
    });
  });

  it("takes its confidence from the weakest figure it used", () => {
    // Call 2026: travel for all is read on a school page (S), the 500–1999 km band officially
    const call2026 = evaluateErasmus(caseNamed("worked example 2").situation);
    expect(call2026.estimate?.confidence).toBe("secondary");
    // Call 2024's travel for fewer opportunities only is assumed (funding-research.md §11.2)
    const call2024 = evaluateErasmus(caseNamed("Call 2024 with échelon 7").situation);
    expect(call2024.estimate?.lines.map((l) => l.id)).toContain("travel");
    expect(call2024.estimate?.confidence).toBe("assumed");
  });
});

describe("erasmus documents", () => {
  it("asks for the traineeship agreement and the proof behind the top-up", () => {
    const result = evaluateErasmus(caseNamed("ZRR resident travelling green 1").situation, {
      lang: "en",
    });
    expect(result.documents.map((d) => d.id)).toEqual([
      "traineeship-agreement",
      "grant-agreement",
      "attendance-certificate",
      "participant-report",
      "fewer-opportunities-proof",
      "green-travel-proof",
    ]);
    expect(result.documents[4]?.label).toBe(
      "Proof for the fewer-opportunities top-up: proof of address in a ZRR",
    );
  });

  it("asks for the learning agreement for a study period, and no proof without the top-up", () => {
    const result = evaluateErasmus(caseNamed("Spain is in group 2").situation);
    expect(result.documents.map((d) => d.id)).toEqual([
      "learning-agreement",
      "grant-agreement",
      "attendance-certificate",
      "participant-report",
    ]);
  });
});

describe("erasmus by call", () => {
  it("has the figures of Call 2024 from 1 July 2024 and of Call 2025 onwards from 1 July 2025", () => {
    const configured = erasmus.configure();
    expect(configured.periods.map((p) => [p.since, p.parameters.travelSupport?.value])).toEqual([
      ["2024-07-01", "fewer-opportunities"],
      ["2025-07-01", "all"],
    ]);
    expect(configured.periodFor("2025-06-30").since).toBe("2024-07-01");
    expect(configured.periodFor("2025-07-01").since).toBe("2025-07-01");
    expect(configured.periodFor("2027-02-01").parameters.travelSupport?.source).toContain(
      "DHBW Mosbach",
    );
  });

  it("opens a period at every call an option's entry starts", () => {
    const configured = erasmus.configure(caseNamed("a school that stops travel support").options);
    expect(configured.periods.map((p) => [p.since, p.parameters.travelSupport?.value])).toEqual([
      ["2024-07-01", "fewer-opportunities"],
      ["2025-07-01", "all"],
      ["2026-07-01", "none"],
    ]);
    expect(configured.periods[2]?.parameters.travelSupport?.source).toBe(CONFIGURED_SOURCE);
    expect(configured.periods[2]?.parameters.travelSupport?.since).toBe("2026-07-01");
  });

  it("explains why a free mover at a partner is not under its Erasmus+ agreement", () => {
    const situation = caseNamed("a free mover at TU Berlin").situation;
    const fr = evaluateErasmus(situation, { lang: "fr" }).criteria.find(
      (c) => c.id === "agreement",
    );
    const en = evaluateErasmus(situation, { lang: "en" }).criteria.find(
      (c) => c.id === "agreement",
    );
    expect(fr?.status).toBe("unmet");
    expect(fr?.reason).toContain(
      "le cadre de la mobilité est free mover (hors accord), ce qui est exclu",
    );
    expect(fr?.hint).toContain("si le cadre de la mobilité n'est pas free mover (hors accord)");
    expect(en?.reason).toContain(
      "the mobility framework is free mover (no agreement), which is excluded",
    );
    expect(en?.hint).toContain("if the mobility framework is not free mover (no agreement)");
  });
});

describe("erasmus configuration check", () => {
  it("finds nothing to warn of in the rulebook's rates", () => {
    expect(erasmus.configure().warnings).toEqual([]);
  });

  it("warns of each rate outside its call's range, naming the plugin, the option and the range", () => {
    const configured = erasmus.configure({
      rates: [
        { fromCall: 2024, group1Cents: 29_200, group2Cents: 22_500, group3Cents: 22_500 },
        { fromCall: 2025, group1Cents: 67_400, group2Cents: 22_499, group3Cents: 55_001 },
      ],
    });
    // the band's ends are inside it: 674 € passes, 224.99 € and 550.01 € do not
    expect(configured.warnings.map((w) => [w.plugin, w.option])).toEqual([
      ["erasmus", "rates.1.group2Cents"],
      ["erasmus", "rates.1.group3Cents"],
    ]);
    expect(configured.warnings[0]?.message).toMatch(
      /^224\.99 € a month for group 2 from call 2025 is outside the range 225 €–606 €/,
    );
    expect(configured.warnings[1]?.message).toContain("the range 225 €–550 €");
  });
});

describe("erasmus options", () => {
  it("is exclusive with mic by default, and as configured", () => {
    expect(erasmus.configure().exclusive).toEqual(["mic"]);
    expect(erasmus.configure({ exclusiveWith: ["mic", "fitec"] }).exclusive).toEqual([
      "mic",
      "fitec",
    ]);
  });

  it.each([
    [
      { rates: [{ fromCall: 2024, group1Cents: 29_200, group2Cents: -1, group3Cents: 22_500 }] },
      "rates.0.group2Cents",
    ],
    [{ rates: [{ fromCall: 2024, group1Cents: 29_200 }] }, "rates.0.group2Cents"],
    [{ rates: [] }, "rates"],
    [{ travelSupport: "all" }, "travelSupport"],
    [{ travelSupport: [{ fromCall: 2024, policy: "sometimes" }] }, "travelSupport.0.policy"],
    // Envol's earliest Erasmus+ figures are Call 2024's: the list starts there
    [{ travelSupport: [{ fromCall: 2025, policy: "all" }] }, "travelSupport.0.fromCall"],
    [{ travelSupport: [{ fromCall: 2023, policy: "all" }] }, "travelSupport.0.fromCall"],
    [
      {
        travelSupport: [
          { fromCall: 2024, policy: "all" },
          { fromCall: 2024, policy: "none" },
        ],
      },
      "travelSupport.1.fromCall",
    ],
    [{ travelSupport: [{ fromCall: 2024, policy: "all", green: true }] }, "travelSupport.0"],
    // the one-off 50 € green top-up ended with Call 2023: no option is left for it
    [{ greenTopUpCents: 5_000 }, ""],
    [{ minDays: 30 }, "minDays"],
    [{ minDays: 200, maxDays: 180 }, "minDays"],
    [{ cycleCapDays: 1000 }, "cycleCapDays"],
    [{ levels: [] }, "levels"],
    [{ exclusiveWith: ["erasmus"] }, "exclusiveWith"],
  ])("rejects %j naming the field", (options, field) => {
    try {
      erasmus.configure(options as never);
      expect.unreachable("configure should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(PluginOptionsInvalid);
      expect((e as PluginOptionsInvalid).issues.map((i) => i.path)).toContain(field);
    }
  });
});
