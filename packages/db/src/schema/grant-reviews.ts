import type { Text, Verdict } from "@envol/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { applications, schemeRequests } from "./applications.ts";

/**
 * What about a grant awaits the office (ADR 012): a partner's statement of actual dates that
 * would raise it (`partner-statement`), or a grant gone stale when another grant's recalculation
 * moved the stay's actual dates (`stale-grant`). Nothing here moves money: the office confirms
 * (a recalculation) or sets it aside with a reason.
 */
export const grantReviews = pgTable(
  "grant_reviews",
  {
    id: uuid("id").primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => schemeRequests.id, { onDelete: "cascade" }),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"partner-statement" | "stale-grant">().notNull(),
    /**
     * pending: awaits the office; confirmed / recalculated: a recalculation applied it;
     * rejected / dismissed: set aside with a reason; superseded: a later statement replaced it.
     */
    state: text("state")
      .$type<"pending" | "confirmed" | "recalculated" | "rejected" | "dismissed" | "superseded">()
      .notNull(),
    /** The actual dates the review is about. */
    actualStart: date("actual_start", { mode: "string" }).notNull(),
    actualEnd: date("actual_end", { mode: "string" }).notNull(),
    /** The grant as it stands, and what the scheme gives on the actual dates (null: nothing). */
    beforeCents: bigint("before_cents", { mode: "number" }).notNull(),
    afterCents: bigint("after_cents", { mode: "number" }),
    afterVerdict: text("after_verdict").$type<Verdict>().notNull(),
    /** Why the office is asked, in both languages. */
    explanation: jsonb("explanation").$type<Text>().notNull(),
    /** Who raised it: the partner (`partner:tu-berlin`) or the staff member who recalculated. */
    raisedBy: text("raised_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The office's reason for a rejection or a dismissal. */
    reason: text("reason"),
  },
  (t) => [
    // one open review of each kind per grant: a new one supersedes the last
    uniqueIndex("grant_reviews_one_pending")
      .on(t.requestId, t.kind)
      .where(sql`${t.state} = 'pending'`),
    index("grant_reviews_application_pending")
      .on(t.applicationId)
      .where(sql`${t.state} = 'pending'`),
    check(
      "grant_reviews_state",
      sql`${t.state} in ('pending', 'confirmed', 'recalculated', 'rejected', 'dismissed', 'superseded')`,
    ),
    check("grant_reviews_kind", sql`${t.kind} in ('partner-statement', 'stale-grant')`),
  ],
);
