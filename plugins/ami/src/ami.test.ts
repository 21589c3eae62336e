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
  framework: kind === "internship" ? "internship-agreement" : "inter-institution-agreement",
  host: { partner: "polimi" },
  start,
  end,
});

const SINCE_2018 = {
  since: "2018-07-19",
  minMonths: 2,
  maxMonths: 9,
  lifetimeCapMonths: 9,
  monthlyRateCents: 40_000,
};
const SINCE_2024 = {
  since: "2024-07-01",
  minMonths: 1,
  maxMonths: 10,
  lifetimeCapMonths: 10,
  monthlyRateCents: 40_000,
};
const RULEBOOK_PERIODS = [SINCE_2018, SINCE_2024];

describe("ami dated figures", () => {
  const configured = ami.configure();

  it("picks the figures by the mobility's start date, in whole months", () => {
    const before = configured.periodFor("2024-06-30").parameters;
    const after = configured.periodFor("2024-07-01").parameters;
    expect([before.minMonths?.value, before.maxMonths?.value]).toEqual([2, 9]);
    expect(before.lifetimeCapMonths).toMatchObject({ value: 9, unit: "months" });
    expect([after.minMonths?.value, after.maxMonths?.value]).toEqual([1, 10]);
    expect(after.lifetimeCapMonths).toMatchObject({ value: 10, unit: "months" });
  });

  it("cites the 2018 arrêté for the 400 € rate and the 2024 circular for the new bounds", () => {
    const after = configured.periodFor("2027-02-01").parameters;
    expect(after.monthlyRate).toMatchObject({
      value: 40_000,
      since: "2018-07-19",
      confidence: "official",
    });
    expect(after.monthlyRate?.source).toMatch(/Arrêté du 19 juillet 2018, art\. 4/);
    expect(after.maxMonths?.source).toMatch(/ESRS2413977C/);
    expect(after.maxMonths?.since).toBe("2024-07-01");
  });

  it("explains the same 1-month-and-15-day stay differently on each side of 1 July 2024", () => {
    const before = { student: STUDENT, mobility: stay("2024-06-30", "2024-08-13") };
    const after = { student: STUDENT, mobility: stay("2024-07-01", "2024-08-15") };
    expect(criterionOf(simulate(before, "fr"), "duration")).toMatchObject({
      status: "unmet",
      reason:
        "Le nombre de mois entiers du séjour est de 1 mois ; Aide à la mobilité internationale (AMI) exige entre 2 mois et 9 mois.",
      hint: "Cette condition est remplie si le nombre de mois entiers du séjour atteint 2 mois, soit 1 mois de plus.",
    });
    expect(criterionOf(simulate(after, "en"), "duration")).toMatchObject({
      status: "met",
      reason:
        "The number of whole months of the stay is 1 month; International mobility aid (AMI) requires between 1 month and 10 months.",
    });
  });

  it("counts whole months, the days after the last one dropped: 1 February – 30 March 2021 is under two", () => {
    const under = simulate({ student: STUDENT, mobility: stay("2021-02-01", "2021-03-30") });
    expect(criterionOf(under, "duration").status).toBe("unmet");
    // the same 58 calendar days from 29 January reach the end of a second whole month
    const over = simulate({ student: STUDENT, mobility: stay("2021-01-29", "2021-03-28") });
    expect(criterionOf(over, "duration").status).toBe("met");
  });

  it("applies the lifetime cap in force: 7 months received leave 2 before 1 July 2024, 3 after", () => {
    const student = { ...STUDENT, history: { amiMonthsTotal: 7 } };
    const before = simulate({ student, mobility: stay("2024-06-30", "2024-09-29") });
    const after = simulate({ student, mobility: stay("2024-07-01", "2024-09-30") });
    expect(criterionOf(before, "lifetime-cap").status).toBe("met");
    expect(before.estimate?.totalCents).toBe(80_000);
    expect(after.estimate?.totalCents).toBe(120_000);
  });
});

