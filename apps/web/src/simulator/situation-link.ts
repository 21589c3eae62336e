/**
 * A situation in a link: its JSON, UTF-8, base64url, in the `s` search parameter. No server
 * keeps anything: the link is the simulation (`/?s=…` reopens it, `/student/apply?s=…` prefills
 * an application).
 */
export const SITUATION_PARAM = "s";

/**
 * The search parameters of a page that takes a situation's link: `?s=…`, or none; with
 * `&example=true` when the link is an example to look at (a rule page's), which the simulator
 * shows without keeping it in place of the student's own answers (`situation-draft.ts`); or
 * `?participant=personnel`, who goes when the saved draft has not chosen yet.
 */
export const situationSearch = (
  search: Record<string, unknown>,
): { s?: string; example?: true; participant?: "personnel" } => {
  const s = search[SITUATION_PARAM];
  // a member of the personnel's "New application": who goes when the draft has not said (a
  // student is who goes by default)
  if (search.participant === "personnel") return { participant: "personnel" };
  if (typeof s !== "string" || s === "") return {};
  return search.example === true ? { s, example: true } : { s };
};

export const encodeSituation = (situation: unknown): string => {
  const bytes = new TextEncoder().encode(JSON.stringify(situation));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

/** The situation in a link's parameter, or undefined when it is not one (a truncated copy…). */
export const decodeSituation = (param: string): unknown => {
  try {
    const binary = atob(param.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
};
