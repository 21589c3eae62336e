import { Data, Result } from "effect";
import { z } from "zod";
import { fieldText } from "../issue-text.ts";
import { formatInteger, formatMoney } from "../money.ts";
import type { Lang, Text } from "../text.ts";
import { TEXT_LIMITS } from "../text-limits.ts";
import type { RankedCandidate, Ranking } from "./rank.ts";

/**
 * The office's decision to take a request out of the rank order: fund it whatever its rank, or
 * put it on the waitlist whatever its rank, and why (kept for the audit trail, never shown to
 * the student).
 *
 * @example { requestId: "r-45", to: "funded", reason: "Situation familiale signalée par l'assistante sociale" }
 */
export interface AllocationMove {
  readonly requestId: string;
  readonly to: "funded" | "waitlist";
  readonly reason: string;
}

const SAY_WHY: Text = { fr: "doit dire pourquoi", en: "must say why" };

/** A move as the office sends it: the request, where to, and why (trimmed, not empty). */
export const AllocationMoveSchema = z.strictObject({
  requestId: z.string().min(1).max(TEXT_LIMITS.id),
  to: z.enum(["funded", "waitlist"]),
  reason: z.string().trim().min(1, fieldText(SAY_WHY)).max(TEXT_LIMITS.text),
});

/** A move as the allocation applied it: the reason trimmed, the request's rank and amount. */
export interface AppliedMove extends AllocationMove {
  readonly rank: number;
  readonly amountCents: number;
}

export interface FundedRequest {
  readonly requestId: string;
  readonly rank: number;
  readonly amountCents: number;
  /** Funded because the office moved it, not by its rank. */
  readonly byHand: boolean;
}

export interface WaitlistedRequest {
  readonly requestId: string;
  readonly rank: number;
  /** 1-based, in rank order: who is promoted first when money is released. */
  readonly position: number;
  /** On the waitlist because the office moved it there, not for want of money. */
  readonly byHand: boolean;
}

/** What Envol proposes for a call: who is funded, who waits, and what is left of the envelope. */
export interface Allocation {
  readonly envelopeCents: number;
  /** In rank order. */
  readonly funded: readonly FundedRequest[];
  /** In rank order, which is the waitlist's order. */
  readonly waitlisted: readonly WaitlistedRequest[];
  readonly totalFundedCents: number;
  readonly remainingCents: number;
  /**
   * The rank of the last request funded by the rank order, the cut-off a student compares hers
   * with; a request the office funded by hand does not move it. `null` when none was.
   */
  readonly lastFundedRank: number | null;
  readonly moves: readonly AppliedMove[];
}

/** An input of the allocation is wrong: which field, and why. */
export class AllocationInputInvalid extends Data.TaggedError("AllocationInputInvalid")<{
  readonly field: string;
  readonly problem: Text;
}> {
  override get message(): string {
    return `${this.field} ${this.problem.en}`;
  }
}

/** A move names a request that is not among the ranked candidates. */
export class UnknownMoveRequest extends Data.TaggedError("UnknownMoveRequest")<{
  readonly requestId: string;
}> {
  override get message(): string {
    return `request ${this.requestId} is not ranked in this call: it cannot be moved`;
  }
}

/** The requests moved to funded cost more, together, than the envelope holds. */
export class MovesExceedEnvelope extends Data.TaggedError("MovesExceedEnvelope")<{
  readonly requests: readonly { readonly requestId: string; readonly amountCents: number }[];
  readonly totalCents: number;
  readonly envelopeCents: number;
}> {
  override get message(): string {
    const list = this.requests.map((r) => `${r.requestId} (${r.amountCents})`).join(", ");
    return `the requests moved to funded, ${list}, come to ${this.totalCents} cents, above the envelope's ${this.envelopeCents}`;
  }

  /** For the office: what the moves come to against the envelope. */
  explain(lang: Lang): string {
    const total = formatMoney(this.totalCents, lang);
    const envelope = formatMoney(this.envelopeCents, lang);
    const n = this.requests.length;
    if (n === 1)
      return {
        fr: `La demande retenue à la main représente ${total}, au-delà de l'enveloppe de ${envelope}.`,
        en: `The request funded by hand comes to ${total}, above the envelope of ${envelope}.`,
      }[lang];
    return {
      fr: `Les ${formatInteger(n, lang)} demandes retenues à la main représentent ${total}, au-delà de l'enveloppe de ${envelope}.`,
      en: `The ${formatInteger(n, lang)} requests funded by hand come to ${total}, above the envelope of ${envelope}.`,
    }[lang];
  }
}

