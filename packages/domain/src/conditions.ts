import type { CountrySet } from "./countries.ts";
import type { EvaluationContext } from "./evaluation-context.ts";
import {
  type BooleanFact,
  type EnumFact,
  type Fact,
  formatFactValue,
  formatQuantity,
  type NumberFact,
} from "./facts.ts";
import { capitalize, joinWords, type Lang, type Text } from "./text.ts";

/**
 * The condition vocabulary (ARCHITECTURE §2.4). Criteria are data built from these few words,
 * so the engine derives, for any criterion, its status (met / unmet / unknown with the missing
 * fields), a reason naming the rule, the threshold and the student's value, and a hint, the
 * smallest change that would meet it, in French and English, without the plugin writing those
 * sentences. `not` is pushed down to the leaves when a condition is built, so every leaf reads
 * positively ("less than 30 days") rather than as a double negation.
 */
export type Status = "met" | "unmet" | "unknown";

type CompareOp = "atLeast" | "atMost" | "below" | "above";

/** A named set of values for `oneOf` / `noneOf`: a {@link CountrySet} is one. */
export interface NamedSet {
  readonly name: Text;
  readonly codes: ReadonlySet<string>;
}

/** What a `custom` condition says about a situation. */
export interface CustomOutcome {
  readonly status: Status;
  /** Why, in both languages (for met and unmet). */
  readonly reason: Text;
  /** The smallest change that would meet it (for unmet). */
  readonly hint?: Text;
  /** The situation fields missing (for unknown). */
  readonly missing?: readonly string[];
}

export type Condition =
  | {
      readonly kind: "compare";
      readonly op: CompareOp;
      readonly fact: NumberFact;
      readonly bound: number;
    }
  | {
      readonly kind: "range";
      readonly fact: NumberFact;
      readonly min: number;
      readonly max: number;
      readonly inside: boolean;
    }
  | {
      readonly kind: "member";
      readonly fact: EnumFact;
      readonly values: ReadonlySet<string>;
      readonly setName: Text | undefined;
      readonly inside: boolean;
    }
  | { readonly kind: "flag"; readonly fact: BooleanFact; readonly expected: boolean }
  | { readonly kind: "all" | "any"; readonly conditions: readonly Condition[] }
  | {
      readonly kind: "custom";
      readonly describe: Text;
      readonly evaluate: (ctx: EvaluationContext) => CustomOutcome;
      readonly negated: boolean;
    };

// ---------------------------------------------------------------- builders

/** `fact ≥ min`. @example atLeast(fundedDays, 60) */
export const atLeast = (fact: NumberFact, min: number): Condition => ({
  kind: "compare",
  op: "atLeast",
  fact,
  bound: min,
});

/** `fact ≤ max`. @example atMost(quotientFamilial, 1_919_000) */
export const atMost = (fact: NumberFact, max: number): Condition => ({
  kind: "compare",
  op: "atMost",
  fact,
  bound: max,
});

/** `min ≤ fact ≤ max`. @example between(fundedDays, 60, 360) */
export const between = (fact: NumberFact, min: number, max: number): Condition => ({
  kind: "range",
  fact,
  min,
  max,
  inside: true,
});

const toSet = (
  values: readonly string[] | NamedSet,
): { values: ReadonlySet<string>; setName: Text | undefined } =>
  Array.isArray(values)
    ? { values: new Set(values), setName: undefined }
    : { values: (values as NamedSet).codes, setName: (values as NamedSet).name };

/** The fact's value is one of `values`, or in a named set. @example oneOf(programmeLevel, ["bachelor", "master"]) */
export const oneOf = (
  fact: EnumFact,
  values: readonly string[] | NamedSet | CountrySet,
): Condition => ({
  kind: "member",
  fact,
  ...toSet(values),
  inside: true,
});

/** The fact's value is none of `values`. @example noneOf(hostCountry, FRANCE_AND_OVERSEAS) */
export const noneOf = (
  fact: EnumFact,
  values: readonly string[] | NamedSet | CountrySet,
): Condition => ({
  kind: "member",
  fact,
  ...toSet(values),
  inside: false,
});

/** The boolean fact is true. @example isTrue(holdsEche) */
export const isTrue = (fact: BooleanFact): Condition => ({ kind: "flag", fact, expected: true });