describe("ami lifetime cap", () => {
  const student = (amiMonthsTotal: number) => ({ ...STUDENT, history: { amiMonthsTotal } });

  it("limits the amount to the months left and says so in the basis and the notes", () => {
    const nineMonths = stay("2026-09-01", "2027-05-31");
    const fr = simulate({ student: student(5), mobility: nineMonths }, "fr");
    expect(fr.verdict).toBe("eligible");
    expect(fr.estimate?.lines[0]?.basis).toBe(
      "400\u00a0€ × 150/30 jours (plafond : 10 mois − 5 mois déjà perçus)",
    );
    expect(fr.estimate?.notes).toContain(
      "Montant plafonné : vous avez déjà perçu 5 mois d'AMI sur les 10 mois possibles de toute la scolarité ; il en reste 150 jours pour ce séjour de 270 jours financés.",
    );
    const en = simulate({ student: student(5), mobility: nineMonths }, "en");
    expect(en.estimate?.lines[0]?.basis).toBe(
      "€400 × 150/30 days (cap: 10 months − 5 months already received)",
    );
    expect(en.estimate?.notes).toContain(
      "Amount capped: you already received 5 months of AMI out of the 10 months allowed over all studies; 150 days are left for this stay of 270 days funded.",
    );
  });

  it("counts a fractional month received to the hundredth, in the reader's decimals", () => {
    const tenMonths = stay("2026-09-01", "2027-06-30");
    // 0.3 day left of the cap: 400 € × 0.3/30 = 4 €, not 0 €
    const almost = simulate({ student: student(9.99), mobility: tenMonths }, "fr");
    expect(almost.estimate?.totalCents).toBe(400);
    expect(almost.estimate?.lines[0]?.basis).toBe(
      "400\u00a0€ × 0,3/30 jours (plafond : 10 mois − 9,99 mois déjà perçus)",
    );
    // 0.3 day less than the 300 funded days: 400 € × 299.7/30 = 3 996 €
    const hardly = simulate({ student: student(0.01), mobility: tenMonths }, "en");
    expect(hardly.estimate?.totalCents).toBe(399_600);
    expect(hardly.estimate?.lines[0]?.basis).toBe(
      "€400 × 299.7/30 days (cap: 10 months − 0.01 months already received)",
    );
  });

  it("excludes the stay only when no month is left", () => {
    const semester = stay("2027-02-01", "2027-06-30");
    expect(
      criterionOf(simulate({ student: student(9), mobility: semester }), "lifetime-cap"),
    ).toMatchObject({
      status: "met",
      reason:
        "The number of AMI months already received is 9 months; International mobility aid (AMI) requires less than 10 months.",
    });
    const none = simulate({ student: student(10), mobility: semester }, "fr");
    expect(none.verdict).toBe("ineligible");
    expect(criterionOf(none, "lifetime-cap")).toMatchObject({
      status: "unmet",
      reason:
        "Le nombre de mois d'AMI déjà perçus est de 10 mois ; Aide à la mobilité internationale (AMI) exige moins de 10 mois.",
    });
  });

  it("caps a stay of 10 whole months and some days at the longest stay, saying which days are not paid", () => {
    const scheme = simulate({ student: student(0), mobility: stay("2026-09-01", "2027-07-29") });
    expect(scheme.estimate?.totalCents).toBe(400_000);
    expect(scheme.estimate?.lines[0]?.basis).toBe("€400 × 300/30 days (at most 10 months a stay)");
    expect(scheme.estimate?.notes).toContain(
      "Amount capped at 10 months, the longest stay the aid pays: the 29 days beyond are not paid.",
    );
    const oneDay = stay("2026-09-01", "2027-07-01");
    expect(simulate({ student: student(0), mobility: oneDay }, "fr").estimate?.notes).toContain(
      "Montant plafonné à 10 mois, le plus long séjour aidé : le jour au-delà n'est pas payé.",
    );
  });

  it("pays the days after the last whole month within the bounds (the rulebook's formula on funded days)", () => {
    // 1 whole month and 14 days: the month decides eligibility, the 44 funded days the amount
    const scheme = simulate({ student: student(0), mobility: stay("2027-03-01", "2027-04-14") });
    expect(scheme.estimate?.lines[0]?.basis).toBe("€400 × 44/30 days");
    expect(scheme.estimate?.totalCents).toBe(58_667);
  });
});

