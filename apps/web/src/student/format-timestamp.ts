import type { Lang } from "@envol/domain";
import { localeOf } from "../i18n/language.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant (ISO timestamp) for people, in `lang` and the browser's time zone: "26 novembre
 * 2026 à 17:24", "26 November 2026 at 17:24". `timeZone` is for tests.
 */
export const formatTimestamp = (iso: string, lang: Lang, timeZone?: string): string => {
  const key = `${lang}|${timeZone ?? ""}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      dateStyle: "long",
      timeStyle: "short",
      timeZone,
    });
    formats.set(key, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
};
