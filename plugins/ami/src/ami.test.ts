import { CONFIGURED_SOURCE, createRegistry, evaluate, SituationSchema } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import {
  type ConformanceCase,
  criterionOf,
  optionIssues,
  runPluginConformance,
} from "@envol/domain/testing";
import { describe, expect, it } from "vitest";
import cases from "../cases.json" with { type: "json" };
import { ami } from "./ami.ts";

// The AMI is registered disabled for Télécom Paris (an IMT school, rulebook §6); its rules are
// tested here with the plugin enabled, against the same reference institution and catalogue.
runPluginConformance(ami, cases as ConformanceCase[], {
  institution: TELECOM_PARIS,
  partners: DEMO_PARTNER_CATALOGUE.partners,
  // every request gives a destination and the dates the funded days follow from
  exempt: { unknown: ["destination", "duration"] },
});

const STUDENT = {
  programme: { level: "engineering" },
  crous: { boursier: true },
  history: { amiMonthsTotal: 0 },
};

const simulate = (situation: unknown, lang: "fr" | "en" = "en", options = {}) => {
  const registry = createRegistry({
    institution: TELECOM_PARIS,
    plugins: [ami.configure(options)],
    partners: DEMO_PARTNER_CATALOGUE.partners,
  });
  const report = evaluate(SituationSchema.parse(situation), registry, { asOf: "2026-11-26", lang });
  const scheme = report.schemes[0];
  if (!scheme) throw new Error("the ami scheme is missing from the report");
  return scheme;
};

const stay = (start: string, end: string, kind = "study") => ({
  kind,
  host: { partner: "polimi" },
  start,
  end,
});

const SINCE_2018 = {
  since: "2018-07-19",
  minFundedDays: 60,
  maxFundedDays: 270,
  lifetimeCapDays: 270,
  monthlyRateCents: 40_000,
};
const SINCE_2024 = {
  since: "2024-07-01",
  minFundedDays: 30,
  maxFundedDays: 300,
  lifetimeCapDays: 300,
  monthlyRateCents: 40_000,
};
const RULEBOOK_PERIODS = [SINCE_2018, SINCE_2024];

describe("ami dated figures", () => {
  const configured = ami.configure();

  it("picks the figures by the mobility's start date", () => {
    const before = configured.periodFor("2024-06-30").parameters;
    const after = configured.periodFor("2024-07-01").parameters;
    expect([before.minFundedDays?.value, before.maxFundedDays?.value]).toEqual([60, 270]);
    expect(before.lifetimeCapDays?.value).toBe(270);
    expect([after.minFundedDays?.value, after.maxFundedDays?.value]).toEqual([30, 300]);
    expect(after.lifetimeCapDays?.value).toBe(300);
  });

  it("cites the 2018 arrêté for the 400 € rate and the 2024 circular for the new bounds", () => {
    const after = configured.periodFor("2027-02-01").parameters;
    expect(after.monthlyRate).toMatchObject({
      value: 40_000,
      since: "2018-07-19",
      confidence: "official",
    });
    expect(after.monthlyRate?.source).toMatch(/Arrêté du 19 juillet 2018, art\. 4/);
    expect(after.maxFundedDays?.source).toMatch(/ESRS2413977C/);
    expect(after.maxFundedDays?.since).toBe("2024-07-01");
  });

  it("explains the same 45-day stay differently on each side of 1 July 2024", () => {
    const before = { student: STUDENT, mobility: stay("2024-06-30", "2024-08-13") };
    const after = { student: STUDENT, mobility: stay("2024-07-01", "2024-08-15") };
    expect(criterionOf(simulate(before, "fr"), "duration")).toMatchObject({
      status: "unmet",
      hint: "Cette condition est remplie si la durée financée atteint 60 jours, soit 15 jours de plus.",
    });
    expect(criterionOf(simulate(before, "en"), "duration").reason).toContain(
      "between 60 days and 270 days",
    );
    expect(criterionOf(simulate(after, "en"), "duration")).toMatchObject({
      status: "met",
      reason:
        "The funded duration is 45 days; International mobility aid (AMI) requires between 30 days and 300 days.",
    });
  });

  it("applies the lifetime cap in force: 270 days before, 300 days after", () => {
    const student = { ...STUDENT, history: { amiMonthsTotal: 7 } };
    const before = simulate({ student, mobility: stay("2024-06-30", "2024-09-29") });
    const after = simulate({ student, mobility: stay("2024-07-01", "2024-09-30") });
    expect(criterionOf(before, "lifetime-cap")).toMatchObject({
      status: "unmet",
      hint: "This condition is met if the number of AMI days over all studies, this stay included, is no more than 270 days, 30 days less.",
    });
    expect(criterionOf(after, "lifetime-cap").status).toBe("met");
    expect(after.estimate?.totalCents).toBe(120_000);
  });
});

