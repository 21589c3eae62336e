/**
 * What expires is deleted: sessions past their expiry or revoked, and rate-limit counters whose
 * window has ended. They open nothing and count nothing any more, but would otherwise grow the
 * tables (and slow their lookups) for ever. One small periodic job per instance, started by
 * main.ts and stopped on shutdown; instances purging at the same time only delete the same rows.
 */
import { RateLimits, Sessions } from "@envol/db";
import { Effect, Exit } from "effect";
import { repeatEvery } from "./lib/periodic.ts";
import type { Runner } from "./lib/services.ts";

export interface PurgeOptions {
  readonly run: Runner;
  readonly logger: {
    readonly info: (fields: object, msg: string) => void;
    readonly error: (fields: object, msg: string) => void;
  };
  /** The pause between two purges (default: 10 minutes). */
  readonly intervalMs?: number;
  /** The instant (default: the wall clock). */
  readonly now?: () => Date;
}

const DEFAULT_INTERVAL_MS = 10 * 60_000;

/** One purge: how many sessions and counters went. */
export const purgeExpired = (run: Runner, at: Date) =>
  run(
    Effect.all({
      sessions: Sessions.use((s) => s.purge(at)),
      rateLimits: RateLimits.use((r) => r.purge(at)),
    }),
  );

/** Purges at once, then every `intervalMs`; the returned function stops it (after a purge in flight). */
export const startPurger = (options: PurgeOptions): (() => Promise<void>) => {
  const now = options.now ?? (() => new Date());
  return repeatEvery(options.intervalMs ?? DEFAULT_INTERVAL_MS, async () => {
    const exit = await purgeExpired(options.run, now());
    if (Exit.isSuccess(exit)) {
      if (exit.value.sessions + exit.value.rateLimits > 0)
        options.logger.info(exit.value, "expired rows purged");
    } else {
      // a database hiccup: try again next time, the server goes on
      options.logger.error({ error: String(exit.cause) }, "purge failed");
    }
  });
};
