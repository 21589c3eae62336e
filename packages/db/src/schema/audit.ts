import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * Every state change, decision, recalculation and payment: who, when, what, before and after,
 * written in the same transaction as the change. Append-only: a trigger (migration
 * 0001_audit_append_only) refuses UPDATE, DELETE and TRUNCATE, and the runtime role may not do
 * them (migration 0004_audit_chain).
 *
 * Tamper-evident: each event is a link of a hash chain (`audit-chain.ts`). Its `position`,
 * `prev_hash` and `hash` are set by the `audit_events_chain` trigger, whatever the insert says:
 * the defaults below only let inserts leave them out.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorKind: text("actor_kind", {
      enum: ["student", "personnel", "staff", "partner", "system"],
    }).notNull(),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    /** 1, 2, 3… in the order the events were chained. */
    position: bigint("position", { mode: "number" }).notNull().default(0),
    /** The hash of the event at the position before (64 zeros for the first). */
    prevHash: text("prev_hash").notNull().default(""),
    /** SHA-256 (hex) of this event's fields and `prev_hash`: `audit_event_hash`. */
    hash: text("hash").notNull().default(""),
  },
  (t) => [
    index("audit_events_entity").on(t.entityType, t.entityId),
    uniqueIndex("audit_events_position").on(t.position),
  ],
);

/**
 * The end of the chain: the last event's position and hash, one row. Appending locks it
 * (`SELECT … FOR UPDATE` in the trigger), so that concurrent writers chain one after the other.
 * Only the trigger (SECURITY DEFINER) writes it.
 */
export const auditChainHead = pgTable(
  "audit_chain_head",
  {
    singleton: boolean("singleton").primaryKey().default(true),
    position: bigint("position", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [check("audit_chain_head_singleton", sql`${t.singleton}`)],
);
