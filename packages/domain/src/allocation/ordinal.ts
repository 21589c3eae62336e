import { formatInteger } from "../money.ts";
import type { Lang } from "../text.ts";

/**
 * A rank written as an ordinal, for a masculine noun in French ("le dossier", "le rang"): "1er",
 * "2e", "12e"; in English "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "101st", "111th".
 * The number is grouped as the reader writes it ("10 000e", "10,001st").
 *
 * @example
 * formatOrdinal(1, "fr") // "1er"
 * formatOrdinal(22, "en") // "22nd"
 */
export const formatOrdinal = (n: number, lang: Lang): string => {
  const digits = formatInteger(n, lang);
  if (lang === "fr") return n === 1 ? `${digits}er` : `${digits}e`;
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${digits}th`;
  return `${digits}${{ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th"}`;
};
