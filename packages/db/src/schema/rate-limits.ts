import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Rate-limit counters, in the database so that a limit holds across API instances: one row per
 * key ("sign-in:account:…", "simulations:client:…"), counting the hits of its current window.
 * A hit is counted by one upsert that also decides whether it is allowed, so that parallel
 * requests can never all read "under the limit" before any of them is counted.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    /** When the count starts again from zero; a row past it is dead and may be purged. */
    windowEndsAt: timestamp("window_ends_at", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
    /** The last counted hit: a progressive delay runs from it. */
    lastAt: timestamp("last_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limits_window_ends_at").on(t.windowEndsAt)],
);
