import { civil, type IsoDate } from "./calendar-date.ts";

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

/** Whether `value` reads like `2026-2027` (a plain boolean, so it can refine a zod string). */
export const isAcademicYear = (value: string): boolean => {
  const m = ACADEMIC_YEAR_PATTERN.exec(value);
  return m !== null && Number(m[2]) === Number(m[1]) + 1;
};