/** The boolean fact is false; the same as `not(isTrue(fact))`. @example isFalse(gapYear) */
export const isFalse = (fact: BooleanFact): Condition => ({ kind: "flag", fact, expected: false });

/** Every condition holds. Unknown when none fails and one is unknown. */
export const allOf = (...conditions: readonly Condition[]): Condition => ({
  kind: "all",
  conditions,
});

/** At least one condition holds. Unknown when none holds and one is unknown. */
export const anyOf = (...conditions: readonly Condition[]): Condition => ({
  kind: "any",
  conditions,
});

const NEGATED_OP: Record<CompareOp, CompareOp> = {
  atLeast: "below",
  atMost: "above",
  below: "atLeast",
  above: "atMost",
};

/** The opposite condition, pushed down to the leaves (De Morgan). @example not(isTrue(gapYear)) */
export const not = (condition: Condition): Condition => {
  switch (condition.kind) {
    case "compare":
      return { ...condition, op: NEGATED_OP[condition.op] };
    case "range":
    case "member":
      return { ...condition, inside: !condition.inside };
    case "flag":
      return { ...condition, expected: !condition.expected };
    case "all":
      return { kind: "any", conditions: condition.conditions.map(not) };
    case "any":
      return { kind: "all", conditions: condition.conditions.map(not) };
    case "custom":
      return { ...condition, negated: !condition.negated };
  }
};

/**
 * The typed escape hatch, for a rule the vocabulary cannot say. The plugin writes its reason
 * and hint itself, so say in a comment why the vocabulary was not enough.
 */
export const custom = (spec: {
  describe: Text;
  evaluate: (ctx: EvaluationContext) => CustomOutcome;
}): Condition => ({ kind: "custom", ...spec, negated: false });

// ---------------------------------------------------------------- words

const W = {
  fr: {
    atLeast: "au moins",
    atMost: "au plus",
    below: "moins de",
    above: "plus de",
    between: (a: string, b: string) => `entre ${a} et ${b}`,
    outside: (a: string, b: string) => `moins de ${a} ou plus de ${b}`,
    oneOfList: "l'un de :",
    otherThan: "autre que",
    outsideSet: "pas",
    yes: "oui",
    no: "non",
    colon: " : ",
    more: "de plus",
    less: "de moins",
    requires: "exige",
    excludes: "exclut",
    required: "exigé",
    excluded: "exclu",
    metIf: "Rempli si",
    notAnswered: "Pas encore renseigné :",
    tellUs: "Indiquez :",
  },
  en: {
    atLeast: "at least",
    atMost: "at most",
    below: "less than",
    above: "more than",
    between: (a: string, b: string) => `between ${a} and ${b}`,
    outside: (a: string, b: string) => `less than ${a} or more than ${b}`,
    oneOfList: "one of:",
    otherThan: "other than",
    outsideSet: "not",
    yes: "yes",
    no: "no",
    colon: ": ",
    more: "more",
    less: "less",
    requires: "requires",
    excludes: "excludes",
    required: "required",
    excluded: "excluded",
    metIf: "Met if",
    notAnswered: "Not answered yet:",
    tellUs: "Tell us:",
  },
} as const;

const q = (fact: NumberFact, value: number, lang: Lang) => formatQuantity(value, fact.unit, lang);

/** What a leaf requires, without its subject: "at least 60 days", "an EU member state". */
const requirement = (c: Condition, lang: Lang): string => {
  const w = W[lang];
  switch (c.kind) {
    case "compare":
      return `${w[c.op]} ${q(c.fact, c.bound, lang)}`;
    case "range":
      return c.inside
        ? w.between(q(c.fact, c.min, lang), q(c.fact, c.max, lang))
        : w.outside(q(c.fact, c.min, lang), q(c.fact, c.max, lang));
    case "member": {
      if (c.setName) return c.inside ? c.setName[lang] : `${w.outsideSet} ${c.setName[lang]}`;
      const labels = [...c.values].map((v) => c.fact.valueLabel(v, lang));
      if (c.inside)
        return labels.length === 1 ? (labels[0] as string) : `${w.oneOfList} ${labels.join(", ")}`;
      return `${w.otherThan} ${joinWords(labels, lang, "and")}`;
    }
    case "flag":
      return c.expected ? w.yes : w.no;
    case "all":
    case "any":
      return describeCondition(c, lang);
    case "custom":
      return c.describe[lang];
  }
};

