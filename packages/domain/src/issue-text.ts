import type { z } from "zod";
import { formatInteger } from "./money.ts";
import { joinWords, type Lang, type Text } from "./text.ts";

/** Every message said in both languages, by its English words (what zod keeps as the issue's message). */
const SAID = new Map<string, Text>();

/**
 * A validation message said in both languages: zod keeps the English one as the issue's message
 * (what a log or the CLI prints), and {@link issueText} finds the pair from it. Any check takes it:
 * a refinement's options, a regex's, a union's `error`.
 *
 * @example
 * z.string().refine(isIsoDate, fieldText({ fr: "doit être une date", en: "must be a date" }))
 */
export const fieldText = (text: Text): { message: string } => {
  const known = SAID.get(text.en);
  if (known && known.fr !== text.fr)
    throw new Error(`"${text.en}" is said in French both as "${known.fr}" and "${text.fr}"`);
  SAID.set(text.en, text);
  return { message: text.en };
};

const both = (say: (lang: Lang) => string): Text => ({ fr: say("fr"), en: say("en") });

/** What a value must be, by the type zod expected of it. */
const KINDS: Readonly<Record<string, Text>> = {
  string: { fr: "un texte", en: "a text" },
  number: { fr: "un nombre", en: "a number" },
  int: { fr: "un nombre entier", en: "a whole number" },
  boolean: { fr: "vrai ou faux", en: "true or false" },
  object: { fr: "un objet", en: "an object" },
  array: { fr: "une liste", en: "a list" },
  date: { fr: "une date", en: "a date" },
  file: { fr: "un fichier", en: "a file" },
};

/** What a bound counts, by what it bounds: "12 caractères", "3 éléments". */
const UNITS: Readonly<Record<string, { one: Text; many: Text }>> = {
  string: {
    one: { fr: "caractère", en: "character" },
    many: { fr: "caractères", en: "characters" },
  },
  array: { one: { fr: "élément", en: "item" }, many: { fr: "éléments", en: "items" } },
  set: { one: { fr: "élément", en: "item" }, many: { fr: "éléments", en: "items" } },
  file: { one: { fr: "octet", en: "byte" }, many: { fr: "octets", en: "bytes" } },
};

const counted = (n: number, origin: string, lang: Lang): string => {
  const unit = UNITS[origin];
  if (!unit) return formatInteger(n, lang);
  return `${formatInteger(n, lang)} ${(n === 1 ? unit.one : unit.many)[lang]}`;
};

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) =>
      typeof v === "object" && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined,
    root,
  );

const quoted = (values: readonly unknown[], lang: Lang): string =>
  joinWords(
    values.map((v) => (typeof v === "string" ? `"${v}"` : String(v))),
    lang,
    "or",
  );

const tooBig = (issue: z.core.$ZodIssueTooBig): Text => {
  const max = Number(issue.maximum);
  // the bound of every whole number zod checks: no field means it, so no figure is worth showing
  if (max >= Number.MAX_SAFE_INTEGER) return { fr: "est trop grand", en: "is too large" };
  if (UNITS[issue.origin])
    return both((lang) =>
      lang === "fr"
        ? `doit compter au plus ${counted(max, issue.origin, lang)}`
        : `must be at most ${counted(max, issue.origin, lang)} long`,
    );
  return both((lang) =>
    issue.inclusive === false
      ? `${lang === "fr" ? "doit être inférieur à" : "must be less than"} ${formatInteger(max, lang)}`
      : `${lang === "fr" ? "doit être au plus" : "must be at most"} ${formatInteger(max, lang)}`,
  );
};

const tooSmall = (issue: z.core.$ZodIssueTooSmall): Text => {
  const min = Number(issue.minimum);
  if (issue.origin === "string" && min === 1)
    return { fr: "ne doit pas être vide", en: "must not be empty" };
  if (min <= -Number.MAX_SAFE_INTEGER) return { fr: "est trop petit", en: "is too small" };
  if (UNITS[issue.origin])
    return both((lang) =>
      lang === "fr"
        ? `doit compter au moins ${counted(min, issue.origin, lang)}`
        : `must be at least ${counted(min, issue.origin, lang)} long`,
    );
  return both((lang) =>
    issue.inclusive === false
      ? `${lang === "fr" ? "doit être supérieur à" : "must be greater than"} ${formatInteger(min, lang)}`
      : `${lang === "fr" ? "doit être au moins" : "must be at least"} ${formatInteger(min, lang)}`,
  );
};

/**
 * What a validation issue says, in both languages: the pair its check was given
 * ({@link fieldText}), else a sentence of Envol's own for zod's kinds of issue, so that a French
 * reader never meets zod's English ("Too big: expected int to be <=9007199254740991").
 * `input` is the value that was validated: a missing field is told apart from a wrong one.
 */
export const issueText = (issue: z.core.$ZodIssue, input: unknown): Text => {
  const said = SAID.get(issue.message);
  if (said) return said;
  switch (issue.code) {
    case "invalid_type": {
      if (valueAt(input, issue.path) === undefined)
        return { fr: "est obligatoire", en: "is required" };
      const kind = KINDS[issue.expected];
      return kind
        ? both((lang) => `${lang === "fr" ? "doit être" : "must be"} ${kind[lang]}`)
        : { fr: "n'est pas du type attendu", en: "is not of the expected type" };
    }
    case "too_big":
      return tooBig(issue);
    case "too_small":
      return tooSmall(issue);
    case "invalid_value":
      return both(
        (lang) =>
          `${lang === "fr" ? "doit valoir" : "must be"} ${quoted(issue.values as unknown[], lang)}`,
      );
    case "unrecognized_keys":
      return both((lang) =>
        lang === "fr"
          ? `${issue.keys.length === 1 ? "champ inconnu" : "champs inconnus"} : ${quoted(issue.keys, lang)}`
          : `unknown ${issue.keys.length === 1 ? "field" : "fields"}: ${quoted(issue.keys, lang)}`,
      );
    case "invalid_format":
      return issue.format === "email"
        ? { fr: "doit être une adresse e-mail", en: "must be an e-mail address" }
        : { fr: "n'a pas la forme attendue", en: "is not in the expected form" };
    case "not_multiple_of":
      return both(
        (lang) =>
          `${lang === "fr" ? "doit être un multiple de" : "must be a multiple of"} ${formatInteger(Number(issue.divisor), lang)}`,
      );
    case "invalid_union":
      return {
        fr: "ne correspond à aucune des formes acceptées",
        en: "matches none of the accepted forms",
      };
    default:
      return { fr: "n'est pas valide", en: "is not valid" };
  }
};
