import type { Lang } from "./text.ts";

const formats: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }),
};

/**
 * A calendar date `YYYY-MM-DD` written out for a reader: French writes the first of the month
 * as an ordinal ("1er février 2027"), English does not ("1 February 2027"). The date has no
 * time zone, so it is formatted at midnight UTC in UTC and never shifts by a day; a text that
 * is not a date is returned as it is.
 *
 * @example
 * formatLongDate("2027-02-01", "fr") // "1er février 2027"
 */
export const formatLongDate = (iso: string, lang: Lang): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const text = formats[lang].format(new Date(Date.UTC(year, month - 1, day)));
  return lang === "fr" && day === 1 ? text.replace(/^1 /, "1er ") : text;
};
