import {
  CONFIGURED_SOURCE,
  createRegistry,
  evaluate,
  makeEvaluationContext,
  SituationSchema,
} from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import {
  type ConformanceCase,
  criterionOf,
  optionIssues,
  runPluginConformance,
} from "@envol/domain/testing";
import { describe, expect, it } from "vitest";
import cases from "../cases.json" with { type: "json" };
import { idf } from "./idf.ts";

runPluginConformance(idf, cases as ConformanceCase[], {
  institution: TELECOM_PARIS,
  partners: DEMO_PARTNER_CATALOGUE.partners,
  exempt: {
    // criteria on the institution's own region, on the dates (the academic year and the funded
    // days follow from them) and on the destination, which every request must give
    unknown: ["home-region", "partner-year", "destination", "duration"],
  },
});

const STUDENT = {
  programme: { level: "engineering", year: 2, mode: "initial", gapYear: false },
  household: { quotientFamilial: 1_200_000 },
};

const simulate = (
  options: Record<string, unknown>,
  situation: unknown,
  lang: "fr" | "en" = "en",
  institution = TELECOM_PARIS,
) => {
  const registry = createRegistry({
    institution,
    plugins: [idf.configure(options)],
    partners: DEMO_PARTNER_CATALOGUE.partners,
  });
  const report = evaluate(SituationSchema.parse(situation), registry, { asOf: "2026-11-26", lang });
  const scheme = report.schemes[0];
  if (!scheme) throw new Error("the idf scheme is missing from the report");
  return scheme;
};

const berlin = (start = "2027-02-01", end = "2027-06-30") => ({
  kind: "study",
  framework: "inter-institution-agreement",
  host: { partner: "tu-berlin" },
  start,
  end,
});

describe("idf options", () => {
  it("refuses a monthly rate outside the Region's 250–450 € range, naming the field", () => {
    expect(optionIssues(idf, { monthlyRateCents: 24_999 })).toEqual(["monthlyRateCents"]);
    expect(optionIssues(idf, { monthlyRateCents: 45_001 })).toEqual(["monthlyRateCents"]);
    expect(optionIssues(idf, { monthlyRateCents: 25_000 })).toEqual([]);
    expect(() => idf.configure({ monthlyRateCents: 50_000 })).toThrow(/monthlyRateCents/);
  });

  it("refuses a minimum duration above the maximum, naming the minimum", () => {
    expect(optionIssues(idf, { minFundedDays: 90, maxFundedDays: 60 })).toEqual(["minFundedDays"]);
  });

  it("refuses a misspelt option instead of ignoring it", () => {
    expect(() => idf.configure({ monthlyRate: 40_000 } as never)).toThrow(/"monthlyRate"/);
  });

  it("refuses a partner year that is not an academic year, naming its position", () => {
    expect(optionIssues(idf, { partnerYears: ["2026-2027", "2027-2029"] })).toEqual([
      "partnerYears.1",
    ]);
  });

  it("reports a configured rate as the institution's own figure and pays with it", () => {
    const byDefault = idf.configure().periods[0]?.parameters.monthlyRate;
    expect(byDefault?.source).toMatch(/aides-territoires/);
    expect(byDefault?.confidence).toBe("secondary");

    const configured = idf.configure({ monthlyRateCents: 35_000 });
    const rate = configured.periods[0]?.parameters.monthlyRate;
    expect(rate).toMatchObject({ value: 35_000, source: CONFIGURED_SOURCE });

    const scheme = simulate({ monthlyRateCents: 35_000 }, { student: STUDENT, mobility: berlin() });
    expect(scheme.estimate?.totalCents).toBe(175_000);
    expect(scheme.estimate?.lines[0]?.basis).toBe("€350 × 150/30 days");
    // the rulebook keeps the scheme secondary even with the school's own rate
    expect(scheme.estimate?.confidence).toBe("secondary");
    expect(scheme.estimate?.notes.join(" ")).not.toMatch(/ceiling/);
  });
});

