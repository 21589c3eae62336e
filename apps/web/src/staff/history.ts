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
  "request-document",
  "review-document",
  "delete-document",
  "recalculate",
  "host-decision",
  "statement-awaiting-office",
  "confirm-statement",
  "reject-statement",
  "dismiss-flag",
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

/** What the host partner said (a `host-decision` event): its decision and the actual dates. */
export interface HostStatement {
  readonly decision: "pending" | "verified" | "rejected";
  readonly actualArrivalDate?: string;
  readonly actualDepartureDate?: string;
}

const HOST_DECISIONS: readonly string[] = ["pending", "verified", "rejected"];

export const hostStatementOf = (after: unknown): HostStatement | null => {
  if (typeof after !== "object" || after === null) return null;
  const a = after as Record<string, unknown>;
  if (typeof a.decision !== "string" || !HOST_DECISIONS.includes(a.decision)) return null;
  const date = (v: unknown) => (typeof v === "string" ? v : undefined);
  const arrival = date(a.actualArrivalDate);
  const departure = date(a.actualDepartureDate);
  return {
    decision: a.decision as HostStatement["decision"],
    ...(arrival !== undefined ? { actualArrivalDate: arrival } : {}),
    ...(departure !== undefined ? { actualDepartureDate: departure } : {}),
  };
};
