import type { AppliedMove, PriorityRules, RankStanding } from "@envol/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { schemeRequests } from "./applications.ts";

/**
 * A call's ranked allocation (issue #15, ADR 019): one per scheme and academic year, proposed
 * (and proposed again, replacing the proposal) until the office applies it; then it is kept as
 * applied, the record of who was funded and who waits, and the students' standings are read
 * from it.
 */
export const allocations = pgTable(
  "allocations",
  {
    id: uuid("id").primaryKey(),
    scheme: text("scheme").notNull(),
    academicYear: text("academic_year").notNull(),
    status: text("status", { enum: ["proposed", "applied"] }).notNull(),
    /** Bumped on every proposal: an apply names the version the office looked at. */
    version: integer("version").notNull(),
    rules: jsonb("rules").$type<PriorityRules>().notNull(),
    /** The office's moves by hand, with their reasons (office only, never a student's). */
    moves: jsonb("moves").$type<readonly AppliedMove[]>().notNull(),
    /** What the envelope had left (envelope less committed) when it was proposed. */
    envelopeCents: bigint("envelope_cents", { mode: "number" }).notNull(),
    allocatedCents: bigint("allocated_cents", { mode: "number" }).notNull(),
    lastFundedRank: integer("last_funded_rank"),
    /** The staff member's user id, as the audit trail names actors (no reference: as there). */
    proposedBy: uuid("proposed_by").notNull(),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull(),
    appliedBy: uuid("applied_by"),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
  },
  (t) => [
    unique("allocations_scheme_year").on(t.scheme, t.academicYear),
    check("allocations_status", sql`${t.status} in ('proposed', 'applied')`),
    check(
      "allocations_within_envelope",
      sql`${t.allocatedCents} >= 0 and ${t.allocatedCents} <= ${t.envelopeCents}`,
    ),
    check(
      "allocations_applied",
      sql`(${t.status} = 'applied') = (${t.appliedAt} is not null and ${t.appliedBy} is not null)`,
    ),
  ],
);

/**
 * Where each request stands in its call's allocation: its rank, funded or waiting, and the
 * standing `standingsOf` gave (rank, total, values, outcome, cut-off; never the office's reason),
 * with the request's version and amount when it was proposed, which an apply checks.
 */
export const allocationStandings = pgTable(
  "allocation_standings",
  {
    allocationId: uuid("allocation_id")
      .notNull()
      .references(() => allocations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => schemeRequests.id, { onDelete: "cascade" }),
    rank: integer("rank").notNull(),
    funded: boolean("funded").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    /** The request's version when it was proposed: another at apply time means it changed. */
    requestVersion: integer("request_version").notNull(),
    submittedAt: text("submitted_at").notNull(),
    standing: jsonb("standing").$type<RankStanding>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.allocationId, t.requestId] }),
    unique("allocation_standings_rank").on(t.allocationId, t.rank),
    index("allocation_standings_request").on(t.requestId),
  ],
);
