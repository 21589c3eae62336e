import { formatLongDate, type Lang } from "@envol/domain";

/**
 * A calendar date `YYYY-MM-DD` written for people: "1er février 2027", "1 February 2027" (see
 * `formatLongDate`: no time zone, so it never shifts by a day).
 */
export const formatDate = (iso: string, lang: Lang): string => formatLongDate(iso, lang);

const SHORT_OPTIONS: Intl.DateTimeFormatOptions = {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "UTC",
};

const SHORT: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat("fr-FR", SHORT_OPTIONS),
  en: new Intl.DateTimeFormat("en-GB", SHORT_OPTIONS),
};

/** A calendar date `YYYY-MM-DD` as tables write it: "01/02/2027" (in French and British English). */
export const formatShortDate = (iso: string, lang: Lang): string => {
  const [y, m, d] = iso.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return iso;
  return SHORT[lang].format(new Date(Date.UTC(y, m - 1, d)));
};
