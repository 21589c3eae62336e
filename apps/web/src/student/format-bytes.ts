import type { Lang } from "@envol/domain";
import { localeOf } from "../i18n/language.ts";

const KIB = 1024;
const MIB = 1024 * 1024;

/**
 * A file's size for people, in `lang`: "850 ko", "2,4 Mo" / "850 kB", "2.4 MB" (binary
 * multiples, as the API's 10 MiB limit; at least 1 kB, so that a small file never reads "0").
 */
export const formatBytes = (bytes: number, lang: Lang): string => {
  const mega = bytes >= MIB;
  return new Intl.NumberFormat(localeOf(lang), {
    style: "unit",
    unit: mega ? "megabyte" : "kilobyte",
    unitDisplay: "short",
    maximumFractionDigits: mega ? 1 : 0,
  }).format(mega ? bytes / MIB : Math.max(1, Math.round(bytes / KIB)));
};