export type AllocationError = AllocationInputInvalid | UnknownMoveRequest | MovesExceedEnvelope;

const fundedOf = (c: RankedCandidate, byHand: boolean): FundedRequest => ({
  requestId: c.requestId,
  rank: c.rank,
  amountCents: c.amountCents,
  byHand,
});

const invalid = (field: string, problem: Text) =>
  Result.fail(new AllocationInputInvalid({ field, problem }));

/**
 * Proposes an allocation within the envelope, in strict rank order (ADR 017): candidates are
 * funded in rank order while the next one's amount fits in what is left; from the first that
 * does not fit, it and every later one wait, in rank order. A lower-ranked student is never
 * funded ahead of a higher-ranked one because her request happens to be smaller: the rank is
 * the office's stated priority, and a cheaper request does not outrank it.
 *
 * The office's moves come first: the requests moved to funded are funded before any other (the
 * envelope must hold them all, or the moves are refused), then the others by rank in what is
 * left; a request moved to the waitlist waits at its rank's place and frees its room for the
 * next by rank. O(n) after the ranking.
 *
 * @example
 * allocate(ranking, 5_000_000, [{ requestId: "r-45", to: "funded", reason: "Jury du 12 mars" }])
 */
export const allocate = (
  ranking: Ranking,
  envelopeCents: number,
  moves: readonly AllocationMove[],
): Result.Result<Allocation, AllocationError> => {
  if (!Number.isSafeInteger(envelopeCents) || envelopeCents < 0)
    return invalid("envelopeCents", {
      fr: "doit être un nombre entier de centimes, positif ou nul",
      en: "must be a whole, non-negative number of cents",
    });

  const byId = new Map(ranking.ranked.map((c) => [c.requestId, c]));
  const moved = new Map<string, AppliedMove>();
  for (const [i, move] of moves.entries()) {
    const candidate = byId.get(move.requestId);
    if (candidate === undefined)
      return Result.fail(new UnknownMoveRequest({ requestId: move.requestId }));
    if (moved.has(move.requestId))
      return invalid(`moves[${i}].requestId`, {
        fr: "est déplacée deux fois : une demande est déplacée une fois",
        en: "is moved twice: a request is moved once",
      });
    const reason = typeof move.reason === "string" ? move.reason.trim() : "";
    if (reason === "") return invalid(`moves[${i}].reason`, SAY_WHY);
    moved.set(move.requestId, {
      requestId: move.requestId,
      to: move.to,
      reason,
      rank: candidate.rank,
      amountCents: candidate.amountCents,
    });
  }

  const byRank = (a: AppliedMove, b: AppliedMove) => a.rank - b.rank;
  const applied = [...moved.values()].sort(byRank);
  const toFund = applied.filter((m) => m.to === "funded");
  const movedCents = toFund.reduce((total, m) => total + m.amountCents, 0);
  if (movedCents > envelopeCents)
    return Result.fail(
      new MovesExceedEnvelope({
        requests: toFund.map((m) => ({ requestId: m.requestId, amountCents: m.amountCents })),
        totalCents: movedCents,
        envelopeCents,
      }),
    );

  let left = envelopeCents - movedCents;
  let stopped = false;
  let lastFundedRank: number | null = null;
  const funded: FundedRequest[] = [];
  const waitlisted: WaitlistedRequest[] = [];
  for (const c of ranking.ranked) {
    const move = moved.get(c.requestId)?.to;
    if (move === "funded") {
      funded.push(fundedOf(c, true));
      continue;
    }
    if (move === undefined && !stopped && c.amountCents <= left) {
      left -= c.amountCents;
      lastFundedRank = c.rank;
      funded.push(fundedOf(c, false));
      continue;
    }
    // the first that does not fit closes the rank order: no one after it is funded by rank
    if (move === undefined) stopped = true;
    waitlisted.push({
      requestId: c.requestId,
      rank: c.rank,
      position: waitlisted.length + 1,
      byHand: move === "waitlist",
    });
  }

  return Result.succeed({
    envelopeCents,
    funded,
    waitlisted,
    totalFundedCents: envelopeCents - left,
    remainingCents: left,
    lastFundedRank,
    moves: applied,
  });
};
