import { sql } from "drizzle-orm";
import { check, date, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/**
 * A scheme's options as the office saved them from a date (a what-if scenario kept, ADR 020):
 * stays starting on or after `since` are evaluated with `options`, those before keep the
 * configuration's or an earlier period's. One row per scheme and date; saving the same date
 * again replaces it (audited, options before and after). Decisions already taken keep the
 * options stored with them (`scheme_requests.approved_options`).
 */
export const schemeOptionPeriods = pgTable(
  "scheme_option_periods",
  {
    id: uuid("id").primaryKey(),
    scheme: text("scheme").notNull(),
    since: date("since", { mode: "string" }).notNull(),
    /** The complete options, as the plugin parsed them (its defaults filled in). */
    options: jsonb("options").notNull(),
    reason: text("reason").notNull(),
    /** The audit trail's actor id of whoever saved it. */
    savedBy: text("saved_by").notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("scheme_option_periods_scheme_since").on(t.scheme, t.since),
    check("scheme_option_periods_reason", sql`length(trim(${t.reason})) > 0`),
  ],
);
