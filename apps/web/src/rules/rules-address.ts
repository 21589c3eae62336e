import type { Lang } from "@envol/domain";

/**
 * The rule pages' addresses, one per language: the path says the page's language, so that a
 * link shared in French opens in French whatever the reader chose before.
 */
export const RULES_PATH = { fr: "/regles", en: "/rules" } as const satisfies Record<Lang, string>;

/** The same page's address in `lang`: the index, or a scheme's page. */
export const rulesAddress = (lang: Lang, scheme?: string): string =>
  scheme === undefined ? RULES_PATH[lang] : `${RULES_PATH[lang]}/${encodeURIComponent(scheme)}`;
