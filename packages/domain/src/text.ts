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

/**
 * A {@link Text} written on demand: each language is built only when read. The engine reads one
 * language per evaluation, so dynamic texts (a basis with amounts, a note) cost half as much.
 *
 * @example
 * basis: lazyText((lang) => `${formatMoney(rate, lang)} × ${days}/30 ${lang === "fr" ? "jours" : "days"}`)
 */
export const lazyText = (make: (lang: Lang) => string): Text => new LazyText(make);

// one class, getters on its prototype: cheaper to create than an object literal with getters
class LazyText implements Text {
  readonly #make: (lang: Lang) => string;
  constructor(make: (lang: Lang) => string) {
    this.#make = make;
  }
  get fr(): string {
    return this.#make("fr");
  }
  get en(): string {
    return this.#make("en");
  }
  toJSON(): Text {
    return { fr: this.fr, en: this.en };
  }
}

/** Builds a {@link Text}; the same string in both languages when `en` is omitted (proper names). */
export const text = (fr: string, en: string = fr): Text => ({ fr, en });

/** Upper-cases the first letter, for a noun phrase that starts a sentence. */
export const capitalize = (s: string): string =>
  s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);

/** Joins phrases with a comma and the language's "and"/"or" before the last. */
export const joinWords = (items: readonly string[], lang: Lang, word: "and" | "or"): string => {
  if (items.length <= 1) return items[0] ?? "";
  const last =
    word === "and" ? (lang === "fr" ? " et " : " and ") : lang === "fr" ? " ou " : " or ";
  return `${items.slice(0, -1).join(", ")}${last}${items[items.length - 1]}`;
};
