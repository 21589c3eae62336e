import { formatLongDate, type Lang } from "@envol/domain";

/**
 * A calendar date `YYYY-MM-DD` written for people: "1er février 2027", "1 February 2027" (see
 * `formatLongDate`: no time zone, so it never shifts by a day).
 */
export const formatDate = (iso: string, lang: Lang): string => formatLongDate(iso, lang);