/**
 * A leaf's rule as a sentence's verb and object: "requires at least 60 days", "excludes France
 * and its overseas territories", "requires CROUS grant holder".
 */
interface Rule {
  readonly excludes: boolean;
  readonly object: string;
}

const rule = (c: Condition, lang: Lang): Rule => {
  if (c.kind === "member" && !c.inside) {
    const object = c.setName
      ? c.setName[lang]
      : joinWords(
          [...c.values].map((v) => c.fact.valueLabel(v, lang)),
          lang,
          "and",
        );
    return { excludes: true, object };
  }
  if (c.kind === "flag") return { excludes: !c.expected, object: c.fact.label[lang] };
  return { excludes: false, object: requirement(c, lang) };
};

/**
 * The rule in words, for the scheme catalogue: "durée financée : entre 60 jours et 360 jours".
 */
export const describeCondition = (c: Condition, lang: Lang): string => {
  switch (c.kind) {
    case "all":
    case "any": {
      const parts = c.conditions.map((x) =>
        x.kind === "all" || x.kind === "any"
          ? `(${describeCondition(x, lang)})`
          : describeCondition(x, lang),
      );
      return joinWords(parts, lang, c.kind === "all" ? "and" : "or");
    }
    case "custom":
      return c.negated
        ? `${lang === "fr" ? "non" : "not"} (${c.describe[lang]})`
        : c.describe[lang];
    default:
      return `${c.fact.label[lang]}${W[lang].colon}${requirement(c, lang)}`;
  }
};

// ---------------------------------------------------------------- evaluation

interface Outcome {
  readonly status: Status;
  /** The situation paths whose absence made it unknown. */
  readonly missing: readonly string[];
  /** The labels of the unknown facts, for "Tell us: …". */
  readonly unknown: readonly string[];
  /** Statement for met/unmet leaves: "durée financée : 45 jours". */
  readonly reason: string;
  /** For unmet: the change that meets it, without the "Met if" prefix. */
  readonly phrase: string;
}

const NONE: readonly string[] = [];

const unknownOutcome = (fact: Fact, ctx: EvaluationContext, lang: Lang): Outcome => ({
  status: "unknown",
  missing: fact.missing ? fact.missing(ctx) : fact.paths,
  unknown: [fact.label[lang]],
  reason: "",
  phrase: "",
});

/** "Durée financée : 45 jours". */
const statement = (fact: Fact, value: number | string | boolean, lang: Lang): string =>
  `${capitalize(fact.label[lang])}${W[lang].colon}${formatFactValue(fact, value, lang)}`;

const compareHolds = (op: CompareOp, v: number, bound: number): boolean =>
  op === "atLeast"
    ? v >= bound
    : op === "atMost"
      ? v <= bound
      : op === "below"
        ? v < bound
        : v > bound;

const comparePhrase = (
  fact: NumberFact,
  op: CompareOp,
  bound: number,
  value: number,
  lang: Lang,
): string => {
  const w = W[lang];
  const label = fact.label[lang];
  switch (op) {
    case "atLeast":
      return `${label} ≥ ${q(fact, bound, lang)} (${q(fact, bound - value, lang)} ${w.more})`;
    case "atMost":
      return `${label} ≤ ${q(fact, bound, lang)} (${q(fact, value - bound, lang)} ${w.less})`;
    case "below":
      return `${label} < ${q(fact, bound, lang)}`;
    case "above":
      return `${label} > ${q(fact, bound, lang)}`;
  }
};

const leafOutcome = (status: Status, reason: string, phrase: string): Outcome => ({
  status,
  missing: NONE,
  unknown: NONE,
  reason,
  phrase,
});

