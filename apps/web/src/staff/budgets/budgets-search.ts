/**
 * `/staff/budgets`' and `/staff/calls`' search parameters as the routes read them, in the first screen's bundle: the
 * academic year asked for (`?academicYear=2026-2027`), as text. Whether Envol has that year is
 * the page's to check, with the domain's rules (it says so and shows the current year if not).
 */
export const budgetsSearch = (search: Record<string, unknown>): { academicYear?: string } => {
  const year = search.academicYear;
  return typeof year === "string" && year !== "" ? { academicYear: year } : {};
};
