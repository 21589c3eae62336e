import type { Lang } from "@envol/domain";
import { localeOf } from "./language.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment recorded by the API (an ISO timestamp) for people, in `lang` and the reader's time
 * zone: "26 novembre 2026 à 18:24", "26 November 2026 at 18:24". What is not an instant is left
 * as it is. Calendar dates without a time go through `formatDate` instead. `timeZone` is for
 * tests.
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

/**
 * The day of a moment, as tables write it, in the reader's time zone: "27/11/2026" for
 * 2026-11-26T23:30Z in Paris (its UTC date would say the 26th). `timeZone` is for tests.
 */
export const formatInstantDay = (iso: string, lang: Lang, timeZone?: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    ...(timeZone !== undefined && { timeZone }),
  }).format(date);
};