const evaluateCondition = (c: Condition, ctx: EvaluationContext, lang: Lang): Outcome => {
  switch (c.kind) {
    case "compare": {
      const v = c.fact.get(ctx);
      if (v === undefined) return unknownOutcome(c.fact, ctx, lang);
      const ok = compareHolds(c.op, v, c.bound);
      return leafOutcome(
        ok ? "met" : "unmet",
        statement(c.fact, v, lang),
        ok ? "" : comparePhrase(c.fact, c.op, c.bound, v, lang),
      );
    }
    case "range": {
      const v = c.fact.get(ctx);
      if (v === undefined) return unknownOutcome(c.fact, ctx, lang);
      const within = v >= c.min && v <= c.max;
      const ok = within === c.inside;
      let phrase = "";
      if (!ok) {
        phrase = !c.inside
          ? `${c.fact.label[lang]} < ${q(c.fact, c.min, lang)} ${lang === "fr" ? "ou" : "or"} > ${q(c.fact, c.max, lang)}`
          : v < c.min
            ? comparePhrase(c.fact, "atLeast", c.min, v, lang)
            : comparePhrase(c.fact, "atMost", c.max, v, lang);
      }
      return leafOutcome(ok ? "met" : "unmet", statement(c.fact, v, lang), phrase);
    }
    case "member": {
      const v = c.fact.get(ctx);
      if (v === undefined) return unknownOutcome(c.fact, ctx, lang);
      const ok = c.values.has(v) === c.inside;
      let phrase = "";
      if (!ok) {
        const wanted =
          c.inside && !c.setName
            ? joinWords(
                [...c.values].map((x) => c.fact.valueLabel(x, lang)),
                lang,
                "or",
              )
            : requirement(c, lang);
        phrase = `${c.fact.label[lang]}${W[lang].colon}${wanted}`;
      }
      return leafOutcome(ok ? "met" : "unmet", statement(c.fact, v, lang), phrase);
    }
    case "flag": {
      const v = c.fact.get(ctx);
      if (v === undefined) return unknownOutcome(c.fact, ctx, lang);
      const ok = v === c.expected;
      return leafOutcome(
        ok ? "met" : "unmet",
        statement(c.fact, v, lang),
        ok ? "" : `${c.fact.label[lang]}${W[lang].colon}${c.expected ? W[lang].yes : W[lang].no}`,
      );
    }
    case "custom": {
      const out = c.evaluate(ctx);
      if (out.status === "unknown") {
        return {
          status: "unknown",
          missing: out.missing ?? NONE,
          unknown: [c.describe[lang]],
          reason: "",
          phrase: "",
        };
      }
      const holds = out.status === "met";
      const ok = holds !== c.negated;
      return leafOutcome(
        ok ? "met" : "unmet",
        out.reason[lang],
        ok
          ? ""
          : c.negated
            ? `${lang === "fr" ? "non" : "not"} (${c.describe[lang]})`
            : (out.hint?.[lang] ?? c.describe[lang]),
      );
    }
    case "all":
    case "any":
      return combine(c, ctx, lang);
  }
};

const nested = (c: Condition, o: Outcome, lang: Lang): string => {
  if (c.kind === "all" || c.kind === "any" || c.kind === "custom") return o.reason;
  const r = rule(c, lang);
  return `${o.reason} (${r.excludes ? W[lang].excluded : W[lang].required}${W[lang].colon}${r.object})`;
};

/** A nested all/any phrase in brackets, so "a or (b and c)" reads as it means. */
const grouped = (c: Condition, phrase: string): string =>
  (c.kind === "all" || c.kind === "any") && / (et|and|ou|or) /.test(phrase)
    ? `(${phrase})`
    : phrase;

