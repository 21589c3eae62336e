import type { FieldPath } from "react-hook-form";
import type { fr } from "../i18n/fr.ts";
import type { personnelFr } from "./personnel/personnel.fr.ts";
import type { DestinationMode, SituationForm } from "./situation-form.ts";

/** The key, under `fields.`, of a question's label and explanation. */
export type QuestionKey = keyof (typeof fr)["fields"];
/**
 * The key, under `fields.` of the `personnel` namespace, of a question only a member of the
 * personnel is asked: its texts are loaded with the personnel's questions, not on the first screen.
 */
export type PersonnelQuestionKey = keyof (typeof personnelFr)["fields"];

export type Step = 1 | 2;

/** One question of the simulator: the form field it fills, its texts and its step. */
export type Question = {
  readonly name: FieldPath<SituationForm>;
  readonly step: Step;
} & (
  | { readonly key: QuestionKey; readonly ns?: undefined }
  | { readonly key: PersonnelQuestionKey; readonly ns: "personnel" }
);

const q = (name: FieldPath<SituationForm>, key: QuestionKey, step: Step): Question => ({
  name,
  key,
  step,
});

const personnelQ = (
  name: FieldPath<SituationForm>,
  key: PersonnelQuestionKey,
  step: Step,
): Question => ({ name, key, step, ns: "personnel" });

/** Every question, in the order of the form. */
export const QUESTIONS: readonly Question[] = [
  q("mobility.destination", "destination", 1),
  q("mobility.host.partner", "partner", 1),
  q("mobility.host.name", "hostName", 1),
  q("mobility.host.country", "country", 1),
  q("mobility.host.city", "city", 1),
  q("mobility.host.lat", "lat", 1),
  q("mobility.host.lon", "lon", 1),
  q("mobility.start", "start", 1),
  q("mobility.end", "end", 1),
  q("mobility.kind", "kind", 1),
  q("mobility.framework", "framework", 1),
  personnelQ("personnel.activity", "activity", 1),
  personnelQ("personnel.role", "role", 2),
  personnelQ("personnel.teachingHours", "teachingHours", 2),
  q("student.programme.level", "level", 2),
  q("student.programme.year", "year", 2),
  q("student.programme.mode", "mode", 2),
  q("student.programme.gapYear", "gapYear", 2),
  q("student.residenceRegion", "region", 2),
  q("student.crous.boursier", "boursier", 2),
  q("student.crous.echelon", "echelon", 2),
  q("student.household.quotientFamilial", "qf", 2),
  q("student.household.nonTaxable", "nonTaxable", 2),
  q("student.fewerOpportunities.disability", "disability", 2),
  q("student.fewerOpportunities.qpv", "qpv", 2),
  q("student.fewerOpportunities.zrr", "zrr", 2),
  q("student.history.erasmusDaysInCycle", "erasmusDays", 2),
  q("student.history.amiMonthsTotal", "amiMonths", 2),
  q("mobility.greenTravel", "greenTravel", 2),
  q("mobility.costs.transport", "transport", 2),
  q("mobility.costs.visa", "visa", 2),
  q("mobility.costs.insurance", "insurance", 2),
  q("mobility.costs.installation", "installation", 2),
];

const byName = new Map(QUESTIONS.map((question) => [question.name as string, question]));

/** The questions of the first step, validated before going on to the second. */
export const STEP_ONE: readonly FieldPath<SituationForm>[] = QUESTIONS.filter(
  (question) => question.step === 1,
).map((question) => question.name);

/**
 * The question that answers a field a scheme reports as missing (a request path, ARCHITECTURE
 * §4.1): the same path, but for the destination, which is the choice between a partner and a
 * typed destination, then the partner or the country depending on that choice. Undefined for a path the form does not ask.
 */
export const questionFor = (path: string, destination: DestinationMode): Question | undefined => {
  if (path === "mobility.host")
    return byName.get(
      destination === ""
        ? "mobility.destination"
        : destination === "partner"
          ? "mobility.host.partner"
          : "mobility.host.country",
    );
  return byName.get(path);
};
