import { LANGS, type Lang } from "@envol/domain";

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_KEY = "envol.lang";

export const isLang = (value: unknown): value is Lang =>
  typeof value === "string" && (LANGS as readonly string[]).includes(value);

/** The language to start in: the one chosen before, else French (the school's language). */
export const initialLanguage = (stored: string | null): Lang => (isLang(stored) ? stored : "fr");

/** The BCP 47 locale used to format numbers, amounts and dates in `lang`. */
export const localeOf = (lang: Lang): string => (lang === "fr" ? "fr-FR" : "en-GB");
