import { Data } from "effect";
import { formatMoney } from "../money.ts";
import type { Lang } from "../text.ts";

/**
 * A payment confirmed on an amount that is no longer the one to record: the office was shown
 * `expectedCents`, and a move since (a partner's statement, a recalculation) makes it
 * `actualCents`. Nothing is recorded; the office confirms the new amount.
 */
export class PaymentChanged extends Data.TaggedError("PaymentChanged")<{
  readonly requestId: string;
  readonly expectedCents: number;
  readonly actualCents: number;
}> {
  override get message(): string {
    return `the payment of request ${this.requestId} is ${this.actualCents} cents, not the ${this.expectedCents} cents confirmed`;
  }

  /** For the reader: both amounts, and what to do. */
  explain(lang: Lang): string {
    const shown = formatMoney(this.expectedCents, lang);
    const now = formatMoney(this.actualCents, lang);
    return {
      fr: `Le montant a changé depuis qu'il vous a été présenté : ${shown} affichés, ${now} à enregistrer maintenant. Confirmez le nouveau montant.`,
      en: `The amount changed since it was shown to you: ${shown} shown, ${now} to record now. Confirm the new amount.`,
    }[lang];
  }
}
