/**
 * `/staff/budgets`' search parameters as the route reads them, in the first screen's bundle:
 * the academic year asked for (`?academicYear=2026-2027`), written as one. Whether Envol takes
 * that year is the page's to check, with the domain's rules.
 */
export const budgetsSearch = (search: Record<string, unknown>): { academicYear?: string } => {
  const year = search.academicYear;
  return typeof year === "string" && /^\d{4}-\d{4}$/.test(year) ? { academicYear: year } : {};
};
