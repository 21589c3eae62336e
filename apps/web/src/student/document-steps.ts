import type { DocumentDue } from "@envol/domain";

/**
 * The checklist items not yet uploaded, split by when they are due: before departure, after
 * return, each in the checklist's order.
 *
 * @example
 * missingByDue(detail.checklist)["after-return"].map((i) => i.label) // ["Rapport de séjour"]
 */
export const missingByDue = <I extends { readonly due: DocumentDue; readonly uploaded: boolean }>(
  checklist: readonly I[],
): Record<DocumentDue, I[]> => ({
  "before-departure": checklist.filter((i) => !i.uploaded && i.due === "before-departure"),
  "after-return": checklist.filter((i) => !i.uploaded && i.due === "after-return"),
});
