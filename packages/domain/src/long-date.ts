import { parseIsoDate } from "./calendar-date.ts";
import type { Lang } from "./text.ts";

/** The months' names, as a long date writes them in each language. */
const MONTHS: Record<Lang, readonly string[]> = {
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/**
 * A calendar date written out for a reader: "1er février 2027" (the French ordinal of the first
 * day of a month), "1 February 2027", as `Intl.DateTimeFormat`'s long style writes them in
 * fr-FR and en-GB — written here from the date's parts, since every evaluation writes a few (the
 * `period` criterion's reasons) and the formatter costs a microsecond a call. A text that is not
 * an ISO date is returned as it is.
 *
 * @example
 * formatLongDate("2027-02-01", "fr") // "1er février 2027"
 */
export const formatLongDate = (iso: string, lang: Lang): string => {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  const day = lang === "fr" && date.day === 1 ? "1er" : String(date.day);
  return `${day} ${MONTHS[lang][date.month - 1]} ${date.year}`;
};
