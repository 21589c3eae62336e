import type { PaymentsDue } from "./staff-api.ts";

/**
 * What the office confirms before an irreversible payment, from the API's figures (never
 * recomputed here): the advance typed, else the scheme's default; the balance as the API says
 * it remains from what was paid. `key` is the sentence's, under `payment.confirm`.
 */
export type PaymentConfirmation =
  | { readonly key: "advance" | "to-pay" | "to-recover"; readonly amountCents: number }
  | { readonly key: "settled" };

export const paymentConfirmation = (
  instalment: "advance" | "balance",
  due: PaymentsDue,
  typedAdvanceCents: number | null,
): PaymentConfirmation => {
  if (instalment === "advance")
    return { key: "advance", amountCents: typedAdvanceCents ?? due.advanceCents };
  const remaining = due.remaining;
  if (remaining === null || remaining.kind === "settled") return { key: "settled" };
  return { key: remaining.kind, amountCents: remaining.cents };
};

/**
 * The amount a payment records when it is the one confirmed, for the API to bind it
 * (`expectedCents`): the advance shown, the balance to pay, a balance to recover as negative,
 * nothing for a settled grant.
 */
export const expectedCentsOf = (shown: PaymentConfirmation): number =>
  shown.key === "settled" ? 0 : shown.key === "to-recover" ? -shown.amountCents : shown.amountCents;
