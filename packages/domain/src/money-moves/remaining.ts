import { ENDED_STATES, type RequestState } from "../application-lifecycle.ts";

/**
 * What a grant still owes, or is owed, once paid: the one answer every screen, the ledger, the
 * student's e-mail and the API give after a recalculation or before the balance. It depends on
 * the amount the grant comes to and on what was paid, never on how the amount changed: a grant
 * lowered below its approval is still owed to the student until paid beyond its new amount.
 */
export type Remaining =
  /** More is to be paid to the student. */
  | { readonly kind: "to-pay"; readonly cents: number }
  /** The student was paid beyond the grant: this much is to be paid back. */
  | { readonly kind: "to-recover"; readonly cents: number }
  /** Paid exactly what the grant comes to. */
  | { readonly kind: "settled" };

/**
 * What remains of a grant of `approvedCents` of which `paidCents` was paid.
 *
 * @example
 * remainingOf({ approvedCents: 451_167, paidCents: 418_800 }) // { kind: "to-pay", cents: 32_367 }
 */
export const remainingOf = (grant: {
  readonly approvedCents: number;
  readonly paidCents: number;
}): Remaining => {
  const rest = grant.approvedCents - grant.paidCents;
  if (rest > 0) return { kind: "to-pay", cents: rest };
  if (rest < 0) return { kind: "to-recover", cents: -rest };
  return { kind: "settled" };
};

/**
 * What remains of a request in its state: an ended request (withdrawn, cancelled, rejected)
 * comes to nothing, so nothing is to pay and what was paid is to recover (ADR 008); any other
 * is {@link remainingOf} its approved amount.
 *
 * @example
 * remainingOfRequest({ state: "cancelled", approvedCents: 73_000, paidCents: 58_400 })
 * // { kind: "to-recover", cents: 58_400 }
 */
export const remainingOfRequest = (request: {
  readonly state: RequestState;
  readonly approvedCents: number;
  readonly paidCents: number;
}): Remaining =>
  remainingOf({
    approvedCents: ENDED_STATES.has(request.state) ? 0 : request.approvedCents,
    paidCents: request.paidCents,
  });
