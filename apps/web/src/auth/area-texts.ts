import type { Lang } from "@envol/domain";
import type { Resources } from "i18next";
import { use } from "react";
import { getI18n, useTranslation } from "react-i18next";
import { isLang } from "../i18n/language.ts";
import type { Strings } from "../i18n/strings.ts";

/**
 * The texts are there: a promise `use` reads without waiting, its outcome written on it as
 * React writes it on the promises it has seen settle (the `status` protocol of `use`).
 */
const LOADED: Promise<void> = Object.assign(Promise.resolve(), {
  status: "fulfilled",
  value: undefined,
});

type Namespace = Exclude<keyof Resources, "translation">;

/** A namespace's texts in every language but French: loaded when that language is chosen. */
type OtherLanguages<N extends Namespace> = Record<
  Exclude<Lang, "fr">,
  () => Promise<Strings<Resources[N]>>
>;

/**
 * A lazy area's own i18next namespace: its French texts come with its chunk (registered when
 * the chunk runs), the others when the language is chosen. The returned hook suspends the
 * first time a language's texts are missing, so that a page never shows keys, then returns
 * nothing: call `useTranslation(ns)` after it.
 *
 * @example
 * const useAuthTexts = areaTexts("auth", authFr, { en: () => import("./auth.en.ts").then((m) => m.authEn) });
 * const { t } = (useAuthTexts(), useTranslation("auth"));
 */
export const areaTexts = <N extends Namespace>(
  ns: N,
  fr: Resources[N],
  others: OtherLanguages<N>,
) => {
  // the app's instance (src/i18n/i18n.ts), as react-i18next holds it: importing that module
  // here would split it out of the first screen's chunk
  const i18n = getI18n();
  if (!i18n.hasResourceBundle("fr", ns)) i18n.addResourceBundle("fr", ns, fr);
  const loading = new Map<Lang, Promise<void>>();
  const load = (lang: Lang): Promise<void> => {
    if (lang === "fr" || i18n.hasResourceBundle(lang, ns)) return LOADED;
    let promise = loading.get(lang);
    if (!promise) {
      promise = others[lang]().then(
        (texts) => {
          i18n.addResourceBundle(lang, ns, texts);
        },
        (error: unknown) => {
          // the next render tries again (the network may be back)
          loading.delete(lang);
          throw error;
        },
      );
      loading.set(lang, promise);
    }
    return promise;
  };
  const useTexts = (): void => {
    const { i18n: current } = useTranslation();
    const lang = current.language;
    // `use` at every render, the texts there or not: React replays a render that waited for
    // them from where it stopped, and a replay that skipped this `use` (the texts having
    // arrived meanwhile) would call hooks React never saw (its errors #467 and #520)
    if (isLang(lang)) use(load(lang));
  };
  return Object.assign(useTexts, {
    /** Loads a language's texts ahead (before the first render, or when idle). */
    load,
  });
};

/**
 * Loads areas' texts in the current language at once, before an area's first render (its
 * chunk awaits it at the top): its pages then render without suspending for each namespace in
 * turn. French comes with the chunks, so this waits for nothing in French.
 *
 * @example
 * await loadForCurrentLanguage(loadStudentTexts, loadAuthTexts);
 */
export const loadForCurrentLanguage = async (
  ...loads: readonly ((lang: Lang) => Promise<void>)[]
): Promise<void> => {
  const { language } = getI18n();
  if (isLang(language)) await Promise.all(loads.map((load) => load(language)));
};
