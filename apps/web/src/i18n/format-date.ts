import type { Lang } from "@envol/domain";
import { localeOf } from "./language.ts";

const formats = new Map<Lang, Intl.DateTimeFormat>();

/**
 * A calendar date `YYYY-MM-DD` written for people: "1 février 2027", "1 February 2027". The date
 * has no time zone, so it is formatted at midnight UTC in UTC and never shifts by a day.
 */
export const formatDate = (iso: string, lang: Lang): string => {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: "long", timeZone: "UTC" });
    formats.set(lang, format);
  }
  const [y, m, d] = iso.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return iso;
  return format.format(new Date(Date.UTC(y, m - 1, d)));
};

const shortFormats = new Map<Lang, Intl.DateTimeFormat>();

/** A calendar date `YYYY-MM-DD` as tables write it: "01/02/2027" (in French and British English). */
export const formatShortDate = (iso: string, lang: Lang): string => {
  let format = shortFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      timeZone: "UTC",
    });
    shortFormats.set(lang, format);
  }
  const [y, m, d] = iso.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return iso;
  return format.format(new Date(Date.UTC(y, m - 1, d)));
};
