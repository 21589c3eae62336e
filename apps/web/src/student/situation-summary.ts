import { isPartnerHost, type Situation } from "@envol/domain";
import type { PersonnelQuestionKey, QuestionKey } from "../simulator/questions.ts";

/**
 * A situation (the simulator's answers, an application's) as the list of what was answered,
 * in the order of the simulator's questions, so that the student can check them before
 * applying and read them again later. Each row is a question (its label is the simulator's,
 * `fields.<key>.label`) and a value to write in the student's language; what was not answered
 * is not listed.
 */
export type SummaryValue =
  | { readonly kind: "partner"; readonly id: string }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "country"; readonly code: string }
  | { readonly kind: "date"; readonly iso: string }
  | { readonly kind: "yesNo"; readonly yes: boolean }
  /**
   * One of a closed question's options: the key of its label in the simulator's texts (the
   * `personnel` namespace's for a member of the personnel's questions).
   */
  | { readonly kind: "option"; readonly key: string; readonly ns?: "personnel" }
  | { readonly kind: "echelon"; readonly echelon: string }
  | { readonly kind: "region"; readonly code: string }
  | { readonly kind: "money"; readonly cents: number }
  | { readonly kind: "days"; readonly days: number }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "hours"; readonly hours: number };

/** An answer beside its question: one of the simulator's, or of its personnel's (ADR 016). */
export type SummaryRow = { readonly value: SummaryValue } & (
  | { readonly key: QuestionKey; readonly ns?: undefined }
  | { readonly key: PersonnelQuestionKey; readonly ns: "personnel" }
);

export interface SituationSummary {
  /** The stay: where, when, what kind, travel and costs. */
  readonly stay: readonly SummaryRow[];
  /** The student: studies, resources, opportunities, past mobilities. */
  readonly student: readonly SummaryRow[];
  /** A member of the personnel: their position and teaching hours (their activity is the stay's). */
  readonly personnel: readonly SummaryRow[];
}

const rows = (
  entries: readonly (readonly [QuestionKey, SummaryValue | undefined])[],
): SummaryRow[] => entries.flatMap(([key, value]) => (value === undefined ? [] : [{ key, value }]));

const yesNo = (b: boolean | undefined): SummaryValue | undefined =>
  b === undefined ? undefined : { kind: "yesNo", yes: b };
const money = (cents: number | undefined): SummaryValue | undefined =>
  cents === undefined ? undefined : { kind: "money", cents };
const option = (prefix: string, id: string | undefined): SummaryValue | undefined =>
  id === undefined ? undefined : { kind: "option", key: `${prefix}.${id}` };
const text = (s: string | undefined): SummaryValue | undefined =>
  s === undefined || s.trim() === "" ? undefined : { kind: "text", text: s.trim() };

const personnelOption = (question: PersonnelQuestionKey, id: string | undefined): SummaryRow[] =>
  id === undefined
    ? []
    : [
        {
          key: question,
          ns: "personnel",
          value: { kind: "option", key: `fields.${question}.options.${id}`, ns: "personnel" },
        },
      ];

/**
 * A member of the personnel's answers of step 2, in the order the simulator asks them (their
 * activity is the stay's, as in step 1).
 */
const personnelRows = (situation: Situation): SummaryRow[] => {
  const personnel = situation.personnel;
  if (!personnel) return [];
  return [
    ...personnelOption("role", personnel.role),
    ...(personnel.teachingHours === undefined
      ? []
      : [
          {
            key: "teachingHours",
            ns: "personnel",
            value: { kind: "hours", hours: personnel.teachingHours },
          } as const,
        ]),
  ];
};

export const situationSummary = (situation: Situation): SituationSummary => {
  const { mobility } = situation;
  const { host } = mobility;
  const student = situation.student ?? {};
  const partner = isPartnerHost(host);
  return {
    stay: [
      ...rows([
        // who goes, said for a member of the personnel (a situation is a student's by default)
        [
          "participant",
          situation.personnel ? { kind: "option", key: "fields.participant.personnel" } : undefined,
        ],
        ["partner", partner ? { kind: "partner", id: host.partner } : undefined],
        ["hostName", partner ? undefined : text(host.name)],
        ["country", partner ? undefined : { kind: "country", code: host.country }],
        ["city", partner ? undefined : text(host.city)],
        ["start", { kind: "date", iso: mobility.start }],
        ["end", { kind: "date", iso: mobility.end }],
      ]),
      // a member of the personnel's activity belongs to the stay, as the simulator asks it
      ...personnelOption("activity", situation.personnel?.activity),
      ...rows([
        // the study/internship options are `fields.kind.study`, not under `options`
        ["kind", option("fields.kind", mobility.kind)],
        ["framework", option("fields.framework.options", mobility.framework)],
        ["greenTravel", yesNo(mobility.greenTravel)],
        ["transport", money(mobility.costs?.transport)],
        ["visa", money(mobility.costs?.visa)],
        ["insurance", money(mobility.costs?.insurance)],
        ["installation", money(mobility.costs?.installation)],
      ]),
    ],
    student: rows([
      ["level", option("fields.level.options", student.programme?.level)],
      [
        "year",
        student.programme?.year === undefined
          ? undefined
          : { kind: "number", value: student.programme.year },
      ],
      ["mode", option("fields.mode.options", student.programme?.mode)],
      ["gapYear", yesNo(student.programme?.gapYear)],
      [
        "region",
        student.residenceRegion === undefined
          ? undefined
          : { kind: "region", code: student.residenceRegion },
      ],
      ["boursier", yesNo(student.crous?.boursier)],
      [
        "echelon",
        student.crous?.echelon === undefined
          ? undefined
          : { kind: "echelon", echelon: student.crous.echelon },
      ],
      ["qf", money(student.household?.quotientFamilial)],
      ["nonTaxable", yesNo(student.household?.nonTaxable)],
      ["disability", yesNo(student.fewerOpportunities?.disability)],
      ["qpv", yesNo(student.fewerOpportunities?.qpv)],
      ["zrr", yesNo(student.fewerOpportunities?.zrr)],
      [
        "erasmusDays",
        student.history?.erasmusDaysInCycle === undefined
          ? undefined
          : { kind: "days", days: student.history.erasmusDaysInCycle },
      ],
      [
        "amiMonths",
        student.history?.amiMonthsTotal === undefined
          ? undefined
          : { kind: "number", value: student.history.amiMonthsTotal },
      ],
    ]),
    personnel: personnelRows(situation),
  };
};
