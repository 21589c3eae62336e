import { Effect } from "effect";
import type { AppDatabase } from "./database.ts";

/** A transaction handle: the same query API as the database. */
export type Tx = Parameters<Parameters<AppDatabase["transaction"]>[0]>[0];

/**
 * Runs `work` in one database transaction. A tagged domain error thrown inside rolls the
 * transaction back and comes out as a typed failure; anything else (a database failure) is a
 * defect, never a silent default.
 *
 * @example
 * transact(db, async (tx) => { … throw new BudgetExceeded({ … }) … }, isBudgetError)
 */
export const transact = <A, E>(
  db: AppDatabase,
  work: (tx: Tx) => Promise<A>,
  isExpected: (u: unknown) => u is E,
): Effect.Effect<A, E> =>
  Effect.flatMap(
    Effect.promise(() =>
      db.transaction(work).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
    ),
    (r) =>
      r.ok
        ? Effect.succeed(r.value)
        : isExpected(r.error)
          ? Effect.fail(r.error)
          : Effect.die(r.error),
  );

/** A guard for tagged errors by their tags: `tagged("BudgetExceeded", "RequestNotFound")`. */
export const tagged =
  <E extends { readonly _tag: string }>(...tags: readonly E["_tag"][]) =>
  (u: unknown): u is E =>
    typeof u === "object" &&
    u !== null &&
    "_tag" in u &&
    tags.includes((u as { _tag: string })._tag);
