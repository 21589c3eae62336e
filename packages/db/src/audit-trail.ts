import type { ActorKind } from "@envol/domain";
import { and, asc, desc, eq, inArray, lt, or } from "drizzle-orm";
import { Context, Effect, Layer } from "effect";
import { type ChainVerdict, verifyAuditChain } from "./audit-chain.ts";
import { Database } from "./database.ts";
import { auditEvents } from "./schema/index.ts";

/** One audit event as the back office reads it. */
export interface AuditEventView {
  /** Increasing in the order the events were written: the cursor of {@link AuditTrail} pages. */
  readonly id: number;
  readonly at: string;
  readonly actor: { readonly kind: ActorKind; readonly id: string };
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
}

const view = (e: typeof auditEvents.$inferSelect): AuditEventView => ({
  id: e.id,
  at: e.at.toISOString(),
  actor: { kind: e.actorKind, id: e.actorId },
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  before: e.before,
  after: e.after,
  reason: e.reason,
});

/** The most events one page returns. */
const MAX_PAGE = 200;

/**
 * Reads the audit trail. There is nothing here to change it: events are written by
 * `recordAudit` in the transaction of the change they record, the table refuses UPDATE
 * and DELETE, and each event is chained to the one before it by its hash (`audit-chain.ts`).
 */
export class AuditTrail extends Context.Service<
  AuditTrail,
  {
    /** Everything that happened to one entity, oldest first. */
    readonly forEntity: (
      entityType: string,
      entityId: string,
    ) => Effect.Effect<readonly AuditEventView[]>;
    /**
     * Everything that happened to several entities (an application, its requests and its
     * documents), oldest first, in one query.
     */
    readonly forEntities: (
      entities: readonly { readonly type: string; readonly id: string }[],
    ) => Effect.Effect<readonly AuditEventView[]>;
    /**
     * The latest events, newest first, `limit` at a time (1 to 200, default 50). The next page
     * is `{ before: <the last event's id> }`.
     */
    readonly recent: (options?: {
      readonly limit?: number;
      readonly before?: number;
    }) => Effect.Effect<readonly AuditEventView[]>;
    /** Checks the whole hash chain; names the first broken link. */
    readonly verify: () => Effect.Effect<ChainVerdict>;
  }
>()("@envol/db/AuditTrail") {
  static readonly layer = Layer.effect(
    AuditTrail,
    Effect.gen(function* () {
      const { db } = yield* Database;

      const forEntities = Effect.fn("AuditTrail.forEntities")(function* (
        entities: readonly { readonly type: string; readonly id: string }[],
      ) {
        if (entities.length === 0) return [];
        // one (type, ids) condition per entity type, each served by the (type, id) index
        const idsByType = new Map<string, string[]>();
        for (const { type, id } of entities) {
          const ids = idsByType.get(type);
          if (ids) ids.push(id);
          else idsByType.set(type, [id]);
        }
        const rows = yield* Effect.promise(() =>
          db
            .select()
            .from(auditEvents)
            .where(
              or(
                ...[...idsByType].map(([type, ids]) =>
                  and(eq(auditEvents.entityType, type), inArray(auditEvents.entityId, ids)),
                ),
              ),
            )
            .orderBy(asc(auditEvents.id)),
        );
        return rows.map(view);
      });

      const forEntity = (entityType: string, entityId: string) =>
        forEntities([{ type: entityType, id: entityId }]);

      const recent = Effect.fn("AuditTrail.recent")(function* (
        options: { readonly limit?: number; readonly before?: number } = {},
      ) {
        const limit = Math.min(Math.max(Math.floor(options.limit ?? 50), 1), MAX_PAGE);
        const rows = yield* Effect.promise(() =>
          db
            .select()
            .from(auditEvents)
            .where(options.before === undefined ? undefined : lt(auditEvents.id, options.before))
            .orderBy(desc(auditEvents.id))
            .limit(limit),
        );
        return rows.map(view);
      });

      const verify = Effect.fn("AuditTrail.verify")(function* () {
        return yield* Effect.promise(() => verifyAuditChain(db));
      });

      return AuditTrail.of({ forEntity, forEntities, recent, verify });
    }),
  );
}
