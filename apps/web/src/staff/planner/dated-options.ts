/**
 * The dates of a what-if (ADR 020): the scenario's options apply to the stays starting on or
 * after its `since`, so the form starts from the options in force on that day — a stored
 * period holds the complete options from its date; before any, the scheme's as configured.
 */

export interface StoredPeriod {
  readonly since: string;
  readonly options: unknown;
}

/** The options in force on `date` (ISO): the latest stored period begun by then, else `configured`. */
export const optionsOnDate = (
  periods: readonly StoredPeriod[],
  configured: unknown,
  date: string,
): unknown => {
  const begun = periods
    .filter((p) => p.since <= date)
    .sort((a, b) => a.since.localeCompare(b.since));
  return begun.at(-1)?.options ?? configured;
};

/**
 * The what-if's first day by default: 1 July of the academic year (rulebook §0, `2026-2027`
 * begins on 2026-07-01), or the scheme's first period when it begins later.
 */
export const defaultSince = (academicYear: string, firstPeriod: string): string => {
  const yearStart = `${academicYear.slice(0, 4)}-07-01`;
  return firstPeriod > yearStart ? firstPeriod : yearStart;
};

/** The stored periods that begin after `since`: they keep their own figures. */
export const laterPeriods = (periods: readonly StoredPeriod[], since: string): StoredPeriod[] =>
  periods.filter((p) => p.since > since);
