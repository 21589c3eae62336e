import type { Actor } from "@envol/domain";
import { auditEvents } from "./schema/index.ts";
import type { Tx } from "./transact.ts";

/** Who acted, as the audit trail records it. */
export const actorId = (actor: Actor): string => {
  switch (actor.kind) {
    case "student":
    case "personnel":
    case "staff":
      return actor.userId;
    case "partner":
      return actor.partnerId;
    case "system":
      return actor.process;
  }
};

/**
 * Writes one audit event, inside the transaction of the change it records (or alone, for an
 * event that changes nothing: a document read).
 */
export const recordAudit = (
  tx: Pick<Tx, "insert">,
  event: {
    readonly at: Date;
    readonly actor: Actor;
    readonly action: string;
    readonly entityType: string;
    readonly entityId: string;
    readonly before?: unknown;
    readonly after?: unknown;
    readonly reason?: string | null;
  },
) =>
  tx.insert(auditEvents).values({
    at: event.at,
    actorKind: event.actor.kind,
    actorId: actorId(event.actor),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
    reason: event.reason ?? null,
  });