describe("ami framework", () => {
  it("refuses a free mover, whose stay is not part of the curriculum, in French and English", () => {
    const mobility = { ...stay("2027-02-01", "2027-06-30"), framework: "free-mover" };
    expect(criterionOf(simulate({ student: STUDENT, mobility }, "fr"), "framework")).toMatchObject({
      status: "unmet",
      reason:
        "Cadre de la mobilité : free mover (hors accord) ; Aide à la mobilité internationale (AMI) accepte : accord entre établissements ou convention de stage.",
    });
    expect(criterionOf(simulate({ student: STUDENT, mobility }, "en"), "framework").hint).toBe(
      "This condition is met if the mobility framework is inter-institution agreement or internship agreement.",
    );
  });
});

describe("ami options", () => {
  it("accepts the rulebook's periods restated", () => {
    expect(optionIssues(ami, { periods: RULEBOOK_PERIODS })).toEqual([]);
  });

  it("names the field of a period whose minimum exceeds its maximum", () => {
    const periods = [{ ...SINCE_2018, minMonths: 10 }];
    expect(optionIssues(ami, { periods })).toEqual(["periods.0.minMonths"]);
  });

  it("refuses a period still written in days, naming the field", () => {
    const periods = [{ ...SINCE_2018, minFundedDays: 60 }];
    expect(optionIssues(ami, { periods })).toEqual(["periods.0"]);
  });

  it("refuses a start that is not a date and two periods starting together", () => {
    expect(optionIssues(ami, { periods: [{ ...SINCE_2018, since: "2024-13-01" }] })).toEqual([
      "periods.0.since",
    ]);
    expect(optionIssues(ami, { periods: [SINCE_2018, SINCE_2018] })).toEqual(["periods"]);
    expect(optionIssues(ami, { periods: [] })).toEqual(["periods"]);
  });

  it("refuses a figure above its bound (12 months a stay, 60 over all studies, 2 000 € a month), naming it", () => {
    const huge = Number.MAX_SAFE_INTEGER;
    for (const [field, bound] of [
      ["minMonths", 12],
      ["maxMonths", 12],
      ["lifetimeCapMonths", 60],
      ["monthlyRateCents", 200_000],
    ] as const) {
      const at = { ...SINCE_2024, minMonths: 1, maxMonths: 12, [field]: bound };
      expect(optionIssues(ami, { periods: [SINCE_2018, at] }), field).toEqual([]);
      for (const value of [bound + 1, huge])
        expect(
          optionIssues(ami, { periods: [SINCE_2018, { ...at, [field]: value }] }),
          `${field} ${value}`,
        ).toContain(`periods.1.${field}`);
    }
  });

  it("reports a configured period as the institution's own, from its start date", () => {
    const periods = [...RULEBOOK_PERIODS, { ...SINCE_2024, since: "2026-07-01", maxMonths: 12 }];
    const p = ami.configure({ periods }).periodFor("2026-09-01").parameters;
    expect(p.maxMonths).toMatchObject({
      value: 12,
      since: "2026-07-01",
      source: CONFIGURED_SOURCE,
    });
    // figures left as they were keep the rulebook's date and source
    expect(p.monthlyRate).toMatchObject({ since: "2018-07-19", confidence: "official" });
    expect(p.minMonths?.source).toMatch(/ESRS2413977C/);
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
    expect(scheme.estimate?.notes.join(" ")).toContain(
      "Assumes you have not received any AMI month yet: months already received reduce this amount (10 months at most over all studies).",
    );
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
