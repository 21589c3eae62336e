import { REQUEST_ACTIONS } from "@envol/domain";
/**
 * The history's lines: the audit trail's actions the back office names in words (anything else
 * is shown as the API writes it), and the change of state an event records.
 */
export const HISTORY_ACTIONS = [
  "create-application",
  "update-draft",
  ...REQUEST_ACTIONS,
  "upload-document",
  "download-document",
  "recalculate",
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const historyActionOf = (action: string): HistoryAction | null =>
  (HISTORY_ACTIONS as readonly string[]).includes(action) ? (action as HistoryAction) : null;

const stateOf = (snapshot: unknown): string | null => {
  if (typeof snapshot !== "object" || snapshot === null) return null;
  const state = (snapshot as { state?: unknown }).state;
  return typeof state === "string" ? state : null;
};

/** The request's state before and after the event, when it changed. */
export const stateChangeOf = (
  before: unknown,
  after: unknown,
): { readonly from: string | null; readonly to: string } | null => {
  const from = stateOf(before);
  const to = stateOf(after);
  return to !== null && to !== from ? { from, to } : null;
};
