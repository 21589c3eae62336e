import type { StudentNotification } from "../notifications.ts";
import type { LedgerLine } from "./ledger-explanation.ts";

/**
 * What a move of a request does, planned by a pure function (a decision, a recalculation) and
 * applied by the repository in one transaction: the ledger entries to write, the change to the
 * scheme's envelope, the audit event to record and the message for the student.
 */
export interface MovePlan {
  readonly ledger: readonly PlannedLedgerEntry[];
  readonly envelope: EnvelopeChange;
  readonly audit: PlannedAudit;
  readonly notification: StudentNotification;
}

export const LEDGER_KINDS = ["commitment", "release", "payment", "recalculation"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** One ledger entry: money committed, released, paid or recalculated, explained line by line. */
export interface PlannedLedgerEntry {
  readonly kind: LedgerKind;
  /** Positive: committed, paid or due; negative: released or to recover. */
  readonly amountCents: number;
  readonly instalment: "advance" | "balance" | null;
  readonly explanation: readonly LedgerLine[];
}

/** What the envelope's counters change by, in cents (negative: given back). */
export interface EnvelopeChange {
  readonly committedCents: number;
  readonly paidCents: number;
}

/** The audit event of the move, on the scheme request. */
export interface PlannedAudit {
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
}

/** The envelope's change that the ledger entries make. */
export const envelopeChangeOf = (ledger: readonly PlannedLedgerEntry[]): EnvelopeChange => ({
  committedCents: ledger
    .filter((e) => e.kind !== "payment")
    .reduce((total, e) => total + e.amountCents, 0),
  paidCents: ledger
    .filter((e) => e.kind === "payment")
    .reduce((total, e) => total + e.amountCents, 0),
});
