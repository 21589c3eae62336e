import { type ApplicationView, AuditTrail, type DocumentView } from "@envol/db";

/**
 * Everything the audit trail holds about an application: its own events, its requests' and its
 * documents', unsorted (the student and the office each order and show them their way).
 */
export const applicationAuditEvents = (
  application: Pick<ApplicationView, "id" | "requests">,
  documents: readonly Pick<DocumentView, "id">[],
) =>
  AuditTrail.use((trail) =>
    trail.forEntities([
      { type: "application", id: application.id },
      ...application.requests.map((r) => ({ type: "scheme_request", id: r.id })),
      ...documents.map((d) => ({ type: "document", id: d.id })),
    ]),
  );
