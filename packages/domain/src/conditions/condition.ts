import type { CountrySet } from "../countries.ts";
import type { EvaluationContext } from "../evaluation-context.ts";
import type { BooleanFact, EnumFact, Fact, NumberFact } from "../facts.ts";
import type { Text } from "../text.ts";
import { ruleWords } from "./describe.ts";

/**
 * The condition vocabulary (ARCHITECTURE §2.4). Criteria are data built from these few words,
 * so the engine derives, for any criterion, its status (met / unmet / unknown with the missing
 * fields), a reason naming the rule, the threshold and the student's value, and a hint, the
 * smallest change that would meet it, in French and English, without the plugin writing those
 * sentences. `not` is pushed down to the leaves when a condition is built, so every leaf reads
 * positively ("less than 30 days") rather than as a double negation.
 */
export type Status = "met" | "unmet" | "unknown";

export type CompareOp = "atLeast" | "atMost" | "below" | "above";

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

export interface Compare {
  readonly kind: "compare";
  readonly op: CompareOp;
  readonly fact: NumberFact;
  readonly bound: number;
}

export interface Range {
  readonly kind: "range";
  readonly fact: NumberFact;
  readonly min: number;
  readonly max: number;
  readonly inside: boolean;
}

export interface Member {
  readonly kind: "member";
  readonly fact: EnumFact;
  readonly values: ReadonlySet<string>;
  readonly setName: Text | undefined;
  readonly inside: boolean;
}

export interface Flag {
  readonly kind: "flag";
  readonly fact: BooleanFact;
  readonly expected: boolean;
}

export interface Combination {
  readonly kind: "all" | "any";
  readonly conditions: readonly Condition[];
}

export interface Guarded {
  readonly kind: "when";
  /** The condition under which `required` applies. */
  readonly guard: Condition;
  readonly required: Condition;
}

export interface Custom {
  readonly kind: "custom";
  /** What it is about, as the question asks for it: "les frais de votre séjour (…)". */
  readonly describe: Text;
  /** What it requires, for the rule pages and the catalogue: "les frais déclarés font plus de 0 €". */
  readonly rule?: Text;
  readonly evaluate: (ctx: EvaluationContext) => CustomOutcome;
  readonly negated: boolean;
}

/** What a leaf tests, before its words are written. */
export type FactTest = Compare | Range | Member | Flag;

/**
 * A leaf's rule in words, written when the leaf is built: what a rule requires does not depend
 * on the student, so it is not written again for each situation.
 */
export interface RuleWords {
  /** The fact's label to start a sentence with: "Funded duration". */
  readonly subject: Text;
  /** What it requires, without its subject: "at least 60 days", "not an EU member state". */
  readonly requirement: Text;
  /** What a reason says it requires or excludes: "at least 60 days", "France and Italy". */
  readonly object: Text;
}

/** A leaf that tests one fact, with its rule in words. */
export type FactCondition = FactTest & { readonly words: RuleWords };

const leaf = (test: FactTest): FactCondition => ({ ...test, words: ruleWords(test) });

export type Condition = FactCondition | Combination | Guarded | Custom;

/** `fact ≥ min`. @example atLeast(fundedDays, 60) */
export const atLeast = (fact: NumberFact, min: number): Condition =>
  leaf({ kind: "compare", op: "atLeast", fact, bound: min });

/** `fact ≤ max`. @example atMost(quotientFamilial, 1_919_000) */
export const atMost = (fact: NumberFact, max: number): Condition =>
  leaf({ kind: "compare", op: "atMost", fact, bound: max });

/** `min ≤ fact ≤ max`. @example between(fundedDays, 60, 360) */
export const between = (fact: NumberFact, min: number, max: number): Condition =>
  leaf({ kind: "range", fact, min, max, inside: true });

const toSet = (values: readonly string[] | NamedSet): Pick<Member, "values" | "setName"> =>
  "codes" in values
    ? { values: values.codes, setName: values.name }
    : { values: new Set(values), setName: undefined };

/** The fact's value is one of `values`, or in a named set. @example oneOf(programmeLevel, ["bachelor", "master"]) */
export const oneOf = (
  fact: EnumFact,
  values: readonly string[] | NamedSet | CountrySet,
): Condition => leaf({ kind: "member", fact, ...toSet(values), inside: true });

/** The fact's value is none of `values`. @example noneOf(hostCountry, FRANCE_AND_OVERSEAS) */
export const noneOf = (
  fact: EnumFact,
  values: readonly string[] | NamedSet | CountrySet,
): Condition => leaf({ kind: "member", fact, ...toSet(values), inside: false });

/** The boolean fact is true. @example isTrue(facts.nonTaxable) */
export const isTrue = (fact: BooleanFact): Condition =>
  leaf({ kind: "flag", fact, expected: true });

/** The boolean fact is false; the same as `not(isTrue(fact))`. @example isFalse(gapYear) */
export const isFalse = (fact: BooleanFact): Condition =>
  leaf({ kind: "flag", fact, expected: false });

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

/**
 * `required` holds whenever `guard` does; when `guard` does not, there is nothing to meet. Read
 * "when the stay is an internship, at least 60 days".
 *
 * @example when(oneOf(mobilityKind, ["internship"]), atLeast(fundedDays, 60))
 */
export const when = (guard: Condition, required: Condition): Condition => ({
  kind: "when",
  guard,
  required,
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
      return leaf({ ...condition, op: NEGATED_OP[condition.op] });
    case "range":
    case "member":
      return leaf({ ...condition, inside: !condition.inside });
    case "flag":
      return leaf({ ...condition, expected: !condition.expected });
    case "all":
      return anyOf(...condition.conditions.map(not));
    case "any":
      return allOf(...condition.conditions.map(not));
    case "when":
      // "when g, t" fails only where g holds and t does not
      return allOf(condition.guard, not(condition.required));
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
  rule?: Text;
  evaluate: (ctx: EvaluationContext) => CustomOutcome;
}): Condition => ({ kind: "custom", ...spec, negated: false });

/**
 * The facts a condition tests, in order, each once; a `custom` condition reads what it likes
 * and names none.
 *
 * @example factsRead(allOf(isTrue(nonTaxable), atLeast(fundedDays, 60))) // [nonTaxable, fundedDays]
 */
export const factsRead = (condition: Condition): readonly Fact[] => {
  switch (condition.kind) {
    case "compare":
    case "range":
    case "member":
    case "flag":
      return [condition.fact];
    case "all":
    case "any":
      return [...new Set(condition.conditions.flatMap(factsRead))];
    case "when":
      return [...new Set([...factsRead(condition.guard), ...factsRead(condition.required)])];
    case "custom":
      return [];
  }
};
