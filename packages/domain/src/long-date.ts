import { parseIsoDate } from "./calendar-date.ts";
import type { Lang } from "./text.ts";

const FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }),
};

/**
 * A calendar date written out for a reader: "1er février 2027" (the French ordinal of the first
 * day of a month), "1 February 2027". Formatted at midnight UTC in UTC, so it never shifts by a
 * day; a text that is not an ISO date is returned as it is.
 *
 * @example
 * formatLongDate("2027-02-01", "fr") // "1er février 2027"
 */
export const formatLongDate = (iso: string, lang: Lang): string => {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  const written = FORMATS[lang].format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
  return lang === "fr" && date.day === 1 ? written.replace(/^1 /, "1er ") : written;
};
