/**
 * `/staff/budgets`', `/staff/calls`' and `/staff/planner`'s search parameters as the routes read
 * them, in the first screen's bundle (one function for the three, to keep it small): the academic
 * year asked for (`?academicYear=2026-2027`) and, for the planner, the scheme (`?scheme=idf`),
 * as text. Whether Envol has that year or scheme is the page's to check, with the domain's rules
 * (it says so and shows the current year, or asks for a scheme, if not).
 */
export const budgetsSearch = (
  search: Record<string, unknown>,
): { academicYear?: string; scheme?: string } => {
  const kept: { academicYear?: string; scheme?: string } = {};
  for (const key of ["academicYear", "scheme"] as const) {
    const value = search[key];
    if (typeof value === "string" && value !== "") kept[key] = value;
  }
  return kept;
};
