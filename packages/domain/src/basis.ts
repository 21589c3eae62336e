import { formatCount, formatMoney } from "./money.ts";
import type { Lang } from "./text.ts";

/**
 * The basis of a monthly amount, as students read it: "292 € × 150/30 jours",
 * "€292 × 150/30 days" (a monthly rate pays rate × fundedDays / 30).
 */
export const monthlyBasis = (rateCents: number, days: number, lang: Lang): string => {
  const rate = formatMoney(rateCents, lang);
  const n = formatCount(days, lang);
  return { fr: `${rate} × ${n}/30 jours`, en: `${rate} × ${n}/30 days` }[lang];
};

/** The basis of a fixed amount: "forfait de 900 €", "lump sum of €900". */
export const lumpSumBasis = (amountCents: number, lang: Lang): string => {
  const amount = formatMoney(amountCents, lang);
  return { fr: `forfait de ${amount}`, en: `lump sum of ${amount}` }[lang];
};

/** The basis of a weekly amount: "150 € × 3 semaines", "€150 × 3 weeks". */
export const weeklyBasis = (rateCents: number, weeks: number, lang: Lang): string => {
  const rate = formatMoney(rateCents, lang);
  const unit = {
    fr: weeks <= 1 ? "semaine" : "semaines",
    en: weeks === 1 ? "week" : "weeks",
  }[lang];
  return `${rate} × ${weeks} ${unit}`;
};

/** The basis of a daily amount: "136 € × 5 jours", "€136 × 5 days". */
export const dailyBasis = (rateCents: number, days: number, lang: Lang): string => {
  const rate = formatMoney(rateCents, lang);
  const unit = { fr: days <= 1 ? "jour" : "jours", en: days === 1 ? "day" : "days" }[lang];
  return `${rate} × ${days} ${unit}`;
};
