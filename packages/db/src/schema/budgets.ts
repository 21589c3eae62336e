import type { LedgerKind, StoredLedgerLine } from "@envol/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { schemeRequests } from "./applications.ts";

/**
 * One envelope per scheme and academic year. `committed_cents` is kept in the row, changed only
 * under the row's lock, and the database itself refuses a commitment past the envelope.
 */
export const budgets = pgTable(
  "budgets",
  {
    id: uuid("id").primaryKey(),
    scheme: text("scheme").notNull(),
    academicYear: text("academic_year").notNull(),
    envelopeCents: bigint("envelope_cents", { mode: "number" }).notNull(),
    committedCents: bigint("committed_cents", { mode: "number" }).notNull().default(0),
    paidCents: bigint("paid_cents", { mode: "number" }).notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("budgets_scheme_year").on(t.scheme, t.academicYear),
    check("budgets_envelope", sql`${t.envelopeCents} >= 0`),
    check(
      "budgets_committed",
      sql`${t.committedCents} >= 0 and ${t.committedCents} <= ${t.envelopeCents}`,
    ),
    check("budgets_paid", sql`${t.paidCents} >= 0`),
  ],
);

/**
 * Money that moved: commitments and releases against the envelope, payments (advance and
 * balance), and recalculation differences (positive: balance due; negative: to recover).
 * `explanation` holds the lines as keys and parameters, rendered in the reader's language
 * (`renderLedgerLine`); rows written before keys hold French sentences, shown as written.
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => schemeRequests.id),
    budgetId: uuid("budget_id").references(() => budgets.id),
    kind: text("kind").$type<LedgerKind>().notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    instalment: text("instalment", { enum: ["advance", "balance"] }),
    explanation: jsonb("explanation").$type<readonly StoredLedgerLine[]>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("ledger_entries_request").on(t.requestId),
    check(
      "ledger_entries_kind",
      sql`${t.kind} in ('commitment', 'release', 'payment', 'recalculation')`,
    ),
  ],
);
