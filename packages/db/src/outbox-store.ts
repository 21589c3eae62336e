import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { Context, DateTime, Effect, Layer } from "effect";
import { Database } from "./database.ts";
import { outbox } from "./schema/index.ts";

/**
 * How long a claimed message stays out of other senders' reach. A sender that dies after
 * claiming leaves its messages due again once the lease has run out: delivery is at least once.
 */
export const OUTBOX_LEASE_MS = 5 * 60_000;

/** Backoff ceiling: a mail server down for a day is retried every hour, not once a month. */
const MAX_RETRY_DELAY_MS = 60 * 60_000;

/** The longest error text kept: enough to diagnose, not a stack trace per attempt. */
const MAX_ERROR_LENGTH = 2_000;

/**
 * The wait before the next attempt after a failure, from the attempts made before it:
 * 1, 2, 4, 8, 16, 32 minutes, then every hour.
 */
export const outboxRetryDelayMs = (previousAttempts: number): number =>
  Math.min(2 ** Math.min(previousAttempts, 6) * 60_000, MAX_RETRY_DELAY_MS);

export type OutboxMessage = typeof outbox.$inferSelect;

/** The outbox's backlog (`Outbox.backlog`). */
export interface OutboxBacklog {
  readonly unsent: number;
  readonly failing: number;
  readonly oldestAgeSeconds: number;
}

/** The notifications waiting in the outbox, for the sender that delivers them. */
export class Outbox extends Context.Service<
  Outbox,
  {
    /**
     * Claims up to `limit` messages due at `now`, oldest due first. A claimed message is not
     * due again for {@link OUTBOX_LEASE_MS}, so senders on several instances never claim the
     * same message at once.
     */
    readonly pending: (limit: number, now: Date) => Effect.Effect<readonly OutboxMessage[]>;
    /** Records a delivery; the message is never claimed again. */
    readonly markSent: (id: number) => Effect.Effect<void>;
    /**
     * Records a failed delivery and schedules the next attempt with exponential backoff; the
     * schedule, or undefined when the message is unknown or already sent (by a sender that
     * claimed it after this one's lease ran out).
     */
    readonly markFailed: (
      id: number,
      error: string,
    ) => Effect.Effect<{ readonly attempts: number; readonly nextAttemptAt: Date } | undefined>;
    /**
     * What waits to be sent: the unsent messages, those of them whose delivery failed at least
     * once, and how long the oldest has waited at `now` (0 when none), for the metrics.
     */
    readonly backlog: (now: Date) => Effect.Effect<OutboxBacklog>;
    /** Every message written to this address, sent or not, oldest first (a student's data export). */
    readonly forRecipient: (recipient: string) => Effect.Effect<readonly OutboxMessage[]>;
  }
>()("@envol/db/Outbox") {
  static readonly layer = Layer.effect(
    Outbox,
    Effect.gen(function* () {
      const { db } = yield* Database;

      const pending = Effect.fn("Outbox.pending")(function* (limit: number, now: Date) {
        const n = Math.max(Math.floor(limit), 0);
        if (n === 0) return [];
        const rows = yield* Effect.promise(() =>
          db.transaction(async (tx) => {
            // rows another sender is claiming are skipped, not waited for
            const due = await tx
              .select({ id: outbox.id })
              .from(outbox)
              .where(and(isNull(outbox.sentAt), lte(outbox.nextAttemptAt, now)))
              .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
              .limit(n)
              .for("update", { skipLocked: true });
            if (due.length === 0) return [];
            const claimed = await tx
              .update(outbox)
              .set({ nextAttemptAt: new Date(now.getTime() + OUTBOX_LEASE_MS) })
              .where(
                inArray(
                  outbox.id,
                  due.map((d) => d.id),
                ),
              )
              .returning();
            // the lease gave them all the same next attempt: the order is the one they were due in
            const rank = new Map(due.map((d, i) => [d.id, i]));
            return claimed.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
          }),
        );
        return rows;
      });

      const markSent = Effect.fn("Outbox.markSent")(function* (id: number) {
        const at = yield* DateTime.nowAsDate;
        yield* Effect.promise(() =>
          db
            .update(outbox)
            .set({ sentAt: at })
            .where(and(eq(outbox.id, id), isNull(outbox.sentAt))),
        );
      });

      const markFailed = Effect.fn("Outbox.markFailed")(function* (id: number, error: string) {
        const at = yield* DateTime.nowAsDate;
        return yield* Effect.promise(() =>
          db.transaction(async (tx) => {
            const current = (
              await tx
                .select({ attempts: outbox.attempts })
                .from(outbox)
                .where(and(eq(outbox.id, id), isNull(outbox.sentAt)))
                .for("update")
            )[0];
            if (!current) return undefined;
            const schedule = {
              attempts: current.attempts + 1,
              nextAttemptAt: new Date(at.getTime() + outboxRetryDelayMs(current.attempts)),
            };
            await tx
              .update(outbox)
              .set({ ...schedule, lastError: error.slice(0, MAX_ERROR_LENGTH) })
              .where(eq(outbox.id, id));
            return schedule;
          }),
        );
      });

      const forRecipient = Effect.fn("Outbox.forRecipient")(function* (recipient: string) {
        return yield* Effect.promise(() =>
          db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(asc(outbox.id)),
        );
      });

      const backlog = Effect.fn("Outbox.backlog")(function* (now: Date) {
        const [row] = yield* Effect.promise(() =>
          db
            .select({
              unsent: sql<number>`count(*)::int`,
              failing: sql<number>`(count(*) filter (where ${outbox.attempts} > 0))::int`,
              oldestEpoch: sql<number | null>`extract(epoch from min(${outbox.createdAt}))::float8`,
            })
            .from(outbox)
            .where(isNull(outbox.sentAt)),
        );
        const oldest = row?.oldestEpoch ?? null;
        return {
          unsent: row?.unsent ?? 0,
          failing: row?.failing ?? 0,
          oldestAgeSeconds: oldest === null ? 0 : Math.max(now.getTime() / 1000 - oldest, 0),
        };
      });

      return Outbox.of({ pending, markSent, markFailed, backlog, forRecipient });
    }),
  );
}
