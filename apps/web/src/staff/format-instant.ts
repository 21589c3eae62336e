import type { Lang } from "@envol/domain";
import { localeOf } from "../i18n/language.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment recorded by the API (an ISO timestamp in UTC) in the reader's time zone:
 * "26 novembre 2026 à 18:24", "26 November 2026 at 18:24". Calendar dates without a time go
 * through `formatDate` instead.
 */
export const formatInstant = (iso: string, lang: Lang, timeZone?: string): string => {
  const key = `${lang}/${timeZone ?? ""}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      dateStyle: "long",
      timeStyle: "short",
      ...(timeZone !== undefined && { timeZone }),
    });
    formats.set(key, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
};
