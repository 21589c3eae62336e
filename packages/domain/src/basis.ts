import { formatMoney } from "./money.ts";
import { lazyText, type Text } from "./text.ts";

/**
 * The basis of a monthly amount, as students read it: "292 € × 150/30 jours",
 * "€292 × 150/30 days" (a monthly rate pays rate × fundedDays / 30).
 */
export const monthlyBasis = (rateCents: number, days: number): Text =>
  lazyText(
    (lang) => `${formatMoney(rateCents, lang)} × ${days}/30 ${lang === "fr" ? "jours" : "days"}`,
  );

/** The basis of a fixed amount: "forfait de 900 €", "lump sum of €900". */
export const lumpSumBasis = (amountCents: number): Text =>
  lazyText(
    (lang) => `${lang === "fr" ? "forfait de" : "lump sum of"} ${formatMoney(amountCents, lang)}`,
  );
