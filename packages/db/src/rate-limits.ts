import { eq, lte, sql } from "drizzle-orm";
import { Context, Effect, Layer } from "effect";
import { Database } from "./database.ts";
import { rateLimits } from "./schema/index.ts";

/**
 * How many hits a key may make: `limit` per window of `windowMs`, the window starting at the
 * key's first hit.
 *
 * @example { limit: 60, windowMs: 60_000 }  // 60 a minute
 */
export interface RateRule {
  /** At least 1. */
  readonly limit: number;
  readonly windowMs: number;
}

/** A hit counted, or refused with how long to wait. */
export type RateHit =
  | { readonly allowed: true; readonly count: number }
  | { readonly allowed: false; readonly retryAfterMs: number };

const iso = (d: Date) => d.toISOString();

/**
 * Rate-limit counters shared by every API instance. `hit` counts and decides in one statement
 * (an upsert whose update only happens while the rule allows it), so that however many requests
 * race, on one instance or several, no more than the rule's hits are ever allowed. The clock is
 * the caller's: `at` is the request's time.
 */
export class RateLimits extends Context.Service<
  RateLimits,
  {
    /** Counts a hit of `key` at `at` if `rule` allows it; a refused hit is not counted. */
    readonly hit: (key: string, rule: RateRule, at: Date) => Effect.Effect<RateHit>;
    /** Gives one counted hit back (a sign-in that succeeded is not a guess). */
    readonly release: (key: string) => Effect.Effect<void>;
    /** The hits of `key` in its current window at `at` (0 when none). */
    readonly count: (key: string, at: Date) => Effect.Effect<number>;
    /** Deletes the counters whose window ended before `at`; how many went. */
    readonly purge: (at: Date) => Effect.Effect<number>;
  }
>()("@envol/db/RateLimits") {
  static readonly layer = Layer.effect(
    RateLimits,
    Effect.gen(function* () {
      const { db } = yield* Database;

      const hit = Effect.fn("RateLimits.hit")(function* (key: string, rule: RateRule, at: Date) {
        const now = sql`${iso(at)}::timestamptz`;
        const expired = sql`${rateLimits.windowEndsAt} <= ${now}`;
        const allowed = sql`(${expired} or ${rateLimits.count} < ${rule.limit}::int)`;
        const counted = yield* Effect.promise(() =>
          db
            .insert(rateLimits)
            .values({
              key,
              windowEndsAt: new Date(at.getTime() + rule.windowMs),
              count: 1,
              lastAt: at,
            })
            .onConflictDoUpdate({
              target: rateLimits.key,
              set: {
                count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
                windowEndsAt: sql`case when ${expired} then excluded.window_ends_at else ${rateLimits.windowEndsAt} end`,
                lastAt: now,
              },
              setWhere: allowed,
            })
            .returning({ count: rateLimits.count }),
        );
        const first = counted[0];
        if (first) return { allowed: true, count: first.count } as const;
        const row = (yield* Effect.promise(() =>
          db
            .select({ windowEndsAt: rateLimits.windowEndsAt })
            .from(rateLimits)
            .where(eq(rateLimits.key, key)),
        ))[0];
        if (!row) return { allowed: false, retryAfterMs: rule.windowMs } as const;
        return {
          allowed: false,
          retryAfterMs: Math.max(0, row.windowEndsAt.getTime() - at.getTime()),
        } as const;
      });

      const release = Effect.fn("RateLimits.release")(function* (key: string) {
        yield* Effect.promise(() =>
          db
            .update(rateLimits)
            .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
            .where(eq(rateLimits.key, key)),
        );
      });

      const count = Effect.fn("RateLimits.count")(function* (key: string, at: Date) {
        const row = (yield* Effect.promise(() =>
          db.select().from(rateLimits).where(eq(rateLimits.key, key)),
        ))[0];
        return row && row.windowEndsAt > at ? row.count : 0;
      });

      const purge = Effect.fn("RateLimits.purge")(function* (at: Date) {
        const gone = yield* Effect.promise(() =>
          db
            .delete(rateLimits)
            .where(lte(rateLimits.windowEndsAt, at))
            .returning({ key: rateLimits.key }),
        );
        return gone.length;
      });

      return RateLimits.of({ hit, release, count, purge });
    }),
  );
}
