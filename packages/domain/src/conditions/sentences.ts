import { type BooleanFact, type Fact, formatFactValue, type NumberFact } from "../facts.ts";
import { capitalize, joinWords, type Lang } from "../text.ts";
import type { CompareOp, FactCondition } from "./condition.ts";
import { describeCondition, excludes, quantity, valueLabels } from "./describe.ts";
import type { Decided, FactResult, Unknown } from "./evaluation.ts";
import { PROSE, WORDS } from "./words.ts";

/** The fact named within a sentence, with its article: "la durée financée". */
const theFact = (fact: Fact, lang: Lang): string => (fact.the ?? fact.label)[lang];

/** What a yes/no answer says, as a clause: "vous êtes boursier ou boursière du CROUS". */
const says = (fact: BooleanFact, value: boolean, lang: Lang): string | undefined =>
  fact.says?.[value ? "yes" : "no"][lang];

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

/**
 * What the student's value is, as a clause: "la durée financée est de 45 jours", "vous n'êtes
 * pas boursier ou boursière du CROUS", "pays de destination : Allemagne".
 */
const valueClause = (e: FactResult, lang: Lang): string => {
  const c = e.condition;
  if (c.kind === "flag") {
    const clause = says(c.fact, e.value as boolean, lang);
    if (clause) return clause;
  }
  if (c.kind === "compare" || c.kind === "range")
    return PROSE[lang].is(theFact(c.fact, lang), formatFactValue(c.fact, e.value, lang));
  return statement(c, e.value, lang, false);
};

/**
 * A fact's value within a larger reason, with what it had to be when it is not obvious: "le
 * quotient familial est de 20 000 €, alors qu'il faut au plus 19 190 €", "le type de mobilité est
 * séjour d'études et non stage", "le pays de destination est France, ce qui est exclu".
 */
const nestedFact = (e: FactResult, lang: Lang): string => {
  const c = e.condition;
  const p = PROSE[lang];
  // a yes/no clause says it all ("vous n'êtes pas boursier ou boursière du CROUS"), and a value
  // that meets its condition needs no reminder of it
  if ((c.kind === "flag" && c.fact.says) || e.status === "met") return valueClause(e, lang);
  if (c.kind === "member") {
    const clause = p.isOneOf(theFact(c.fact, lang), formatFactValue(c.fact, e.value, lang));
    if (!c.inside) return `${clause}${p.excluded}`;
    if (c.setName) return `${clause}${p.notIn(c.setName[lang])}`;
    return `${clause}${p.ratherThan(joinWords(valueLabels(c, lang), lang, "or"))}`;
  }
  return `${valueClause(e, lang)}${p.whileItMust(c.words.requirement[lang])}`;
};

/**
 * Why a result is what it is, as clauses joined by semicolons, without a capital; `top` for the
 * criterion's own condition, which alone says when none of its alternatives held.
 */
const reasonOf = (e: Decided, lang: Lang, top = false): string => {
  const w = WORDS[lang];
  switch (e.kind) {
    case "fact":
      return nestedFact(e, lang);
    case "custom":
      return e.outcome.reason[lang];
    case "combination": {
      // two parts about one fact say the same of it once
      const parts = [...new Set(e.parts.map((p) => reasonOf(p, lang)))];
      // an "any" that failed: every alternative failed, each says why, after a colon
      return top && e.condition.kind === "any" && e.status === "unmet" && e.parts.length > 1
        ? `${PROSE[lang].noneHolds} ${parts.join(w.semicolon)}`
        : parts.join(w.semicolon);
    }
    case "guarded":
      if (e.guard === undefined) return reasonOf(e.required as Decided, lang);
      if (e.required === undefined) {
        // the guard is not a requirement: only what the student's value is
        const guard =
          e.guard.kind === "fact" ? valueClause(e.guard, lang) : reasonOf(e.guard, lang);
        return `${guard}${w.semicolon}${w.appliesOnlyWhen} ${describeCondition(e.condition.guard, lang)}`;
      }
      return `${reasonOf(e.guard, lang)}${w.semicolon}${reasonOf(e.required, lang)}`;
  }
};

/** Ends a sentence with a full stop, unless it already ends with one (a custom reason may). */
const sentence = (s: string): string =>
  s !== "" && ".!?…".includes(s.charAt(s.length - 1)) ? s : `${s}.`;

/**
 * A leaf criterion's reason: "La durée financée est de 45 jours ; Erasmus+ exige au moins 60
 * jours.", "Vous n'êtes pas boursier ou boursière du CROUS ; l'AMI n'est possible que si vous
 * êtes boursier ou boursière du CROUS.", "Vous êtes boursier ou boursière du CROUS."
 */
const leafReason = (e: FactResult, lang: Lang, schemeName: string): string => {
  const p = PROSE[lang];
  const w = WORDS[lang];
  const c = e.condition;
  const value = valueClause(e, lang);
  if (c.kind === "flag" && c.fact.says) {
    if (e.status === "met") return sentence(capitalize(value));
    const wanted = says(c.fact, c.expected, lang) ?? "";
    return sentence(`${capitalize(value)}${w.semicolon}${p.onlyIf(schemeName, wanted)}`);
  }
  // the rule's words were written when it was built: "licence / bachelor, master ou cycle ingénieur"
  const rule =
    c.kind === "member" && !c.setName
      ? c.inside
        ? p.accepts(schemeName, c.words.requirement[lang])
        : p.excludesList(schemeName, c.words.object[lang])
      : (excludes(c) ? p.excludes : p.requires)(schemeName, c.words.object[lang]);
  return sentence(`${capitalize(value)}${w.semicolon}${rule}`);
};

