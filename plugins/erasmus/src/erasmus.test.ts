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
    expect(result.estimate?.notes).toEqual([]);
  });

  it("says what fewer opportunities would add when it is not answered (worked example 1)", () => {
    const result = evaluateErasmus(caseNamed("worked example 1").situation, { lang: "fr" });
    expect(result.estimate?.totalCents).toBe(146000);
    expect(result.estimate?.notes.map(plain)).toEqual([
      "+250 €/mois et le forfait voyage (309 €) si vous avez moins d'opportunités (échelon 6 ou 7, handicap, QPV ou ZRR) : non compté tant que ce n'est pas renseigné.",
    ]);
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
    const noTravel = evaluateErasmus(
      { ...base, mobility },
      { lang: "fr", options: { travelSupport: "none" } },
    );
    expect(noTravel.estimate?.notes.map(plain)).toEqual([
      "+50 € en voyageant bas carbone (train, bus, covoiturage) : non compté tant que ce n'est pas renseigné.",
    ]);
  });

  it("reports a configured rate as the institution's own figure", () => {
    const byDefault = erasmus.configure().periodFor("2027-02-01").parameters.rateGroup1;
    const configured = erasmus.configure({ rateGroup1Cents: 35000 }).periodFor("2027-02-01")
      .parameters.rateGroup1;
    expect(byDefault?.source).toContain("ecoledesponts.fr");
    expect(byDefault?.confidence).toBe("secondary");
    expect(configured?.value).toBe(35000);
    expect(configured?.source).toBe(CONFIGURED_SOURCE);
    expect(configured?.confidence).toBe("official");
  });

  it("takes its confidence from the weakest figure it used", () => {
    const plain = evaluateErasmus(caseNamed("Spain is in group 2").situation);
    expect(plain.estimate?.confidence).toBe("secondary");
    // the travel policy default is assumed (funding-research.md §11.2)
    const travel = evaluateErasmus(caseNamed("worked example 2").situation);
    expect(travel.estimate?.confidence).toBe("assumed");
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

describe("erasmus options", () => {
  it("is exclusive with mic by default, and as configured", () => {
    expect(erasmus.configure().exclusive).toEqual(["mic"]);
    expect(erasmus.configure({ exclusiveWith: ["mic", "fitec"] }).exclusive).toEqual([
      "mic",
      "fitec",
    ]);
  });

  it.each([
    [{ rateGroup2Cents: -1 }, "rateGroup2Cents"],
    [{ travelSupport: "sometimes" }, "travelSupport"],
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
