import type { Lang } from "@envol/domain";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Messages } from "./fr.ts";
import { fr } from "./fr.ts";
import { initialLanguage, LANGUAGE_KEY, languageCookie } from "./language.ts";

/**
 * i18next with French bundled (the default, the school's language) and English loaded when it
 * is chosen: a French first screen does not carry the English texts.
 */
const i18n = i18next.createInstance();

const loaders: Record<Lang, () => Promise<Messages>> = {
  fr: async () => fr,
  en: () => import("./en.ts").then((m) => m.en),
};

const ensureLoaded = async (lang: Lang): Promise<void> => {
  if (!i18n.hasResourceBundle(lang, "translation"))
    i18n.addResourceBundle(lang, "translation", await loaders[lang]());
};

const storedLanguage = (): string | null => {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    // storage can be disabled (private browsing, policies): French then
    return null;
  }
};

const tellServer = (lang: Lang) => {
  // biome-ignore lint/suspicious/noDocumentCookie: one fixed cookie; the Cookie Store API is not in every browser students use
  document.cookie = languageCookie(lang);
};

/** Remembers `lang` in this browser, and tells the server with the next page it sends. */
const remember = (lang: Lang) => {
  tellServer(lang);
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // not remembered here; the cookie still says it
  }
};

/** Switches the whole app to `lang`, once its texts are there; the choice is remembered. */
export const switchLanguage = async (lang: Lang): Promise<void> => {
  await ensureLoaded(lang);
  await i18n.changeLanguage(lang);
  remember(lang);
};

const stored = storedLanguage();
const startLanguage = initialLanguage(stored, document.documentElement.lang);
// a choice made before the cookie existed: the server learns it now
if (stored !== null) tellServer(startLanguage);

await i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr } },
  partialBundledLanguages: true,
  lng: startLanguage,
  fallbackLng: "fr",
  supportedLngs: ["fr", "en"],
  // React escapes what it renders
  interpolation: { escapeValue: false },
  initAsync: false,
});
await ensureLoaded(startLanguage);

document.documentElement.lang = i18n.language;
i18n.on("languageChanged", (lang) => {
  document.documentElement.lang = lang;
});
