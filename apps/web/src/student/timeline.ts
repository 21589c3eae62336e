import { type ActorKind, REQUEST_ACTIONS, REQUEST_STATES, type RequestState } from "@envol/domain";
import type { HistoryEvent } from "./student-api.ts";

/**
 * The timeline of an application, from its history (`GET /api/applications/{id}`: the audit
 * events of the application, its requests and its documents, oldest first): newest first, each
 * event reduced to what the student reads — who acted, what happened (a known action, named in
 * the student's language), to which grant or document, the state it led to, the amount, the
 * message (a reason) when there is one.
 */

/** The actions a timeline names; anything else the API records is an "other" event. */
export const TIMELINE_ACTIONS = [
  "create-application",
  "update-draft",
  "upload-document",
  "download-document",
  "request-document",
  "review-document",
  "delete-document",
  "recalculate",
  "statement-awaiting-office",
  "confirm-statement",
  "reject-statement",
  ...REQUEST_ACTIONS,
] as const;
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number] | "other";

export interface TimelineEntry {
  readonly id: number;
  /** ISO timestamp */
  readonly at: string;
  readonly actor: ActorKind;
  readonly action: TimelineAction;
  /** The grant concerned (a request's event), by scheme id. */
  readonly scheme?: string;
  /** The grants applied for (the application's creation), by scheme id. */
  readonly schemes?: readonly string[];
  /** The state a request went from and to. */
  readonly from?: RequestState;
  readonly to?: RequestState;
  /** The amount approved before and after (an approval, a recalculation), in cents. */
  readonly amountBefore?: number;
  readonly amountAfter?: number;
  /** The document's file name and checklist item (an upload). */
  readonly fileName?: string;
  readonly documentKind?: string;
  /** The message that came with the event (a refusal's, a withdrawal's reason). */
  readonly reason?: string;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;
const cents = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isSafeInteger(value) ? value : undefined;
const state = (value: unknown): RequestState | undefined =>
  (REQUEST_STATES as readonly unknown[]).includes(value) ? (value as RequestState) : undefined;
const known = (action: string): TimelineAction =>
  (TIMELINE_ACTIONS as readonly string[]).includes(action) ? (action as TimelineAction) : "other";

/** One event as the student reads it; `schemeOf` names the scheme of a request id. */
export const timelineEntry = (
  event: HistoryEvent,
  schemeOf: (requestId: string) => string | undefined,
): TimelineEntry => {
  const before = record(event.before);
  const after = record(event.after);
  const action = known(event.action);
  const entry: Record<string, unknown> = {
    id: event.id,
    at: event.at,
    actor: event.actor.kind,
    action,
    reason: event.reason?.trim() || undefined,
  };
  if (event.entityType === "scheme_request") {
    entry.scheme = schemeOf(event.entityId);
    entry.from = state(before.state);
    entry.to = state(after.state);
    const was = cents(before.approvedCents);
    const is = cents(after.approvedCents);
    // an amount is news when it is set or changed, not when a later step carries it along; a
    // rise the host's statement would bring is not the student's until the office confirms it
    if (is !== undefined && is !== was && action !== "statement-awaiting-office") {
      entry.amountAfter = is;
      entry.amountBefore = was;
    }
  } else if (event.entityType === "document") {
    entry.fileName = text(after.fileName);
    entry.documentKind = text(after.kind);
  } else if (action === "delete-document") {
    // the application's event: the document it names is gone, as it was before
    entry.fileName = text(before.fileName);
    entry.documentKind = text(before.kind);
  } else if (action === "create-application" && Array.isArray(after.schemes)) {
    entry.schemes = after.schemes.filter((s): s is string => typeof s === "string");
  }
  return Object.fromEntries(
    Object.entries(entry).filter(([, v]) => v !== undefined),
  ) as unknown as TimelineEntry;
};

/** The whole timeline, newest first (events of the same instant: the last recorded first). */
export const timelineEntries = (
  history: readonly HistoryEvent[],
  requests: readonly { readonly id: string; readonly scheme: string }[],
): TimelineEntry[] => {
  const schemes = new Map(requests.map((r) => [r.id, r.scheme]));
  return [...history]
    .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)
    .map((event) => timelineEntry(event, (id) => schemes.get(id)));
};
