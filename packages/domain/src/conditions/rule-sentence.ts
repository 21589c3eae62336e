import { capitalize, deOrD, joinWords, type Lang } from "../text.ts";
import type { Condition, FactCondition } from "./condition.ts";
import { describeCondition, quantity } from "./describe.ts";
import { PROSE, WORDS } from "./words.ts";

/*
 * A criterion's rule as a sentence for the public rule pages: "La durée financée va de 60 jours à
 * 360 jours.", "L'établissement est titulaire de la charte Erasmus (ECHE).", where the scheme
 * catalogue's `describeCondition` writes "durée financée : entre 60 jours et 360 jours". Built
 * from the same words (the facts' `the` and `says`, the vocabulary's requirement words); a
 * fact with neither keeps the catalogue's words.
 */

/** The fact named with its article: "la durée financée". */
const theFact = (c: FactCondition, lang: Lang): string => (c.fact.the ?? c.fact.label)[lang];

const RANGE: Record<Lang, (the: string, min: string, max: string) => string> = {
  fr: (the, min, max) => `${the} va de ${min} à ${max}`,
  en: (the, min, max) => `${the} is between ${min} and ${max}`,
};

/** "la durée financée est d'au moins 30 jours", "the funded duration is at least 30 days". */
const IS_AT: Record<Lang, (the: string, requirement: string) => string> = {
  fr: (the, requirement) => `${the} est ${deOrD(requirement)}`,
  en: (the, requirement) => `${the} is ${requirement}`,
};

/** What a leaf requires, as a clause without a capital. */
const leafClause = (c: FactCondition, lang: Lang): string => {
  const the = theFact(c, lang);
  switch (c.kind) {
    case "flag": {
      const says = c.fact.says?.[c.expected ? "yes" : "no"][lang];
      return says ?? describeCondition(c, lang);
    }
    case "member":
      return c.inside
        ? PROSE[lang].isOneOf(the, c.words.requirement[lang])
        : PROSE[lang].isNot(the, c.words.object[lang]);
    case "compare":
      return IS_AT[lang](the, c.words.requirement[lang]);
    case "range":
      return c.inside
        ? RANGE[lang](the, ...minMax(c, lang))
        : PROSE[lang].outside(the, ...minMax(c, lang));
  }
};

const minMax = (c: FactCondition & { kind: "range" }, lang: Lang): [string, string] => [
  quantity(c.fact, c.min, lang),
  quantity(c.fact, c.max, lang),
];

const clause = (c: Condition, lang: Lang, nested = false): string => {
  switch (c.kind) {
    case "all":
    case "any": {
      // alternatives of several conditions each, at the top: "soit …, soit …"
      if (!nested && c.kind === "any" && c.conditions.some((x) => x.kind === "all"))
        return PROSE[lang].either(c.conditions.map((x) => clause(x, lang)));
      const joined = joinWords(
        c.conditions.map((x) => clause(x, lang, true)),
        lang,
        c.kind === "all" ? "and" : "or",
      );
      return nested ? `(${joined})` : joined;
    }
    case "when":
      return `${WORDS[lang].when} ${clause(c.guard, lang, true)}, ${clause(c.required, lang, true)}`;
    case "custom":
      return describeCondition(c, lang);
    default:
      return leafClause(c, lang);
  }
};

/**
 * A condition as a sentence: capitalised, with a full stop.
 *
 * @example
 * ruleSentence(between(facts.fundedDays, 60, 360), "fr") // "La durée financée va de 60 jours à 360 jours."
 */
export const ruleSentence = (c: Condition, lang: Lang): string => `${capitalize(clause(c, lang))}.`;
