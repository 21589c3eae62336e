import { type ApplicationView, AuditTrail, type DocumentView } from "@envol/db";
import { Effect } from "effect";

/**
 * Everything the audit trail holds about an application: its own events, its requests' and its
 * documents', unsorted (the student and the office each order and show them their way).
 */
export const applicationAuditEvents = (
  application: Pick<ApplicationView, "id" | "requests">,
  documents: readonly Pick<DocumentView, "id">[],
) =>
  Effect.gen(function* () {
    const trail = yield* AuditTrail;
    const entities: (readonly [string, string])[] = [
      ["application", application.id],
      ...application.requests.map((r) => ["scheme_request", r.id] as const),
      ...documents.map((d) => ["document", d.id] as const),
    ];
    const events = yield* Effect.forEach(entities, ([type, id]) => trail.forEntity(type, id), {
      concurrency: 4,
    });
    return events.flat();
  });
