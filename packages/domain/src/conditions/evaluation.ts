import type { EvaluationContext } from "../evaluation-context.ts";
import type { Fact } from "../facts.ts";
import type { Text } from "../text.ts";
import type {
  Combination,
  CompareOp,
  Condition,
  Custom,
  CustomOutcome,
  FactCondition,
  Guarded,
} from "./condition.ts";
import { questionOf } from "./describe.ts";

/**
 * What a condition says of a situation, as data: its status and what decided it, with no
 * sentence written yet (sentences.ts writes them, in either language).
 */
export type Evaluation = Unknown | FactResult | CustomResult | CombinationResult | GuardedResult;

/** Unknown: the situation fields that would decide it, and what to ask the student for. */
export interface Unknown {
  readonly kind: "unknown";
  readonly status: "unknown";
  readonly missing: readonly string[];
  /** The labels of the facts (or custom rules) that are not answered. */
  readonly asked: readonly Text[];
  /** How each is asked for: "la durée financée", "si vous êtes boursier ou boursière du CROUS". */
  readonly questions: readonly Text[];
}

/** A fact leaf, decided by the fact's value. */
export interface FactResult {
  readonly kind: "fact";
  readonly status: "met" | "unmet";
  readonly condition: FactCondition;
  readonly value: number | string | boolean;
}

export interface CustomResult {
  readonly kind: "custom";
  readonly status: "met" | "unmet";
  readonly condition: Custom;
  readonly outcome: CustomOutcome;
}

/**
 * An `allOf` or `anyOf`, with the results that explain it: the alternative that held (anyOf
 * met), the conditions unmet (allOf unmet), or all of them (allOf met, anyOf unmet).
 */
export interface CombinationResult {
  readonly kind: "combination";
  readonly status: "met" | "unmet";
  readonly condition: Combination;
  readonly parts: readonly Decided[];
}

/**
 * A `when`: `guard` is the guard's result, undefined when it is unknown and `required` holds
 * anyway; `required` is undefined when the guard does not hold (there was nothing to meet).
 */
export interface GuardedResult {
  readonly kind: "guarded";
  readonly status: "met" | "unmet";
  readonly condition: Guarded;
  readonly guard: Decided | undefined;
  readonly required: Decided | undefined;
}

/** A result that is met or unmet. */
export type Decided = Exclude<Evaluation, Unknown>;

const holds = (op: CompareOp, value: number, bound: number): boolean => {
  switch (op) {
    case "atLeast":
      return value >= bound;
    case "atMost":
      return value <= bound;
    case "below":
      return value < bound;
    case "above":
      return value > bound;
  }
};

const unknownFact = (fact: Fact, ctx: EvaluationContext): Unknown => ({
  kind: "unknown",
  status: "unknown",
  missing: fact.missing ? fact.missing(ctx) : fact.paths,
  asked: [fact.label],
  questions: [questionOf(fact)],
});

/** The unknown results together: every missing field and every question, once. */
const unknownOf = (results: readonly Unknown[]): Unknown => {
  const missing = new Set<string>();
  const asked = new Set<Text>();
  const questions = new Set<Text>();
  for (const r of results) {
    for (const path of r.missing) missing.add(path);
    for (const label of r.asked) asked.add(label);
    for (const q of r.questions) questions.add(q);
  }
  return {
    kind: "unknown",
    status: "unknown",
    missing: [...missing],
    asked: [...asked],
    questions: [...questions],
  };
};

const leaf = (
  condition: FactCondition,
  value: number | string | boolean,
  met: boolean,
): FactResult => ({ kind: "fact", status: met ? "met" : "unmet", condition, value });

const isUnknown = (e: Evaluation): e is Unknown => e.kind === "unknown";

const combination = (
  condition: Combination,
  status: "met" | "unmet",
  parts: readonly Decided[],
): CombinationResult => ({ kind: "combination", status, condition, parts });

const evaluateCombination = (c: Combination, ctx: EvaluationContext): Evaluation => {
  const decided: Decided[] = [];
  const unknown: Unknown[] = [];
  for (const x of c.conditions) {
    const e = evaluateCondition(x, ctx);
    if (isUnknown(e)) {
      unknown.push(e);
      continue;
    }
    // one alternative that holds decides: no need to look further
    if (c.kind === "any" && e.status === "met") return combination(c, "met", [e]);
    decided.push(e);
  }
  const unmet = decided.filter((e) => e.status === "unmet");
  if (c.kind === "all" && unmet.length > 0) return combination(c, "unmet", unmet);
  if (unknown.length > 0) return unknownOf(unknown);
  // every condition agrees: all met (allOf) or all unmet (anyOf)
  return combination(c, c.kind === "all" ? "met" : "unmet", decided);
};

const evaluateGuarded = (c: Guarded, ctx: EvaluationContext): Evaluation => {
  const guard = evaluateCondition(c.guard, ctx);
  if (guard.status === "unmet")
    return { kind: "guarded", status: "met", condition: c, guard, required: undefined };
  const required = evaluateCondition(c.required, ctx);
  if (!isUnknown(guard)) {
    return isUnknown(required)
      ? required
      : { kind: "guarded", status: required.status, condition: c, guard, required };
  }
  // the guard unknown: it holds anyway when `required` does
  if (required.status === "met")
    return { kind: "guarded", status: "met", condition: c, guard: undefined, required };
  return isUnknown(required) ? unknownOf([guard, required]) : guard;
};

/** Evaluates a condition against a situation, in Kleene's three-valued logic. */
export const evaluateCondition = (c: Condition, ctx: EvaluationContext): Evaluation => {
  switch (c.kind) {
    case "compare": {
      const value = c.fact.get(ctx);
      if (value === undefined) return unknownFact(c.fact, ctx);
      return leaf(c, value, holds(c.op, value, c.bound));
    }
    case "range": {
      const value = c.fact.get(ctx);
      if (value === undefined) return unknownFact(c.fact, ctx);
      return leaf(c, value, (value >= c.min && value <= c.max) === c.inside);
    }
    case "member": {
      const value = c.fact.get(ctx);
      if (value === undefined) return unknownFact(c.fact, ctx);
      return leaf(c, value, c.values.has(value) === c.inside);
    }
    case "flag": {
      const value = c.fact.get(ctx);
      if (value === undefined) return unknownFact(c.fact, ctx);
      return leaf(c, value, value === c.expected);
    }
    case "custom": {
      const outcome = c.evaluate(ctx);
      if (outcome.status === "unknown")
        return {
          kind: "unknown",
          status: "unknown",
          missing: outcome.missing ?? [],
          asked: [c.describe],
          questions: [c.describe],
        };
      const met = (outcome.status === "met") !== c.negated;
      return { kind: "custom", status: met ? "met" : "unmet", condition: c, outcome };
    }
    case "all":
    case "any":
      return evaluateCombination(c, ctx);
    case "when":
      return evaluateGuarded(c, ctx);
  }
};