const combine = (
  c: Condition & { kind: "all" | "any" },
  ctx: EvaluationContext,
  lang: Lang,
): Outcome => {
  // written with loops rather than array helpers: every simulation runs it for most criteria
  const isAll = c.kind === "all";
  const conditions = c.conditions;
  const outcomes: Outcome[] = [];
  let unmet = 0;
  let unknown = 0;
  for (const x of conditions) {
    const o = evaluateCondition(x, ctx, lang);
    // one alternative that holds decides, and is the reason: no need to look further
    if (!isAll && o.status === "met") {
      return {
        status: "met",
        missing: NONE,
        unknown: NONE,
        reason: nested(x, o, lang),
        phrase: "",
      };
    }
    if (o.status === "unmet") unmet++;
    else if (o.status === "unknown") unknown++;
    outcomes.push(o);
  }
  const sep = lang === "fr" ? " ; " : "; ";
  // allOf with a condition unmet: every unmet one is the reason, unknown ones aside
  if (isAll && unmet > 0) {
    const and = lang === "fr" ? " et " : " and ";
    let reason = "";
    let phrase = "";
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i] as Outcome;
      if (o.status !== "unmet") continue;
      const x = conditions[i] as Condition;
      reason = reason === "" ? nested(x, o, lang) : reason + sep + nested(x, o, lang);
      phrase = phrase === "" ? grouped(x, o.phrase) : phrase + and + grouped(x, o.phrase);
    }
    return { status: "unmet", missing: NONE, unknown: NONE, reason, phrase };
  }
  if (unknown > 0) {
    const missing: string[] = [];
    const labels: string[] = [];
    for (const o of outcomes) {
      if (o.status !== "unknown") continue;
      for (const m of o.missing) if (!missing.includes(m)) missing.push(m);
      for (const u of o.unknown) if (!labels.includes(u)) labels.push(u);
    }
    return { status: "unknown", missing, unknown: labels, reason: "", phrase: "" };
  }
  // every child agrees: all met (for allOf) or all unmet (for anyOf)
  const status: Status = isAll ? "met" : "unmet";
  const or = lang === "fr" ? " ou " : " or ";
  let reason = "";
  let phrase = "";
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i] as Outcome;
    const x = conditions[i] as Condition;
    reason = i === 0 ? nested(x, o, lang) : reason + sep + nested(x, o, lang);
    if (!isAll) phrase = i === 0 ? grouped(x, o.phrase) : phrase + or + grouped(x, o.phrase);
  }
  return { status, missing: NONE, unknown: NONE, reason, phrase };
};

// ---------------------------------------------------------------- criteria

/**
 * One rule of a scheme, with a stable id (the rulebook's: `duration`, `means`…) and an
 * optional short title; everything a student reads about it is derived from the condition.
 *
 * @example
 * criterion("duration", between(fundedDays, 60, 360), { fr: "Durée", en: "Duration" })
 */
export interface Criterion {
  readonly id: string;
  readonly condition: Condition;
  readonly title: Text | undefined;
}

export const criterion = (id: string, condition: Condition, title?: Text): Criterion => ({
  id,
  condition,
  title,
});

/** A criterion's result in one language, as in the simulation response. */
export interface CriterionResult {
  readonly id: string;
  readonly status: Status;
  readonly reason: string;
  readonly hint: string | null;
  /** The situation fields that would decide it, when unknown. */
  readonly missing: readonly string[];
}

/**
 * Evaluates a criterion for a scheme named `schemeName`: "Durée financée : 45 jours ; Erasmus+
 * exige au moins 60 jours." with the hint "Rempli si durée financée ≥ 60 jours (15 jours de plus)".
 */
export const evaluateCriterion = (
  crit: Criterion,
  ctx: EvaluationContext,
  lang: Lang,
  schemeName: string,
): CriterionResult =>
  resultOf(crit, evaluateCondition(crit.condition, ctx, lang), lang, schemeName);

/** Ends a sentence with a full stop, unless it already ends with one (a custom reason may). */
const sentence = (s: string): string =>
  ".!?…".includes(s.charAt(s.length - 1)) && s !== "" ? s : `${s}.`;

/** A criterion's result from its condition's outcome. */
const resultOf = (crit: Criterion, o: Outcome, lang: Lang, schemeName: string): CriterionResult => {
  const c = crit.condition;
  const w = W[lang];
  if (o.status === "unknown") {
    const labels = joinWords(o.unknown, lang, "and");
    return {
      id: crit.id,
      status: o.status,
      reason: `${w.notAnswered} ${labels}.`,
      hint: `${w.tellUs} ${labels}.`,
      missing: o.missing,
    };
  }
  const isLeaf = c.kind !== "all" && c.kind !== "any" && c.kind !== "custom";
  let reason = sentence(o.reason);
  if (isLeaf) {
    const r = rule(c, lang);
    reason = `${o.reason}${lang === "fr" ? " ; " : "; "}${schemeName} ${r.excludes ? w.excludes : w.requires} ${r.object}.`;
  }
  return {
    id: crit.id,
    status: o.status,
    reason,
    hint: o.status === "unmet" ? sentence(`${w.metIf} ${o.phrase}`) : null,
    missing: NONE,
  };
};
