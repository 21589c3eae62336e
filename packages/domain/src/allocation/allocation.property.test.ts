import { Result } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CROUS_ECHELONS } from "../situation.ts";
import { type Allocation, type AllocationMove, allocate } from "./allocate.ts";
import {
  type AllocationCandidate,
  PRIORITY_RULE_IDS,
  type PriorityRules,
} from "./priority-rules.ts";
import { type Ranking, rank } from "./rank.ts";

// Few distinct values, so that cohorts tie on rules and the tie-break has work to do.
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const studentArb = fc.record(
  {
    crous: fc.record(
      { boursier: maybe(fc.boolean()), echelon: maybe(fc.constantFrom(...CROUS_ECHELONS)) },
      { requiredKeys: [] },
    ),
    household: fc.record(
      { quotientFamilial: maybe(fc.constantFrom(0, 500_000, 840_000, 1_200_000)) },
      { requiredKeys: [] },
    ),
    fewerOpportunities: fc.record(
      { disability: maybe(fc.boolean()), qpv: maybe(fc.boolean()), zrr: maybe(fc.boolean()) },
      { requiredKeys: [] },
    ),
    history: fc.record(
      { erasmusDaysInCycle: maybe(fc.constantFrom(0, 30, 120)) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const candidateArb: fc.Arbitrary<AllocationCandidate> = fc.record({
  requestId: fc.string({ minLength: 1, maxLength: 6 }),
  situation: fc.record({
    student: maybe(studentArb),
    mobility: fc.constant({ host: { country: "DE" }, start: "2027-09-01", end: "2028-01-31" }),
  }),
  submittedAt: fc.constantFrom(
    "2027-03-01T09:00:00Z",
    "2027-03-01T11:00:00+02:00", // the same instant, written in Paris time
    "2027-03-02T08:30:00Z",
    "2027-03-03T23:59:59.999Z",
  ),
  amountCents: fc.oneof(fc.integer({ min: 0, max: 400_000 }), fc.constantFrom(0, 100_000)),
});

const cohortArb = fc.uniqueArray(candidateArb, { selector: (c) => c.requestId, maxLength: 40 });
const rulesArb: fc.Arbitrary<PriorityRules> = fc.shuffledSubarray([...PRIORITY_RULE_IDS], {
  minLength: 1,
});
const envelopeArb = fc.integer({ min: 0, max: 4_000_000 });

const rankingOf = (cohort: readonly AllocationCandidate[], rules: PriorityRules): Ranking => {
  const r = rank(cohort, rules);
  if (Result.isFailure(r)) throw new Error(`expected a ranking, got ${r.failure.message}`);
  return r.success;
};

const allocationOf = (
  ranking: Ranking,
  envelope: number,
  moves: readonly AllocationMove[] = [],
): Allocation => {
  const r = allocate(ranking, envelope, moves);
  if (Result.isFailure(r)) throw new Error(`expected an allocation, got ${r.failure.message}`);
  return r.success;
};

const ids = (items: readonly { readonly requestId: string }[]) => items.map((i) => i.requestId);

/** What must hold of any allocation: within the envelope, whole cents, everyone once, in rank order. */
const expectSound = (ranking: Ranking, a: Allocation, envelope: number) => {
  const total = a.funded.reduce((sum, f) => sum + f.amountCents, 0);
  expect(total).toBe(a.totalFundedCents);
  expect(a.totalFundedCents).toBeLessThanOrEqual(envelope);
  expect(a.remainingCents).toBe(envelope - a.totalFundedCents);
  for (const f of a.funded) expect(Number.isSafeInteger(f.amountCents)).toBe(true);
  expect(Number.isSafeInteger(a.remainingCents)).toBe(true);
  expect([...ids(a.funded), ...ids(a.waitlisted)].sort()).toEqual(ids(ranking.ranked).sort());
  const ranks = (xs: readonly { readonly rank: number }[]) => xs.map((x) => x.rank);
  expect(ranks(a.funded)).toEqual([...ranks(a.funded)].sort((x, y) => x - y));
  expect(ranks(a.waitlisted)).toEqual([...ranks(a.waitlisted)].sort((x, y) => x - y));
  expect(a.waitlisted.map((w) => w.position)).toEqual(a.waitlisted.map((_, i) => i + 1));
};

describe("rank, property", () => {
  it("the same candidates in any order give the same ranks; ranks are 1..n", () => {
    fc.assert(
      fc.property(
        cohortArb.chain((cohort) =>
          fc.tuple(
            fc.constant(cohort),
            fc.shuffledSubarray(cohort, { minLength: cohort.length }),
            rulesArb,
          ),
        ),
        ([cohort, shuffled, rules]) => {
          const a = rankingOf(cohort, rules);
          expect(rankingOf(shuffled, rules)).toEqual(a);
          expect(a.ranked.map((c) => c.rank)).toEqual(cohort.map((_, i) => i + 1));
        },
      ),
    );
  });
});

describe("allocate, property", () => {
  it("without moves: never above the envelope, funded a prefix of the ranking, the first left out did not fit", () => {
    fc.assert(
      fc.property(cohortArb, rulesArb, envelopeArb, (cohort, rules, envelope) => {
        const ranking = rankingOf(cohort, rules);
        const a = allocationOf(ranking, envelope);
        expectSound(ranking, a, envelope);
        expect(ids(a.funded)).toEqual(ids(ranking.ranked.slice(0, a.funded.length)));
        const firstLeftOut = ranking.ranked[a.funded.length];
        if (firstLeftOut) expect(firstLeftOut.amountCents).toBeGreaterThan(a.remainingCents);
        expect(a.lastFundedRank).toBe(a.funded.length === 0 ? null : a.funded.length);
      }),
    );
  });

  it("with moves: never above the envelope, or refused exactly when the moves to funded exceed it", () => {
    fc.assert(
      fc.property(
        cohortArb.chain((cohort) =>
          fc.tuple(
            fc.constant(cohort),
            fc
              .subarray(cohort)
              .chain((picked) =>
                fc.tuple(
                  ...picked.map((c) =>
                    fc
                      .constantFrom("funded", "waitlist")
                      .map(
                        (to): AllocationMove => ({ requestId: c.requestId, to, reason: "jury" }),
                      ),
                  ),
                ),
              ),
          ),
        ),
        rulesArb,
        envelopeArb,
        ([cohort, moves], rules, envelope) => {
          const ranking = rankingOf(cohort, rules);
          const byId = new Map(cohort.map((c) => [c.requestId, c.amountCents]));
          const movedCents = moves
            .filter((m) => m.to === "funded")
            .reduce((sum, m) => sum + (byId.get(m.requestId) ?? 0), 0);
          const r = allocate(ranking, envelope, moves);
          if (movedCents > envelope) {
            expect(Result.isFailure(r) && r.failure._tag).toBe("MovesExceedEnvelope");
            return;
          }
          if (Result.isFailure(r)) throw new Error(`unexpected ${r.failure.message}`);
          const a = r.success;
          expectSound(ranking, a, envelope);
          const fundedIds = new Set(ids(a.funded));
          for (const m of moves) expect(fundedIds.has(m.requestId)).toBe(m.to === "funded");
          expect(a.moves.map((m) => m.rank)).toEqual(
            [...a.moves.map((m) => m.rank)].sort((x, y) => x - y),
          );
        },
      ),
    );
  });

  it("the same candidates and moves in any order give the same allocation", () => {
    fc.assert(
      fc.property(
        cohortArb.chain((cohort) =>
          fc.tuple(
            fc.constant(cohort),
            fc.shuffledSubarray(cohort, { minLength: cohort.length }),
            fc.subarray(cohort, { maxLength: Math.min(3, cohort.length) }),
          ),
        ),
        rulesArb,
        envelopeArb,
        ([cohort, shuffled, picked], rules, envelope) => {
          const moves = picked.map(
            (c, i): AllocationMove => ({
              requestId: c.requestId,
              to: i % 2 === 0 ? "waitlist" : "funded",
              reason: `move ${i}`,
            }),
          );
          const a = allocate(rankingOf(cohort, rules), envelope, moves);
          const b = allocate(rankingOf(shuffled, rules), envelope, [...moves].reverse());
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it("moving one request to funded changes only what it must: the others funded before stay funded, but the lowest-ranked of them, as the envelope requires", () => {
    fc.assert(
      fc.property(
        cohortArb
          .filter((cohort) => cohort.length > 0)
          .chain((cohort) => fc.tuple(fc.constant(cohort), fc.constantFrom(...cohort))),
        rulesArb,
        envelopeArb,
        ([cohort, moved], rules, envelope) => {
          fc.pre(moved.amountCents <= envelope);
          const ranking = rankingOf(cohort, rules);
          const before = allocationOf(ranking, envelope);
          const after = allocationOf(ranking, envelope, [
            { requestId: moved.requestId, to: "funded", reason: "jury" },
          ]);
          expectSound(ranking, after, envelope);
          const others = (a: Allocation) => ids(a.funded).filter((id) => id !== moved.requestId);
          // the others funded now are the highest-ranked of those funded before
          expect(others(after)).toEqual(others(before).slice(0, others(after).length));
          expect(ids(after.funded)).toContain(moved.requestId);
        },
      ),
    );
  });

  it("moving one request to the waitlist only frees its room for the next by rank", () => {
    fc.assert(
      fc.property(
        cohortArb
          .filter((cohort) => cohort.length > 0)
          .chain((cohort) => fc.tuple(fc.constant(cohort), fc.constantFrom(...cohort))),
        rulesArb,
        envelopeArb,
        ([cohort, moved], rules, envelope) => {
          const ranking = rankingOf(cohort, rules);
          const before = allocationOf(ranking, envelope);
          const after = allocationOf(ranking, envelope, [
            { requestId: moved.requestId, to: "waitlist", reason: "pièce manquante" },
          ]);
          expectSound(ranking, after, envelope);
          const rest = ids(ranking.ranked).filter((id) => id !== moved.requestId);
          const funded = ids(after.funded);
          // still the rank order's prefix, the moved request left out, and no one funded before loses
          expect(funded).toEqual(rest.slice(0, funded.length));
          const wasFunded = ids(before.funded).filter((id) => id !== moved.requestId);
          expect(funded.slice(0, wasFunded.length)).toEqual(wasFunded);
          expect(ids(after.waitlisted)).toContain(moved.requestId);
          // waiting behind the first request that did not fit, it blocked no one: nothing moves
          const [blocker, ...behind] = ids(before.waitlisted);
          if (blocker !== undefined && behind.includes(moved.requestId))
            expect(funded).toEqual(ids(before.funded));
        },
      ),
    );
  });
});
