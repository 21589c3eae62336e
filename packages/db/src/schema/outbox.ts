import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Notifications written in the same transaction as what they announce; a sender delivers them. */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    topic: text("topic").notNull(),
    recipient: text("recipient").notNull(),
    lang: text("lang", { enum: ["fr", "en"] }).notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    payload: jsonb("payload"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (t) => [index("outbox_pending").on(t.sentAt, t.nextAttemptAt)],
);
