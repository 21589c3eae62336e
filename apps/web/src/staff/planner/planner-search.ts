/**
 * `/staff/planner`'s search parameters as the route reads them (first screen's bundle: plain
 * code): the scheme and the academic year asked for, as text. The page checks what they mean.
 */
export const plannerSearch = (
  search: Record<string, unknown>,
): { scheme?: string; academicYear?: string } => {
  const { scheme, academicYear } = search;
  return {
    ...(typeof scheme === "string" && scheme !== "" ? { scheme } : {}),
    ...(typeof academicYear === "string" && academicYear !== "" ? { academicYear } : {}),
  };
};
