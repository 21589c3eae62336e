import type { Lang } from "@envol/domain";
import { localeOf } from "./language.ts";

/** "150 jours", "150 days", "890 km": a quantity in its unit, written by `Intl` in `lang`. */
export const formatUnit = (value: number, unit: "day" | "kilometer", lang: Lang): string =>
  new Intl.NumberFormat(localeOf(lang), {
    style: "unit",
    unit,
    unitDisplay: unit === "day" ? "long" : "short",
  }).format(value);
