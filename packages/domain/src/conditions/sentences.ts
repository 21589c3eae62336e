import { formatFactValue, type NumberFact } from "../facts.ts";
import { joinWords, type Lang } from "../text.ts";
import type { CompareOp, FactCondition } from "./condition.ts";
import { describeCondition, excludes, quantity, valueLabels } from "./describe.ts";
import type { Decided, FactResult, Unknown } from "./evaluation.ts";
import { WORDS } from "./words.ts";

/** "Durée financée : 45 jours", or "durée financée : 45 jours" within a sentence. */
const statement = (
  c: FactCondition,
  value: number | string | boolean,
  lang: Lang,
  capital = true,
): string => {
  const subject = capital ? c.words.subject[lang] : c.fact.label[lang];
  return `${subject}${WORDS[lang].colon}${formatFactValue(c.fact, value, lang)}`;
};

/** Why a result is what it is: "Durée financée : 45 jours". */
const reasonOf = (e: Decided, lang: Lang): string => {
  const w = WORDS[lang];
  switch (e.kind) {
    case "fact":
      return statement(e.condition, e.value, lang);
    case "custom":
      return e.outcome.reason[lang];
    case "combination":
      return e.parts.map((p) => nested(p, lang)).join(w.semicolon);
    case "guarded":
      if (e.guard === undefined) return nested(e.required as Decided, lang);
      if (e.required === undefined)
        return `${reasonOf(e.guard, lang)}${w.semicolon}${w.appliesOnlyWhen} ${describeCondition(e.condition.guard, lang)}`;
      return `${reasonOf(e.guard, lang)}${w.semicolon}${nested(e.required, lang)}`;
  }
};

/** A reason within a larger one: a leaf says what it required, "45 jours (exigé : au moins 60 jours)". */
const nested = (e: Decided, lang: Lang): string => {
  if (e.kind !== "fact") return reasonOf(e, lang);
  const w = WORDS[lang];
  const c = e.condition;
  return `${reasonOf(e, lang)} (${excludes(c) ? w.excluded : w.required}${w.colon}${c.words.object[lang]})`;
};

/** How far a number is from its bound: "durée financée ≥ 60 jours (16 jours de plus)". */
const comparePhrase = (
  fact: NumberFact,
  op: CompareOp,
  bound: number,
  value: number,
  lang: Lang,
): string => {
  const w = WORDS[lang];
  const label = fact.label[lang];
  const q = (n: number) => quantity(fact, n, lang);
  switch (op) {
    case "atLeast":
      return `${label} ≥ ${q(bound)} (${q(bound - value)} ${w.more})`;
    case "atMost":
      return `${label} ≤ ${q(bound)} (${q(value - bound)} ${w.less})`;
    case "below":
      return `${label} < ${q(bound)}`;
    case "above":
      return `${label} > ${q(bound)}`;
  }
};

/** The change that would meet a fact's condition: "durée financée ≥ 60 jours (16 jours de plus)". */
const factPhrase = (e: FactResult, lang: Lang): string => {
  const w = WORDS[lang];
  const c = e.condition;
  const label = c.fact.label[lang];
  switch (c.kind) {
    case "compare":
      return comparePhrase(c.fact, c.op, c.bound, e.value as number, lang);
    case "range": {
      const value = e.value as number;
      if (!c.inside)
        return `${label} < ${quantity(c.fact, c.min, lang)} ${w.or} > ${quantity(c.fact, c.max, lang)}`;
      return value < c.min
        ? comparePhrase(c.fact, "atLeast", c.min, value, lang)
        : comparePhrase(c.fact, "atMost", c.max, value, lang);
    }
    case "member": {
      const wanted =
        c.inside && !c.setName
          ? joinWords(valueLabels(c, lang), lang, "or")
          : c.words.requirement[lang];
      return `${label}${w.colon}${wanted}`;
    }
    case "flag":
      return `${label}${w.colon}${c.expected ? w.yes : w.no}`;
  }
};

/** Whether a result's phrase joins several changes, to be put in brackets inside another. */
const joinsSeveral = (e: Decided): boolean =>
  e.kind === "combination"
    ? e.parts.length > 1
    : e.kind === "guarded" && e.required !== undefined && joinsSeveral(e.required);

/** The change that would meet an unmet result, without "Met if". */
const phraseOf = (e: Decided, lang: Lang): string => {
  const w = WORDS[lang];
  switch (e.kind) {
    case "fact":
      return factPhrase(e, lang);
    case "custom": {
      const c = e.condition;
      if (c.negated) return `${w.not} (${c.describe[lang]})`;
      return (e.outcome.hint ?? c.describe)[lang];
    }
    case "combination": {
      const word = e.condition.kind === "all" ? w.and : w.or;
      return e.parts.map((p) => grouped(p, lang)).join(` ${word} `);
    }
    case "guarded":
      return phraseOf(e.required as Decided, lang);
  }
};

/** A phrase in brackets when it joins several, so "a or (b and c)" reads as it means. */
const grouped = (e: Decided, lang: Lang): string =>
  joinsSeveral(e) ? `(${phraseOf(e, lang)})` : phraseOf(e, lang);

/** Ends a sentence with a full stop, unless it already ends with one (a custom reason may). */
const sentence = (s: string): string =>
  s !== "" && ".!?…".includes(s.charAt(s.length - 1)) ? s : `${s}.`;

/** A leaf criterion's reason: "Durée financée : 45 jours ; Erasmus+ exige au moins 60 jours." */
const leafReason = (e: FactResult, lang: Lang, schemeName: string, capital: boolean): string => {
  const w = WORDS[lang];
  const c = e.condition;
  const verb = excludes(c) ? w.excludes : w.requires;
  return `${statement(c, e.value, lang, capital)}${w.semicolon}${schemeName} ${verb} ${c.words.object[lang]}.`;
};

/**
 * A criterion's reason: "Durée financée : 45 jours ; Erasmus+ exige au moins 60 jours." for a
 * leaf, "Type de mobilité : stage ; durée financée : 45 jours ; Erasmus+ exige au moins 60
 * jours." for a leaf that applies when another holds, the reasons of its parts otherwise.
 */
export const criterionReason = (e: Decided, lang: Lang, schemeName: string): string => {
  if (e.kind === "fact") return leafReason(e, lang, schemeName, true);
  if (e.kind === "guarded" && e.required?.kind === "fact") {
    if (e.guard === undefined) return leafReason(e.required, lang, schemeName, true);
    const guard = reasonOf(e.guard, lang);
    return `${guard}${WORDS[lang].semicolon}${leafReason(e.required, lang, schemeName, false)}`;
  }
  return sentence(reasonOf(e, lang));
};

/** A criterion's hint: "Rempli si durée financée ≥ 60 jours (15 jours de plus)." */
export const criterionHint = (e: Decided, lang: Lang): string =>
  sentence(`${WORDS[lang].metIf} ${phraseOf(e, lang)}`);

/** What an unknown criterion asks: the reason "Pas encore renseigné : …" and the hint "Indiquez : …". */
export const unknownSentences = (e: Unknown, lang: Lang): { reason: string; hint: string } => {
  const w = WORDS[lang];
  const labels = joinWords([...new Set(e.asked.map((t) => t[lang]))], lang, "and");
  return { reason: `${w.notAnswered} ${labels}.`, hint: `${w.tellUs} ${labels}.` };
};
