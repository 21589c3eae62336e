/**
 * The pages of the student area, read from the address after `/student/` (the router's splat):
 *
 *   ""  or "applications"        the student's applications
 *   "apply"                      apply with a simulation's answers (`?s=…`)
 *   "applications/<id>"          one application
 */
export type StudentPage =
  | { readonly page: "applications" }
  | { readonly page: "apply" }
  | { readonly page: "application"; readonly id: string }
  | { readonly page: "not-found" };

export const studentPage = (splat: string | undefined): StudentPage => {
  const parts = (splat ?? "").split("/").filter((p) => p !== "");
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { page: "not-found" };
  if (first === undefined) return { page: "applications" };
  if (first === "apply" && second === undefined) return { page: "apply" };
  if (first === "applications")
    return second === undefined
      ? { page: "applications" }
      : { page: "application", id: decodeURIComponent(second) };
  return { page: "not-found" };
};

/** The splat of an application's page, for `<Link to="/student/$" params={{ _splat }}>`. */
export const applicationSplat = (id: string): string => `applications/${encodeURIComponent(id)}`;
