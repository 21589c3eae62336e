import type { MovePlan } from "../money-moves/move-plan.ts";
import type { Text } from "../text.ts";

/**
 * What applying a call's allocation does to a request already waiting (waitlisted by hand before
 * the call was ranked) that it does not fund (ADR 019): queued again at its rank's place — a new
 * `waitlist` event, as the promotion reads the waitlist in the order of its events — and its
 * student told so in the words of a waitlisting, as every other student the apply leaves
 * waiting; no money moves.
 *
 * @example planRequeue({ fr: "Erasmus+ Europe", en: "Erasmus+ Europe" }, 3)
 */
export const planRequeue = (schemeName: Text, rank: number): MovePlan => ({
  ledger: [],
  envelope: { committedCents: 0, paidCents: 0 },
  audit: {
    action: "waitlist",
    before: { state: "waitlisted" },
    after: { state: "waitlisted", rank },
    reason: null,
  },
  notification: { key: "waitlist", facts: { schemeName, amountCents: null, reason: null } },
});
