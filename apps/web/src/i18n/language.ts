import { LANGS, type Lang } from "@envol/domain";

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_KEY = "envol.lang";

export const isLang = (value: unknown): value is Lang =>
  typeof value === "string" && (LANGS as readonly string[]).includes(value);

/**
 * The cookie that tells the server the chosen language, so that the page it sends is already in
 * it (index.html or index.en.html, see apps/api/src/web.ts).
 */
const LANGUAGE_COOKIE = "envol_lang";

/** `envol_lang=…` for `document.cookie`: the whole site, a year, never sent cross-site. */
export const languageCookie = (lang: Lang): string =>
  `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;

/**
 * The language to start in: the one chosen before in this browser, else the page's (the server
 * sends the page in the language of the cookie), else French (the school's language).
 */
export const initialLanguage = (stored: string | null, pageLang?: string): Lang =>
  isLang(stored) ? stored : isLang(pageLang) ? pageLang : "fr";

/** The BCP 47 locale used to format numbers, amounts and dates in `lang`. */
export const localeOf = (lang: Lang): string => (lang === "fr" ? "fr-FR" : "en-GB");
