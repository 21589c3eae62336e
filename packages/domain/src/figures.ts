import type { IsoDate } from "./calendar-date.ts";
import type { Lang, Text } from "./text.ts";

/**
 * How sure we are of a figure (the rulebook's V / S / A): `official` comes from the funder's
 * own text, `secondary` from another school or a guide, `assumed` is a configurable guess the
 * office must confirm. The weakest figure behind an estimate sets the estimate's confidence.
 */
export type Confidence = "official" | "secondary" | "assumed";

export const CONFIDENCE_ORDER: readonly Confidence[] = ["assumed", "secondary", "official"];

export const weakest = (...levels: readonly Confidence[]): Confidence =>
  levels.reduce<Confidence>(
    (w, c) => (CONFIDENCE_ORDER.indexOf(c) < CONFIDENCE_ORDER.indexOf(w) ? c : w),
    "official",
  );

/**
 * A figure a scheme uses, with when it took effect, where it comes from and how sure we are.
 *
 * @example
 * const rate: Figure<number> = {
 *   value: 45000, since: "2024-07-01", confidence: "secondary",
 *   source: "Règlement de l'AAP Bourses Mobilité IDF; school pages",
 *   label: { fr: "Taux mensuel", en: "Monthly rate" }, unit: "cents",
 * };
 */
export interface Figure<T = unknown> {
  readonly value: T;
  readonly since: IsoDate;
  readonly source: string;
  readonly confidence: Confidence;
  readonly label: Text;
  /** How to read `value`: cents, days, km, months or a plain count. */
  readonly unit?: "cents" | "days" | "km" | "months" | "hours" | "percent";
  /**
   * How to write `value` for people, when it is not a plain quantity (a list of bands, of
   * programmes, a code such as a policy's id): the rule pages show it as written here.
   */
  format?(value: T, lang: Lang): string;
}

/** The source recorded for a figure an institution changed in its configuration. */
export const CONFIGURED_SOURCE = "institution configuration";

/**
 * The figure behind an option: its rulebook default keeps its date, source and confidence;
 * a value the institution configured itself is its own decision (official for it, dated
 * from the figure's date).
 *
 * @example
 * optionFigure(IDF_MONTHLY_RATE, options.monthlyRateCents)
 */
export const optionFigure = <T>(byDefault: Figure<T>, value: T): Figure<T> =>
  JSON.stringify(value) === JSON.stringify(byDefault.value)
    ? byDefault
    : { ...byDefault, value, source: CONFIGURED_SOURCE, confidence: "official" };

/**
 * Sets of figures that changed over time, each in force from `since` until the next one. The
 * mobility's start date picks the set in force (rulebook §6, the AMI's 2024 change).
 */
export interface DatedParameters<P> {
  readonly since: IsoDate;
  readonly parameters: P;
}

/** The parameter set in force on `date`: the latest whose `since` is on or before it, else the earliest. */
export const inForce = <T extends { readonly since: IsoDate }>(
  periods: readonly T[],
  date: IsoDate,
): T => {
  let earliest: T | undefined;
  let found: T | undefined;
  for (const p of periods) {
    if (!earliest || p.since < earliest.since) earliest = p;
    if (p.since <= date && (!found || p.since > found.since)) found = p;
  }
  const period = found ?? earliest;
  if (!period) throw new Error("no parameter period");
  return period;
};