describe("ami options", () => {
  it("accepts the rulebook's periods restated", () => {
    expect(optionIssues(ami, { periods: RULEBOOK_PERIODS })).toEqual([]);
  });

  it("names the field of a period whose minimum exceeds its maximum", () => {
    const periods = [{ ...SINCE_2018, minFundedDays: 300 }];
    expect(optionIssues(ami, { periods })).toEqual(["periods.0.minFundedDays"]);
  });

  it("refuses a start that is not a date and two periods starting together", () => {
    expect(optionIssues(ami, { periods: [{ ...SINCE_2018, since: "2024-13-01" }] })).toEqual([
      "periods.0.since",
    ]);
    expect(optionIssues(ami, { periods: [SINCE_2018, SINCE_2018] })).toEqual(["periods"]);
    expect(optionIssues(ami, { periods: [] })).toEqual(["periods"]);
  });

  it("reports a configured period as the institution's own, from its start date", () => {
    const periods = [
      ...RULEBOOK_PERIODS,
      { ...SINCE_2024, since: "2026-07-01", maxFundedDays: 360 },
    ];
    const p = ami.configure({ periods }).periodFor("2026-09-01").parameters;
    expect(p.maxFundedDays).toMatchObject({
      value: 360,
      since: "2026-07-01",
      source: CONFIGURED_SOURCE,
    });
    // figures left as they were keep the rulebook's date and source
    expect(p.monthlyRate).toMatchObject({ since: "2018-07-19", confidence: "official" });
    expect(p.minFundedDays?.source).toMatch(/ESRS2413977C/);
  });

  it("refuses a misspelt option instead of ignoring it", () => {
    expect(() => ami.configure({ monthlyRateCents: 45_000 } as never)).toThrow(
      /"monthlyRateCents"/,
    );
  });

  it("combines with every other aid by default", () => {
    expect(ami.configure().exclusive).toEqual([]);
  });
});

describe("ami estimate and documents", () => {
  it("pays 400 € a month as one official living line", () => {
    const scheme = simulate({ student: STUDENT, mobility: stay("2027-02-01", "2027-06-30") }, "fr");
    expect(scheme.estimate).toMatchObject({
      totalCents: 200_000,
      confidence: "official",
      lines: [
        {
          id: "monthly-aid",
          label: "Aide mensuelle",
          amountCents: 200_000,
          basis: "400\u00a0€ × 150/30 jours",
        },
      ],
    });
    expect(scheme.estimate?.notes).toHaveLength(1);
  });

  it("says what it assumes when the earlier AMI months are not given", () => {
    const student = { ...STUDENT, history: {} };
    const scheme = simulate({ student, mobility: stay("2027-02-01", "2027-06-30") });
    expect(scheme.verdict).toBe("incomplete");
    expect(scheme.missing).toEqual(["student.history.amiMonthsTotal"]);
    expect(scheme.estimate?.notes.join(" ")).toContain("stay within 300 days in all");
  });

  it("asks for the CROUS notice and the proof that fits the stay", () => {
    const ids = (kind: string) =>
      simulate({
        student: STUDENT,
        mobility: stay("2027-02-01", "2027-06-30", kind),
      }).documents.map((d) => d.id);
    expect(ids("study")).toEqual([
      "crous-notification",
      "mobility-project",
      "acceptance-letter",
      "attendance-certificate",
      "bank-details",
    ]);
    expect(ids("internship")).toContain("internship-agreement");
  });
});
