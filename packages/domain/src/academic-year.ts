import { z } from "zod";
import { civil, EARLIEST_DATE, type IsoDate, LATEST_DATE } from "./calendar-date.ts";
import { fieldText } from "./issue-text.ts";

/** An academic year such as `2026-2027`: 1 July 2026 to 30 June 2027. */
export type AcademicYear = `${number}-${number}`;

export const ACADEMIC_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

/**
 * The academic year whose 1 July–30 June window contains `date` (rulebook §0).
 *
 * @example
 * academicYearOf("2027-02-01") // "2026-2027"
 * academicYearOf("2027-07-01") // "2027-2028"
 */
export const academicYearOf = (date: IsoDate): AcademicYear => {
  const { year, month } = civil(date);
  const first = month >= 7 ? year : year - 1;
  return `${first}-${first + 1}`;
};

/** The calendar year in which an academic year starts: `2026` for `2026-2027`. */
export const academicYearStart = (year: AcademicYear): number => Number(year.slice(0, 4));

/**
 * The academic years the dates of a request can fall in: `1999-2000` (which holds
 * {@link EARLIEST_DATE}) to `2100-2101` (which holds {@link LATEST_DATE}). An application's
 * year is the one of its start date, so these are all the years Envol can have data for.
 */
export const EARLIEST_ACADEMIC_YEAR = academicYearOf(EARLIEST_DATE);
export const LATEST_ACADEMIC_YEAR = academicYearOf(LATEST_DATE);

/** Whether `value` is written like `2026-2027`: two years, the second following the first. */
const isAcademicYearShape = (value: string): boolean => {
  const m = ACADEMIC_YEAR_PATTERN.exec(value);
  return m !== null && Number(m[2]) === Number(m[1]) + 1;
};

/**
 * Whether `value` is an academic year such as `2026-2027` from {@link EARLIEST_ACADEMIC_YEAR}
 * to {@link LATEST_ACADEMIC_YEAR} (a plain boolean, so it can refine a zod string): year 0000
 * or 9999 is a typing slip, not a year to budget for.
 */
export const isAcademicYear = (value: string): boolean =>
  isAcademicYearShape(value) && value >= EARLIEST_ACADEMIC_YEAR && value <= LATEST_ACADEMIC_YEAR;

/** An academic year in a request: every path and query parameter that names one. */
export const AcademicYearSchema = z
  .string()
  .refine(isAcademicYearShape, {
    ...fieldText({
      fr: "doit être une année universitaire écrite AAAA-AAAA, comme 2026-2027",
      en: "must be an academic year written YYYY-YYYY, such as 2026-2027",
    }),
    abort: true,
  })
  .refine(
    isAcademicYear,
    fieldText({
      fr: `doit être une année universitaire de ${EARLIEST_ACADEMIC_YEAR} à ${LATEST_ACADEMIC_YEAR}`,
      en: `must be an academic year from ${EARLIEST_ACADEMIC_YEAR} to ${LATEST_ACADEMIC_YEAR}`,
    }),
  )
  // the pattern for the OpenAPI document (the refinements check it, that the years follow, and the range)
  .meta({
    description: `An academic year, 1 July to 30 June, from ${EARLIEST_ACADEMIC_YEAR} to ${LATEST_ACADEMIC_YEAR}`,
    example: "2026-2027",
    pattern: "^\\d{4}-\\d{4}$",
  });
