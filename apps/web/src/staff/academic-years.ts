import {
  type AcademicYear,
  academicYearOf,
  academicYearStart,
  isAcademicYear,
} from "@envol/domain";

/** Today's date in the browser, `YYYY-MM-DD`, read once where a page needs "this year". */
export const todayIso = (now = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** The academic year under way on `today` (1 July to 30 June). */
export const currentAcademicYear = (today: string): string => academicYearOf(today);

/**
 * The academic years to choose from: two before the current one, the current one and the next,
 * newest first, with `also` added when the address asks for another valid year.
 */
export const academicYearChoices = (current: string, also?: string): string[] => {
  const start = academicYearStart(current as AcademicYear);
  const years = [start + 1, start, start - 1, start - 2].map((y) => `${y}-${y + 1}`);
  if (also !== undefined && isAcademicYear(also) && !years.includes(also)) {
    years.push(also);
    years.sort((a, b) => b.localeCompare(a));
  }
  return years;
};
