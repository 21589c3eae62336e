/**
 * The back office's pages, found from the part of the address after `/staff/` (the area is one
 * splat route, see `router.tsx`): `queue`, `applications/<id>`, `budgets`, `partner-keys`.
 */
export type StaffPage =
  | { readonly name: "home" }
  | { readonly name: "queue" }
  | { readonly name: "application"; readonly id: string }
  | { readonly name: "budgets" }
  | { readonly name: "partner-keys" }
  | { readonly name: "not-found" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const staffPageOf = (splat: string | undefined): StaffPage => {
  const parts = (splat ?? "").split("/").filter((p) => p !== "");
  const [first, second, ...rest] = parts;
  if (first === undefined) return { name: "home" };
  if (rest.length > 0) return { name: "not-found" };
  if (second === undefined) {
    if (first === "queue" || first === "budgets" || first === "partner-keys")
      return { name: first };
    return { name: "not-found" };
  }
  if (first === "applications" && UUID.test(second)) return { name: "application", id: second };
  return { name: "not-found" };
};

/** The splat of an application's page: `<Link to="/staff/$" params={{ _splat: applicationSplat(id) }}>`. */
export const applicationSplat = (id: string): string => `applications/${id}`;
