import { type Fact, formatQuantity, type NumberFact } from "../facts.ts";
import { capitalize, joinWords, type Lang, type Text } from "../text.ts";
import type { Condition, FactTest, RuleWords } from "./condition.ts";
import { WORDS } from "./words.ts";

/** A quantity of the fact's unit: "60 jours", "19 190 €". */
export const quantity = (fact: NumberFact, value: number, lang: Lang): string =>
  formatQuantity(value, fact.unit, lang);

/** What a leaf requires, without its subject: "at least 60 days", "an EU member state". */
const requirement = (c: FactTest, lang: Lang): string => {
  const w = WORDS[lang];
  switch (c.kind) {
    case "compare":
      return `${w[c.op]} ${quantity(c.fact, c.bound, lang)}`;
    case "range": {
      const min = quantity(c.fact, c.min, lang);
      const max = quantity(c.fact, c.max, lang);
      return c.inside ? w.between(min, max) : w.outside(min, max);
    }
    case "member": {
      if (c.setName) return c.inside ? c.setName[lang] : `${w.outsideSet} ${c.setName[lang]}`;
      const labels = valueLabels(c, lang);
      if (!c.inside) return `${w.otherThan} ${joinWords(labels, lang, "and")}`;
      return joinWords(labels, lang, "or");
    }
    case "flag":
      return c.expected ? w.yes : w.no;
  }
};

/** The values of a list, as they read: "master", "licence / bachelor". */
export const valueLabels = (c: FactTest & { kind: "member" }, lang: Lang): string[] =>
  [...c.values].map((v) => c.fact.valueLabel(v, lang));

/**
 * Whether a leaf's rule reads "excludes …" rather than "requires …": "excludes France and its
 * overseas territories", "excludes gap year", but "requires CROUS grant holder".
 */
export const excludes = (c: FactTest): boolean =>
  (c.kind === "member" && !c.inside) || (c.kind === "flag" && !c.expected);

/** What follows "requires" or "excludes" (see {@link excludes}). */
const ruleObject = (c: FactTest, lang: Lang): string => {
  if (c.kind === "member" && !c.inside)
    return c.setName ? c.setName[lang] : joinWords(valueLabels(c, lang), lang, "and");
  if (c.kind === "flag") return c.fact.label[lang];
  return requirement(c, lang);
};

/** A leaf's rule in both languages, written once when the leaf is built (condition.ts). */
export const ruleWords = (c: FactTest): RuleWords => ({
  subject: { fr: capitalize(c.fact.label.fr), en: capitalize(c.fact.label.en) },
  requirement: { fr: requirement(c, "fr"), en: requirement(c, "en") },
  object: { fr: ruleObject(c, "fr"), en: ruleObject(c, "en") },
});

/** A condition that reads as several words joined, put in brackets inside another. */
const isCompound = (c: Condition): boolean =>
  c.kind === "all" || c.kind === "any" || c.kind === "when";

const part = (c: Condition, lang: Lang): string =>
  isCompound(c) ? `(${describeCondition(c, lang)})` : describeCondition(c, lang);

/**
 * The rule in words, for the scheme catalogue: "durée financée : entre 60 jours et 360 jours",
 * "si type de mobilité : stage, durée financée : au moins 60 jours".
 */
export const describeCondition = (c: Condition, lang: Lang): string => {
  const w = WORDS[lang];
  switch (c.kind) {
    case "all":
    case "any":
      return joinWords(
        c.conditions.map((x) => part(x, lang)),
        lang,
        c.kind === "all" ? "and" : "or",
      );
    case "when":
      return `${w.when} ${part(c.guard, lang)}, ${part(c.required, lang)}`;
    case "custom":
      return c.negated
        ? `${w.not} (${(c.rule ?? c.describe)[lang]})`
        : (c.rule ?? c.describe)[lang];
    default:
      return `${c.fact.label[lang]}${w.colon}${c.words.requirement[lang]}`;
  }
};

/**
 * How an unanswered fact is asked for, after "Indiquez" / "Tell us": "la durée financée",
 * "si vous êtes boursier ou boursière du CROUS".
 */
export const questionOf = (fact: Fact): Text => {
  if (fact.type === "boolean" && fact.says)
    return { fr: `si ${fact.says.yes.fr}`, en: `whether ${fact.says.yes.en}` };
  return fact.ask ?? fact.the ?? fact.label;
};
