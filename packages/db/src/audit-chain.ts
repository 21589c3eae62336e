/**
 * The audit trail's hash chain. Each event's `hash` is SHA-256 over its fields and the hash of
 * the event before it (`prev_hash`; 64 zeros for the first), in a canonical form: each field as
 * its length in bytes, a colon and its text (`~` for NULL), in a fixed order. The database
 * computes it as it appends (the `audit_events_chain` trigger and `audit_event_hash`, migration
 * 0004_audit_chain); `verifyAuditChain` computes it again here, independently of any function an
 * intruder could have replaced, from the fields as PostgreSQL writes them out.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { AppDatabase } from "./database.ts";

export const GENESIS_HASH = "0".repeat(64);

/** One event's fields as text, the way the hash reads them. */
interface ChainRow {
  readonly id: string;
  readonly position: string;
  readonly at: string;
  readonly actor_kind: string;
  readonly actor_id: string;
  readonly action: string;
  readonly entity_type: string;
  readonly entity_id: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly reason: string | null;
  readonly prev_hash: string;
  readonly hash: string;
}

const field = (v: string | null) => (v === null ? "~" : `${Buffer.byteLength(v, "utf8")}:${v}`);

/** What the event's hash must be: the same canonical form as `audit_event_hash` in SQL. */
export const eventHash = (e: ChainRow): string =>
  createHash("sha256")
    .update(
      [
        e.id,
        e.position,
        e.at,
        e.actor_kind,
        e.actor_id,
        e.action,
        e.entity_type,
        e.entity_id,
        e.before,
        e.after,
        e.reason,
        e.prev_hash,
      ]
        .map(field)
        .join(""),
      "utf8",
    )
    .digest("hex");

/** The first link that does not hold, and what differs. */
export interface BrokenLink {
  /** The event where the chain breaks (none when events are missing at the end). */
  readonly eventId: number | null;
  /** Its position in the chain (1 for the first event). */
  readonly position: number;
  /**
   * `missing`: positions are skipped (events deleted); `prev-hash`: it does not link to the
   * event before it; `hash`: its content is not what was hashed (changed, or forged); `head`:
   * the chain's recorded end is not its last event (events deleted at the end, or appended
   * without the trigger).
   */
  readonly problem: "missing" | "prev-hash" | "hash" | "head";
  readonly detail: string;
}

export type ChainVerdict =
  | {
      readonly ok: true;
      readonly events: number;
      readonly head: { readonly position: number; readonly hash: string };
    }
  | { readonly ok: false; readonly events: number; readonly broken: BrokenLink };

const PAGE = 1000;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Walks the whole chain in order and names its first broken link. */
export const verifyAuditChain = async (db: AppDatabase): Promise<ChainVerdict> => {
  let expected = 1;
  let prev = GENESIS_HASH;
  let prevId: string | undefined;
  for (;;) {
    const page = rowsOf<ChainRow>(
      await db.execute(sql`
        select e.id::text, e.position::text,
          to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
          actor_kind, actor_id, action, entity_type, entity_id,
          before::text as before, after::text as after, reason, prev_hash, hash
        from audit_events e where e.position >= ${expected} order by e.position limit ${PAGE}`),
    );
    for (const e of page) {
      const position = Number(e.position);
      const broken = (problem: BrokenLink["problem"], detail: string): ChainVerdict => ({
        ok: false,
        events: expected - 1,
        broken: { eventId: Number(e.id), position, problem, detail },
      });
      const after = prevId === undefined ? "the start" : `event ${prevId}`;
      if (position !== expected)
        return broken(
          "missing",
          `event ${e.id} is at position ${position}, after ${after} at position ${expected - 1}: position ${expected}${position > expected + 1 ? ` to ${position - 1}` : ""} missing (deleted)`,
        );
      if (e.prev_hash !== prev)
        return broken(
          "prev-hash",
          `event ${e.id} links to ${e.prev_hash || "(nothing)"}, but ${after} hashes to ${prev}: the event before it was changed, or this one was inserted or relinked`,
        );
      const recomputed = eventHash(e);
      if (e.hash !== recomputed)
        return broken(
          "hash",
          `event ${e.id}'s content hashes to ${recomputed}, not to its recorded hash ${e.hash || "(none)"}: it was changed after it was written, or inserted without the trigger`,
        );
      prev = e.hash;
      prevId = e.id;
      expected++;
    }
    if (page.length < PAGE) break;
  }
  const head = rowsOf<{ position: string; hash: string }>(
    await db.execute(sql`select position::text, hash from audit_chain_head`),
  )[0];
  const last = expected - 1;
  if (!head || Number(head.position) !== last || head.hash !== prev)
    return {
      ok: false,
      events: last,
      broken: {
        eventId: prevId === undefined ? null : Number(prevId),
        position: last,
        problem: "head",
        detail: head
          ? `the chain's end is recorded at position ${head.position} (hash ${head.hash}), but its last event is at position ${last} (hash ${prev}): events were deleted at the end, or appended without the trigger`
          : "the chain's end is not recorded (audit_chain_head is empty)",
      },
    };
  return { ok: true, events: last, head: { position: last, hash: prev } };
};
