import type { Lang, Text } from "../text.ts";
import type { Condition, Status } from "./condition.ts";
import type { Evaluation } from "./evaluation.ts";
import { criterionHint, criterionReason, unknownSentences } from "./sentences.ts";

/**
 * One rule of a scheme, with a stable id (the rulebook's: `duration`, `means`…) and an
 * optional short title; everything a student reads about it is derived from the condition.
 *
 * @example
 * criterion("duration", between(fundedDays, 60, 360), { fr: "Durée", en: "Duration" })
 */
export interface Criterion {
  readonly id: string;
  readonly condition: Condition;
  readonly title: Text | undefined;
}

export const criterion = (id: string, condition: Condition, title?: Text): Criterion => ({
  id,
  condition,
  title,
});

/** A criterion's result in one language, as in the simulation response. */
export interface CriterionResult {
  readonly id: string;
  readonly status: Status;
  readonly reason: string;
  readonly hint: string | null;
}

/**
 * Writes a criterion's result from its evaluation (`evaluateCondition` of its condition), for a
 * scheme named `schemeName`: "Durée financée : 45 jours ; Erasmus+ exige au moins 60 jours."
 * with the hint "Cette condition est remplie si la durée financée atteint 60 jours, soit 15 jours de plus."
 */
export const criterionResult = (
  crit: Criterion,
  e: Evaluation,
  lang: Lang,
  schemeName: string,
): CriterionResult => {
  if (e.kind === "unknown") {
    const { reason, hint } = unknownSentences(e, lang);
    return { id: crit.id, status: "unknown", reason, hint };
  }
  return {
    id: crit.id,
    status: e.status,
    reason: criterionReason(e, lang, schemeName),
    hint: e.status === "unmet" ? criterionHint(e, lang) : null,
  };
};