describe("idf criteria", () => {
  it("is unmet for a school outside Île-de-France", () => {
    const lyon = { ...TELECOM_PARIS, id: "lyon", name: "École de Lyon", region: "84" };
    const scheme = simulate({}, { student: STUDENT, mobility: berlin() }, "en", lyon);
    expect(scheme.verdict).toBe("ineligible");
    expect(criterionOf(scheme, "home-region").status).toBe("unmet");
  });

  it("explains the means test in French and English", () => {
    const situation = {
      student: { ...STUDENT, household: { quotientFamilial: 2_000_000, nonTaxable: false } },
      mobility: berlin(),
    };
    const fr = criterionOf(simulate({}, situation, "fr"), "means");
    const en = criterionOf(simulate({}, situation, "en"), "means");
    expect(fr.status).toBe("unmet");
    expect(fr.hint).toContain("le quotient familial ne dépasse pas 19\u202f190\u00a0€");
    expect(fr.hint).toContain("si votre foyer est non imposable");
    expect(en.hint).toContain("the family quotient (quotient familial) is no more than €19,190");
    expect(en.reason).toContain("€20,000");
  });

  it("says how many days are missing under 30", () => {
    const situation = { student: STUDENT, mobility: berlin("2027-03-01", "2027-03-29") };
    expect(criterionOf(simulate({}, situation, "fr"), "duration").hint).toBe(
      "Cette condition est remplie si la durée financée atteint 30 jours, soit 1 jour de plus.",
    );
    expect(criterionOf(simulate({}, situation, "en"), "duration").hint).toBe(
      "This condition is met if the funded duration reaches 30 days, 1 day more.",
    );
  });

  it("lists the partner years a later stay would need", () => {
    const situation = { student: STUDENT, mobility: berlin("2028-09-01", "2028-12-31") };
    const c = criterionOf(simulate({}, situation), "partner-year");
    expect(c.status).toBe("unmet");
    expect(c.hint).toContain("2027-2028");
  });

  it("has no residence criterion unless the institution asks for it", () => {
    const scheme = simulate({}, { student: STUDENT, mobility: berlin() });
    expect(scheme.criteria.map((c) => c.id)).toEqual([
      "participant",
      "home-region",
      "partner-year",
      "level",
      "mode",
      "gap-year",
      "framework",
      "destination",
      "duration",
      "means",
      "period",
    ]);
  });
});

describe("idf estimate", () => {
  it("explains the worked example as one living line", () => {
    const scheme = simulate({}, { student: STUDENT, mobility: berlin() }, "fr");
    expect(scheme.estimate?.lines).toEqual([
      {
        id: "monthly-grant",
        label: "Bourse mensuelle",
        amountCents: 225_000,
        basis: "450\u00a0€ × 150/30 jours",
      },
    ]);
    expect(scheme.estimate?.confidence).toBe("secondary");
    expect(scheme.estimate?.notes).toHaveLength(1);
    expect(scheme.estimate?.notes[0]).toMatch(/plafond de la Région/);
  });

  it("marks the line as living costs, so the alumni aid does not subtract it", () => {
    const configured = idf.configure();
    const situation = SituationSchema.parse({ student: STUDENT, mobility: berlin() });
    const partners = new Map(DEMO_PARTNER_CATALOGUE.partners.map((p) => [p.id, p]));
    const ctx = makeEvaluationContext(
      situation,
      TELECOM_PARIS,
      (id) => partners.get(id),
      "2026-11-26",
      "en",
    );
    const draft = configured.estimate(ctx, configured.periodFor(situation.mobility.start));
    expect(draft.lines.map((l) => l.covers)).toEqual(["living"]);
  });

  it("says when the days or the annual cap limit the grant", () => {
    const scheme = simulate(
      { maxFundedDays: 360, annualCapCents: 400_000 },
      { student: STUDENT, mobility: berlin("2026-07-01", "2027-06-30") },
    );
    expect(scheme.estimate?.totalCents).toBe(400_000);
    expect(scheme.estimate?.lines[0]?.basis).toBe("min(€4,000, €450 × 360/30 days)");
    expect(scheme.estimate?.notes.join(" ")).toContain("(€5,400) exceeds the cap of €4,000");

    const long = simulate({}, { student: STUDENT, mobility: berlin("2026-08-01", "2027-06-30") });
    expect(long.estimate?.lines[0]?.basis).toBe("€450 × 300/30 days");
    expect(long.estimate?.notes.join(" ")).toContain("Only 300 days of 330 days are funded");
  });
});

describe("idf documents", () => {
  const ids = (options: Record<string, unknown>, situation: unknown) =>
    simulate(options, situation).documents.map((d) => d.id);

  it("asks for an acceptance letter for studies and the internship agreement for an internship", () => {
    expect(ids({}, { student: STUDENT, mobility: berlin() })).toEqual([
      "tax-notice",
      "bank-details",
      "acceptance-letter",
      "stay-report",
    ]);
    const internship = {
      ...berlin(),
      kind: "internship",
      framework: "internship-agreement",
      host: { country: "US", city: "New York" },
    };
    expect(ids({}, { student: STUDENT, mobility: internship })).toContain("internship-agreement");
  });

  it("asks for the non-taxable notice when the household is not taxable", () => {
    const student = { ...STUDENT, household: { nonTaxable: true } };
    const docs = simulate({}, { student, mobility: berlin() }, "fr").documents;
    expect(docs[0]).toEqual({
      id: "tax-notice",
      label: "Avis de non-imposition du foyer",
      due: "before-departure",
    });
  });

  it("asks for the stay report after the return, the rest before departure", () => {
    const docs = simulate({}, { student: STUDENT, mobility: berlin() }, "fr").documents;
    expect(docs.filter((d) => d.due === "after-return").map((d) => d.id)).toEqual(["stay-report"]);
  });

  it("asks for a proof of residence only when residence is required", () => {
    expect(ids({ requireResidence: true }, { student: STUDENT, mobility: berlin() })).toContain(
      "residence-proof",
    );
  });
});
