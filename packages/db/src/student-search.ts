import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * How the office finds a student in the queue: each word typed begins a word of the student's
 * name (`mar dup` finds "Marie Dupont", `jean` finds "Jean-Pierre Roux"), or what is typed
 * begins the student's e-mail address (`m.dupont@`). Case is ignored, and so are the accents of
 * Latin letters (`helene` finds "Hélène", `HÉLÈNE` too). Words are runs of letters and digits:
 * anything else separates them.
 *
 * Both sides are folded by the same table, the name in the database by `translate()` (an
 * immutable function, so that a GIN index holds the name's words: see the users table), what is
 * typed here; a letter the table does not hold is compared as it is.
 */
const ACCENTED = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŸŒœÆæßŠšŽž";
const PLAIN = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyYOoAasSsZz";

/** The name's words as the index and the query read them: folded, split by `simple`. */
export const nameWords = (name: AnyPgColumn | SQL): SQL =>
  sql`to_tsvector('simple'::regconfig, translate(${name}, ${sql.raw(`'${ACCENTED}'`)}, ${sql.raw(`'${PLAIN}'`)}))`;

const FOLD = new Map([...ACCENTED].map((c, i) => [c, PLAIN[i] as string]));

/** Text folded as `nameWords` folds a name: the table's letters unaccented, lower case. */
export const folded = (text: string): string =>
  [...text]
    .map((c) => FOLD.get(c) ?? c)
    .join("")
    .toLowerCase();

/** What a search looks for: word prefixes of the name, a prefix of the e-mail. */
export interface StudentSearch {
  /** A `tsquery` (`mar:* & dup:*`), or null when nothing typed is a word. */
  readonly nameQuery: string | null;
  /** What the e-mail address begins with, lower-cased. */
  readonly emailPrefix: string;
}

/**
 * What `typed` looks for. The words keep only letters and digits, so that no character of the
 * `tsquery` syntax (`& | ! ( ) : * < > '`) reaches it.
 *
 * @example
 * studentSearch("Hélène  D.") // { nameQuery: "helene:* & d:*", emailPrefix: "hélène  d." }
 */
export const studentSearch = (typed: string): StudentSearch => {
  const words = folded(typed)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  return {
    nameQuery: words.length > 0 ? words.map((w) => `${w}:*`).join(" & ") : null,
    emailPrefix: typed.trim().toLowerCase(),
  };
};