/**
 * A criterion's reason: "La durée financée est de 45 jours ; Erasmus+ exige au moins 60
 * jours." for a leaf, "Type de mobilité : stage ; la durée financée est de 45 jours ; Erasmus+
 * exige au moins 60 jours." for a leaf that applies when another holds, the reasons of its parts
 * otherwise.
 */
export const criterionReason = (e: Decided, lang: Lang, schemeName: string): string => {
  if (e.kind === "fact") return leafReason(e, lang, schemeName);
  // one part decided it (the alternative that held, the one condition that failed): its reason
  if (e.kind === "combination" && e.parts.length === 1 && e.parts[0]?.kind === "fact")
    return leafReason(e.parts[0], lang, schemeName);
  if (e.kind === "guarded" && e.required?.kind === "fact") {
    if (e.guard === undefined) return leafReason(e.required, lang, schemeName);
    const guard = capitalize(reasonOf(e.guard, lang));
    const required = leafReason(e.required, lang, schemeName);
    return `${guard}${WORDS[lang].semicolon}${required.charAt(0).toLowerCase()}${required.slice(1)}`;
  }
  return sentence(capitalize(reasonOf(e, lang, true)));
};

/** How far a number is from its bound, as a condition: "la durée financée atteint 60 jours, soit 15 jours de plus". */
const compareClause = (
  fact: NumberFact,
  op: CompareOp,
  bound: number,
  value: number,
  lang: Lang,
): string => {
  const p = PROSE[lang];
  const the = theFact(fact, lang);
  const q = (n: number) => quantity(fact, n, lang);
  switch (op) {
    case "atLeast":
      return p.reaches(the, q(bound), q(bound - value));
    case "atMost":
      return p.noMoreThan(the, q(bound), q(value - bound));
    case "below":
      return p.under(the, q(bound));
    case "above":
      return p.over(the, q(bound));
  }
};

/** The change that would meet a fact's condition, as a clause. */
const factClause = (e: FactResult, lang: Lang): string => {
  const p = PROSE[lang];
  const c = e.condition;
  const the = theFact(c.fact, lang);
  switch (c.kind) {
    case "compare":
      return compareClause(c.fact, c.op, c.bound, e.value as number, lang);
    case "range": {
      const value = e.value as number;
      if (!c.inside)
        return p.outside(the, quantity(c.fact, c.min, lang), quantity(c.fact, c.max, lang));
      return value < c.min
        ? compareClause(c.fact, "atLeast", c.min, value, lang)
        : compareClause(c.fact, "atMost", c.max, value, lang);
    }
    case "member": {
      const wanted = c.setName
        ? c.setName[lang]
        : (c.inside ? c.words.requirement : c.words.object)[lang];
      return (c.inside ? p.isOneOf : p.isNot)(the, wanted);
    }
    case "flag":
      return (
        says(c.fact, c.expected, lang) ??
        `${c.fact.label[lang]}${WORDS[lang].colon}${c.expected ? WORDS[lang].yes : WORDS[lang].no}`
      );
  }
};

/**
 * The change that would meet an unmet result, as the clause of "… is met if": the parts of an
 * "all" joined by "and that", the alternatives of an "any" by ", or if", an "any" within an
 * "all" as "either … or …".
 */
const changeClause = (e: Decided, lang: Lang, within: "all" | "any" | undefined): string => {
  const p = PROSE[lang];
  switch (e.kind) {
    case "fact":
      return factClause(e, lang);
    case "custom": {
      const c = e.condition;
      if (c.negated) return `${WORDS[lang].not} (${c.describe[lang]})`;
      return (e.outcome.hint ?? c.describe)[lang];
    }
    case "combination": {
      const kind = e.condition.kind;
      const parts = e.parts.map((x) => changeClause(x, lang, kind));
      if (parts.length === 1) return parts[0] ?? "";
      if (kind === "all") return parts.join(p.andThat);
      return within === "all" ? p.either(parts) : parts.join(p.orIf);
    }
    case "guarded":
      return changeClause(e.required as Decided, lang, within);
  }
};

/**
 * A criterion's hint, the one change that would meet it: "Cette condition est remplie si la
 * durée financée atteint 60 jours, soit 15 jours de plus."
 */
export const criterionHint = (e: Decided, lang: Lang): string => {
  // a plugin's own rule writes its whole hint
  if (e.kind === "custom" && !e.condition.negated && e.outcome.hint)
    return sentence(e.outcome.hint[lang]);
  return sentence(PROSE[lang].metIf(changeClause(e, lang, undefined)));
};

/**
 * What an unknown criterion asks: the reason "Pas encore renseigné : niveau d'études." and the
 * hint "Indiquez le niveau d'études pour le savoir."
 */
export const unknownSentences = (e: Unknown, lang: Lang): { reason: string; hint: string } => {
  const labels = joinWords([...new Set(e.asked.map((t) => t[lang]))], lang, "and");
  const questions = joinWords([...new Set(e.questions.map((t) => t[lang]))], lang, "and");
  return { reason: `${WORDS[lang].notAnswered} ${labels}.`, hint: PROSE[lang].tellUs(questions) };
};
