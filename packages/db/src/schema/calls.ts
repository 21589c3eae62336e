import { sql } from "drizzle-orm";
import {
  check,
  date,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { schemeRequests } from "./applications.ts";

/**
 * A call for applications: one per scheme and academic year, its window (days inclusive, on the
 * school's calendar in Europe/Paris) and the deadlines of the documents (ADR 018).
 */
export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey(),
    scheme: text("scheme").notNull(),
    academicYear: text("academic_year").notNull(),
    opensOn: date("opens_on", { mode: "string" }).notNull(),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    /** The deadline of the documents due before departure; null: none. */
    documentsDueOn: date("documents_due_on", { mode: "string" }),
    /** The deadline of the documents due after return; null: none. */
    reportsDueOn: date("reports_due_on", { mode: "string" }),
    reminderDaysBefore: integer("reminder_days_before").notNull().default(7),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("calls_scheme_year").on(t.scheme, t.academicYear),
    check("calls_window", sql`${t.opensOn} <= ${t.closesOn}`),
    check("calls_reminder_days", sql`${t.reminderDaysBefore} between 0 and 60`),
  ],
);

/**
 * The reminders of a call's deadlines already written to the outbox: one row per call, request
 * and deadline, inserted in the transaction of the message, so that instances reminding at the
 * same time write it once.
 */
export const callReminders = pgTable(
  "call_reminders",
  {
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => schemeRequests.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["documents", "reports"] }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.requestId, t.kind] }),
    check("call_reminders_kind", sql`${t.kind} in ('documents', 'reports')`),
  ],
);
