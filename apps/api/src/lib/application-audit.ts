import { type ApplicationView, AuditTrail, type DocumentView } from "@envol/db";
import { Effect } from "effect";

/** The documents an application's events say were deleted (`delete-document` names each). */
const deletedDocuments = (events: readonly { action: string; before: unknown }[]) =>
  events.flatMap((e) => {
    const id = (e.before as { documentId?: unknown } | null)?.documentId;
    return e.action === "delete-document" && typeof id === "string"
      ? [{ type: "document", id }]
      : [];
  });

/**
 * Everything the audit trail holds about an application: its own events, its requests' and its
 * documents', the deleted ones' included, unsorted (the student and the office each order and
 * show them their way).
 */
export const applicationAuditEvents = (
  application: Pick<ApplicationView, "id" | "requests">,
  documents: readonly Pick<DocumentView, "id">[],
) =>
  AuditTrail.use((trail) =>
    Effect.gen(function* () {
      const events = yield* trail.forEntities([
        { type: "application", id: application.id },
        ...application.requests.map((r) => ({ type: "scheme_request", id: r.id })),
        ...documents.map((d) => ({ type: "document", id: d.id })),
      ]);
      const deleted = deletedDocuments(events);
      return deleted.length === 0 ? events : [...events, ...(yield* trail.forEntities(deleted))];
    }),
  );
