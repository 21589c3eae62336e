import { ApiProblem } from "../api/api-problem.ts";

/**
 * What a refused action on a request (submit, withdraw, sign) tells the student: the request
 * changed in the meantime (a 409 of the lifecycle: the page is refreshed), the API's own
 * explanation when the refusal is about the student's applications (the same stay already
 * applied for: the detail names the other application by its stay, in the student's language,
 * and the other application's id is given to link to it; the office's call is closed or not
 * open yet: the detail gives its window's dates), no
 * connection, or another failure with its reason.
 */
export type ActionRefusal =
  | { readonly kind: "changed" }
  | {
      readonly kind: "explained";
      readonly detail: string;
      /** The other application the explanation speaks of, to link to. */
      readonly otherApplicationId?: string;
    }
  | { readonly kind: "offline" }
  | { readonly kind: "failed"; readonly reason: string };

/** The problems whose detail is the message to show as it is. */
const EXPLAINED = ["overlapping-request", "call-closed"];

export const actionRefusal = (error: Error): ActionRefusal => {
  if (error instanceof TypeError) return { kind: "offline" };
  if (!(error instanceof ApiProblem)) return { kind: "failed", reason: error.message };
  const kind = error.type?.split("/").at(-1);
  if (error.detail && kind !== undefined && EXPLAINED.includes(kind)) {
    const other = error.extensions.otherApplicationId;
    return {
      kind: "explained",
      detail: error.detail,
      ...(typeof other === "string" && { otherApplicationId: other }),
    };
  }
  if (error.status === 409) return { kind: "changed" };
  return { kind: "failed", reason: error.detail ?? error.title };
};
