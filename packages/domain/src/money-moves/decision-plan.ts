import { Result } from "effect";
import {
  type ActionInput,
  type Actor,
  type LifecycleError,
  type MoneyMovement,
  type RequestSnapshot,
  transition,
} from "../application-lifecycle.ts";
import type { Text } from "../text.ts";
import type { LedgerLine } from "./ledger-explanation.ts";
import { envelopeChangeOf, type MovePlan, type PlannedLedgerEntry } from "./move-plan.ts";

/** What a decision says; the planner adds what the request and its envelope know. */
export type Decision =
  | { readonly action: "submit" }
  | { readonly action: "start-review" }
  /** The amount defaults to the standalone estimate made when the student applied. */
  | { readonly action: "approve" | "promote"; readonly amountCents?: number }
  | { readonly action: "reject"; readonly reason: string }
  | { readonly action: "waitlist"; readonly reason?: string }
  | { readonly action: "sign-agreement" }
  /** The amount defaults to the scheme's advance share of the approved amount. */
  | { readonly action: "pay-advance"; readonly amountCents?: number }
  | { readonly action: "complete" }
  | { readonly action: "withdraw"; readonly reason?: string }
  | { readonly action: "cancel"; readonly reason: string };

/** A request as a decision finds it, with its money. */
export interface DecisionState {
  readonly request: RequestSnapshot;
  readonly schemeName: Text;
  /** The standalone estimate made when the student applied: what an approval defaults to. */
  readonly estimatedCents: number | null;
  /** The scheme's advance, in percent of the approved amount: what an advance defaults to. */
  readonly advancePercent: number;
  /** What the request was paid so far (advance, balance). */
  readonly paidCents: number;
  /** The envelope less what is committed against it: what can still be approved. */
  readonly budgetRemainingCents: number;
}

export interface DecisionPlan extends MovePlan {
  /** The request after the decision. */
  readonly request: RequestSnapshot;
  /** The decision approves the request: the repository stamps the approval's date and options. */
  readonly approves: boolean;
  /**
   * The decision reads or changes the scheme's envelope: the repository locks it (and finds it
   * missing) before planning again with what it has left.
   */
  readonly usesEnvelope: boolean;
}

/** The advance paid when the office types no amount: the scheme's share of the grant, floored. */
export const defaultAdvanceCents = (approvedCents: number, advancePercent: number): number =>
  Math.floor((approvedCents * advancePercent) / 100);

const inputOf = (state: DecisionState, decision: Decision): ActionInput => {
  switch (decision.action) {
    case "approve":
    case "promote":
      return {
        action: decision.action,
        amountCents: decision.amountCents ?? state.estimatedCents ?? 0,
        budgetRemainingCents: state.budgetRemainingCents,
      };
    case "pay-advance":
      return {
        action: "pay-advance",
        amountCents:
          decision.amountCents ??
          defaultAdvanceCents(state.request.approvedCents ?? 0, state.advancePercent),
      };
    default:
      return decision;
  }
};

const entryOf = (m: MoneyMovement, decision: Decision): PlannedLedgerEntry => {
  const params = { action: decision.action };
  const entry = (
    kind: PlannedLedgerEntry["kind"],
    amountCents: number,
    instalment: PlannedLedgerEntry["instalment"],
    key: "commitment" | "release" | "advance",
  ): PlannedLedgerEntry => ({
    kind,
    amountCents,
    instalment,
    explanation: [{ key, amountCents, params } satisfies LedgerLine],
  });
  switch (m.kind) {
    case "commit":
      return entry("commitment", m.cents, null, "commitment");
    case "release":
      return entry("release", -m.cents, null, "release");
    case "payment":
      return entry("payment", m.cents, m.instalment, "advance");
  }
};

/**
 * Plans a decision on a request: the lifecycle's transition (ARCHITECTURE §2.6) with the money
 * it moves as ledger entries, the balance when the grant is settled (what it comes to less what
 * was paid; negative, to pay back), the audit event and the student's message. Or why it
 * cannot be taken.
 *
 * @example
 * planDecision(state, { action: "approve" }, { kind: "staff", userId: "u1" }, "2026-11-26T10:00:00Z")
 */
export const planDecision = (
  state: DecisionState,
  decision: Decision,
  actor: Actor,
  at: string,
): Result.Result<DecisionPlan, LifecycleError> => {
  const input = inputOf(state, decision);
  const result = transition(state.request, input, actor, at);
  if (Result.isFailure(result)) return Result.fail(result.failure);
  const { request: next, event, money } = result.success;
  const approves = decision.action === "approve" || decision.action === "promote";

  const ledger = money.map((m) => entryOf(m, decision));
  if (decision.action === "complete" && next.approvedCents !== null) {
    const balance = next.approvedCents - state.paidCents;
    if (balance !== 0)
      ledger.push({
        kind: "payment",
        amountCents: balance,
        instalment: "balance",
        explanation: [
          {
            key: balance > 0 ? "balance" : "pay-back",
            amountCents: balance,
            params: { action: decision.action },
          },
        ],
      });
  }
  return Result.succeed({
    request: next,
    approves,
    usesEnvelope:
      approves ||
      (state.request.approvedCents !== null && money.length > 0) ||
      decision.action === "complete",
    ledger,
    envelope: envelopeChangeOf(ledger),
    audit: {
      action: event.action,
      before: event.before,
      after: event.after,
      reason: event.reason,
    },
    notification: {
      key: event.action,
      facts: {
        schemeName: state.schemeName,
        amountCents: input.action === "pay-advance" ? input.amountCents : next.approvedCents,
        reason: event.reason,
      },
    },
  });
};
