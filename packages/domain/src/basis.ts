import { formatMoney } from "./money.ts";
import type { Text } from "./text.ts";

/**
 * The basis of a monthly amount, as students read it: "292 € × 150/30 jours",
 * "€292 × 150/30 days" (a monthly rate pays rate × fundedDays / 30).
 */
export const monthlyBasis = (rateCents: number, days: number): Text => ({
  fr: `${formatMoney(rateCents, "fr")} × ${days}/30 jours`,
  en: `${formatMoney(rateCents, "en")} × ${days}/30 days`,
});

/** The basis of a fixed amount: "forfait de 900 €", "lump sum of €900". */
export const lumpSumBasis = (amountCents: number): Text => ({
  fr: `forfait de ${formatMoney(amountCents, "fr")}`,
  en: `lump sum of ${formatMoney(amountCents, "en")}`,
});
