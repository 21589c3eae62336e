/** The two languages Envol speaks. French is the default everywhere. */
export type Lang = "fr" | "en";

export const LANGS: readonly Lang[] = ["fr", "en"];

/**
 * A text in both languages. Plugins write their labels this way; the engine picks one.
 *
 * @example
 * const name: Text = { fr: "Bourse Mobilité Île-de-France", en: "Île-de-France mobility grant" };
 */
export interface Text {
  readonly fr: string;
  readonly en: string;
}

/** Upper-cases the first letter, for a noun phrase that starts a sentence. */
export const capitalize = (s: string): string =>
  s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);

/**
 * French "de" before a word, elided before a vowel (accented or capital): "d'Erasmus+ Europe",
 * "de Bourse Mobilité Île-de-France", "d'être éligible". An h is left as it is (it may be
 * aspirated: "de Hauts-de-France").
 *
 * @example
 * `au titre ${deOrD(schemeName.fr)}` // "au titre d'Erasmus+ Europe"
 */
export const deOrD = (word: string): string =>
  /^[aeiou]/i.test(word.normalize("NFD")) ? `d'${word}` : `de ${word}`;

const JOINERS: Record<"and" | "or", Text> = {
  and: { fr: "et", en: "and" },
  or: { fr: "ou", en: "or" },
};

/** Joins phrases with a comma and the language's "and"/"or" before the last. */
export const joinWords = (items: readonly string[], lang: Lang, word: "and" | "or"): string => {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${JOINERS[word][lang]} ${items[items.length - 1]}`;
};
