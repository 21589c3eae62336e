/**
 * A call's ranked allocation (issue #15, ADR 017), in three pure steps, each O(n) but the one
 * sort: `rank` reads every candidate's rule values once and sorts; `allocate` walks the ranking
 * once; `standingsOf` pairs them for the explanations. At 10 000 candidates:
 *
 * @example
 * // the call's eligible submitted requests, each with its estimate (from the database)
 * const candidates: AllocationCandidate[] = rows.map((row) => ({
 *   requestId: row.id,
 *   situation: row.situation,
 *   submittedAt: row.submittedAt,
 *   amountCents: row.estimatedCents,
 * })); // 10 000 of them
 * const ranking = rank(candidates, ["crous-echelon", "quotient-familial", "first-mobility"]);
 * if (Result.isFailure(ranking)) return ranking; // CandidateInvalid: which request, which field
 * const allocation = allocate(ranking.success, call.envelopeCents, call.moves);
 * if (Result.isFailure(allocation)) return allocation; // MovesExceedEnvelope, UnknownMoveRequest…
 * const standings = standingsOf(ranking.success, allocation.success);
 * explainRank(standings.get(myRequestId)!, "fr"); // "12e sur 10 000 : échelon 5, …"
 * @module
 */
import { Data, Result } from "effect";
import type { Text } from "../text.ts";
import {
  type AllocationCandidate,
  type PriorityRules,
  type RuleValue,
  ruleOrderOf,
  ruleValueOf,
} from "./priority-rules.ts";

/** A candidate in its place: its rank (1-based) and, rule by rule, the value it was ranked on. */
export interface RankedCandidate {
  readonly requestId: string;
  readonly rank: number;
  readonly submittedAt: string;
  readonly amountCents: number;
  /** One per priority rule, in the rules' order: what the explanation says. */
  readonly values: readonly RuleValue[];
}

/** Every candidate of a call in rank order, and the rules that ranked them. */
export interface Ranking {
  readonly rules: PriorityRules;
  /** In rank order: `ranked[i].rank === i + 1`. */
  readonly ranked: readonly RankedCandidate[];
}

/** A candidate the ranking cannot take: which one, which field, and why. */
export class CandidateInvalid extends Data.TaggedError("CandidateInvalid")<{
  readonly requestId: string;
  readonly field: "requestId" | "submittedAt" | "amountCents";
  readonly problem: Text;
}> {
  override get message(): string {
    return `candidate ${this.requestId}: ${this.field} ${this.problem.en}`;
  }
}

const TWICE: Text = {
  fr: "apparaît deux fois : une demande est classée une fois",
  en: "appears twice: a request is ranked once",
};
const NOT_AN_INSTANT: Text = {
  fr: "doit être un instant ISO 8601, comme 2027-03-03T09:15:00Z",
  en: "must be an ISO 8601 instant such as 2027-03-03T09:15:00Z",
};
const NOT_CENTS: Text = {
  fr: "doit être un nombre entier de centimes, positif ou nul",
  en: "must be a whole, non-negative number of cents",
};

interface Keyed {
  readonly candidate: AllocationCandidate;
  readonly values: readonly RuleValue[];
  /** The rules' orders, then the tie-break's instant: computed once, compared often. */
  readonly keys: readonly number[];
}

const byKeysThenId = (a: Keyed, b: Keyed): number => {
  for (let i = 0; i < a.keys.length; i++) {
    const d = (a.keys[i] as number) - (b.keys[i] as number);
    // two unknown quotients are both +∞, and ∞ − ∞ is NaN: equal, on to the next rule
    if (d < 0) return -1;
    if (d > 0) return 1;
  }
  // code-unit order, not the locale's: the same on every machine
  const x = a.candidate.requestId;
  const y = b.candidate.requestId;
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Ranks a call's candidates by its priority rules, in order, then by the tie-break: the earlier
 * submission instant, then the request id. Every candidate gets a distinct rank, and the ranks do
 * not depend on the order the candidates come in. O(n log n): each candidate's keys are read
 * once, then sorted.
 *
 * @example
 * // 10 000 candidates from the call's submitted requests: one pass, one sort
 * const ranking = rank(candidates, ["crous-echelon", "quotient-familial", "submitted-at"]);
 * if (Result.isSuccess(ranking)) allocate(ranking.success, 50_000_000, []);
 */
export const rank = (
  candidates: readonly AllocationCandidate[],
  rules: PriorityRules,
): Result.Result<Ranking, CandidateInvalid> => {
  const seen = new Set<string>();
  const keyed: Keyed[] = [];
  for (const candidate of candidates) {
    const { requestId } = candidate;
    if (seen.has(requestId))
      return Result.fail(new CandidateInvalid({ requestId, field: "requestId", problem: TWICE }));
    seen.add(requestId);
    const submitted = Date.parse(candidate.submittedAt);
    if (Number.isNaN(submitted))
      return Result.fail(
        new CandidateInvalid({ requestId, field: "submittedAt", problem: NOT_AN_INSTANT }),
      );
    if (!Number.isSafeInteger(candidate.amountCents) || candidate.amountCents < 0)
      return Result.fail(
        new CandidateInvalid({ requestId, field: "amountCents", problem: NOT_CENTS }),
      );
    const values = rules.map((rule) => ruleValueOf(rule, candidate));
    keyed.push({ candidate, values, keys: [...values.map(ruleOrderOf), submitted] });
  }
  keyed.sort(byKeysThenId);
  return Result.succeed({
    rules,
    ranked: keyed.map(({ candidate, values }, i) => ({
      requestId: candidate.requestId,
      rank: i + 1,
      submittedAt: candidate.submittedAt,
      amountCents: candidate.amountCents,
      values,
    })),
  });
};
