import { randomUUID } from "node:crypto";
import type { Actor, IsoDate } from "@envol/domain";
import { asc, sql } from "drizzle-orm";
import { Context, DateTime, Effect, Layer } from "effect";
import { actorId, recordAudit } from "./audit-log.ts";
import { Database } from "./database.ts";
import { schemeOptionPeriods } from "./schema/index.ts";

/** A scheme's options saved from a date (ADR 020). */
export interface SchemeOptionPeriod {
  readonly scheme: string;
  readonly since: IsoDate;
  readonly options: unknown;
  readonly reason: string;
  readonly savedBy: string;
  readonly savedAt: Date;
}

const view = (r: typeof schemeOptionPeriods.$inferSelect): SchemeOptionPeriod => ({
  scheme: r.scheme,
  since: r.since,
  options: r.options,
  reason: r.reason,
  savedBy: r.savedBy,
  savedAt: r.savedAt,
});

/** The schemes' dated options, which the registry is built from with the configuration's. */
export class SchemeOptions extends Context.Service<
  SchemeOptions,
  {
    /** Every saved period, by scheme then date. */
    readonly list: () => Effect.Effect<readonly SchemeOptionPeriod[]>;
    /**
     * A cheap token that changes whenever a period's content changes (how many, and a digest of
     * every period's scheme, date, options and save instant, whatever the instances' clocks): an
     * instance compares it with the one its registry was built on, and rebuilds when it differs.
     */
    readonly version: () => Effect.Effect<string>;
    /**
     * Saves `options` for the stays starting on or after `since` (replacing a period saved for
     * the same date); audited: who, why, and the options in force there before (`before`) and
     * after. The caller validates the options with the plugin first.
     */
    readonly save: (input: {
      readonly scheme: string;
      readonly since: IsoDate;
      readonly options: unknown;
      readonly before: unknown;
      readonly reason: string;
      readonly actor: Actor;
    }) => Effect.Effect<SchemeOptionPeriod>;
  }
>()("@envol/db/SchemeOptions") {
  static readonly layer = Layer.effect(
    SchemeOptions,
    Effect.gen(function* () {
      const { db } = yield* Database;

      const list = Effect.fn("SchemeOptions.list")(function* () {
        const rows = yield* Effect.promise(() =>
          db
            .select()
            .from(schemeOptionPeriods)
            .orderBy(asc(schemeOptionPeriods.scheme), asc(schemeOptionPeriods.since)),
        );
        return rows.map(view);
      });

      // a digest of every period's content, not `max(saved_at)`: a save that replaces a period with
      // an instant earlier than the latest save (two instances' clocks out of step, or concurrent
      // saves) still moves it. The table holds a few periods a scheme, so hashing them all is cheap.
      const version = Effect.fn("SchemeOptions.version")(function* () {
        const p = schemeOptionPeriods;
        const rows = yield* Effect.promise(() =>
          db
            .select({
              n: sql<number>`count(*)::int`,
              digest: sql<string | null>`md5(string_agg(
                ${p.scheme} || '|' || ${p.since}::text || '|' || ${p.options}::text || '|' || ${p.savedAt}::text,
                E'\n' order by ${p.scheme}, ${p.since}))`,
            })
            .from(p),
        );
        return `${rows[0]?.n ?? 0}:${rows[0]?.digest ?? ""}`;
      });

      const save = Effect.fn("SchemeOptions.save")(function* (input: {
        readonly scheme: string;
        readonly since: IsoDate;
        readonly options: unknown;
        readonly before: unknown;
        readonly reason: string;
        readonly actor: Actor;
      }) {
        const at = yield* DateTime.nowAsDate;
        const reason = input.reason.trim();
        const row = yield* Effect.promise(() =>
          db.transaction(async (tx) => {
            const saved = (
              await tx
                .insert(schemeOptionPeriods)
                .values({
                  id: randomUUID(),
                  scheme: input.scheme,
                  since: input.since,
                  options: input.options as object,
                  reason,
                  savedBy: actorId(input.actor),
                  savedAt: at,
                })
                .onConflictDoUpdate({
                  target: [schemeOptionPeriods.scheme, schemeOptionPeriods.since],
                  set: {
                    options: input.options as object,
                    reason,
                    savedBy: actorId(input.actor),
                    savedAt: at,
                  },
                })
                .returning()
            )[0];
            if (!saved) throw new Error("the scheme's options were not saved");
            await recordAudit(tx, {
              at,
              actor: input.actor,
              action: "set-scheme-options",
              entityType: "scheme",
              entityId: input.scheme,
              before: { since: input.since, options: input.before },
              after: { since: input.since, options: input.options },
              reason,
            });
            return saved;
          }),
        );
        return view(row);
      });

      return { list, version, save };
    }),
  );
}
