import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bestPlan,
  isBetterPlan,
  type PlanCandidate,
  type PlanChoice,
  planFor,
} from "./funding-plan.ts";

const exclusiveOf = (pairs: readonly (readonly [string, string])[]) => {
  const set = new Set(pairs.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  return (a: string, b: string) => set.has(`${a}|${b}`);
};

const NONE = exclusiveOf([]);

const ids = (plan: PlanChoice) => plan.items.map((i) => i.scheme);

// ---------------------------------------------------------------- a naive optimum

interface NaivePlan {
  readonly items: readonly { readonly scheme: string; readonly amountCents: number }[];
  readonly totalCents: number;
}

/** Every subset, the rulebook's rules applied as written: §7 and the plan's amounts. */
const naiveBest = (
  candidates: readonly PlanCandidate[],
  exclusive: (a: string, b: string) => boolean,
): NaivePlan => {
  let best: NaivePlan = { items: [], totalCents: 0 };
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const chosen = candidates.filter((_, i) => (mask >> i) & 1);
    if (chosen.some((a) => chosen.some((b) => a !== b && exclusive(a.scheme, b.scheme)))) continue;
    const items = chosen
      .map((c) => {
        const others = chosen.filter((o) => o !== c).map((o) => o.scheme);
        const amount = c.share ? c.share(others).amountCents : c.standaloneCents;
        // a share never raises the standalone amount nor goes below zero
        return { scheme: c.scheme, amountCents: Math.min(c.standaloneCents, Math.max(0, amount)) };
      })
      .filter((i) => i.amountCents > 0)
      .sort((a, b) => (a.scheme < b.scheme ? -1 : 1));
    const plan = { items, totalCents: items.reduce((t, i) => t + i.amountCents, 0) };
    if (better(plan, best)) best = plan;
  }
  return best;
};

/** Highest total, then fewer schemes, then the ids in alphabetical order. */
const better = (a: NaivePlan, b: NaivePlan): boolean => {
  if (a.totalCents !== b.totalCents) return a.totalCents > b.totalCents;
  if (a.items.length !== b.items.length) return a.items.length < b.items.length;
  const x = a.items.map((i) => i.scheme).join(" ");
  const y = b.items.map((i) => i.scheme).join(" ");
  return x < y;
};

// ---------------------------------------------------------------- random candidate sets

interface Scenario {
  readonly candidates: readonly PlanCandidate[];
  readonly pairs: readonly (readonly [string, string])[];
}

const scenario: fc.Arbitrary<Scenario> = fc
  .uniqueArray(fc.stringMatching(/^[a-e]{1,2}$/), { minLength: 0, maxLength: 10 })
  .chain((names) =>
    fc.record({
      names: fc.constant(names),
      // small amounts make ties common; large ones make the order of magnitude vary
      amounts: fc.array(
        fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 500_000 })),
        {
          minLength: names.length,
          maxLength: names.length,
        },
      ),
      shares: fc.array(
        fc.option(
          fc.array(fc.integer({ min: 0, max: 8 }), {
            minLength: names.length,
            maxLength: names.length,
          }),
          { freq: 2 },
        ),
        { minLength: names.length, maxLength: names.length },
      ),
      pairs:
        names.length < 2
          ? fc.constant([] as [number, number][])
          : fc.array(fc.tuple(fc.nat(names.length - 1), fc.nat(names.length - 1)), {
              maxLength: 12,
            }),
    }),
  )
  .map(({ names, amounts, shares, pairs }) => {
    const candidates = names.map((scheme, i): PlanCandidate => {
      const standaloneCents = amounts[i] as number;
      const penalties = shares[i];
      if (!penalties) return { scheme, standaloneCents };
      // like the alumni aid: the others in the plan already pay part of it
      const cost = new Map(
        names.map((n, j) => [n, (penalties[j] as number) * Math.ceil(standaloneCents / 8)]),
      );
      return {
        scheme,
        standaloneCents,
        share: (peers) => ({
          amountCents: standaloneCents - peers.reduce((t, p) => t + (cost.get(p) ?? 0), 0),
          note: `${scheme} minus peers`,
        }),
      };
    });
    return {
      candidates,
      pairs: pairs
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => [names[a] as string, names[b] as string] as const),
    };
  });

describe("bestPlan, on random candidate sets", () => {
  it("never holds an exclusive pair", () => {
    fc.assert(
      fc.property(scenario, ({ candidates, pairs }) => {
        const exclusive = exclusiveOf(pairs);
        const plan = ids(bestPlan(candidates, exclusive));
        for (const a of plan)
          for (const b of plan) expect(exclusive(a, b), `${a} with ${b}`).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("totals its items, each positive and at most its standalone amount", () => {
    fc.assert(
      fc.property(scenario, ({ candidates, pairs }) => {
        const plan = bestPlan(candidates, exclusiveOf(pairs));
        expect(plan.totalCents).toBe(plan.items.reduce((t, i) => t + i.amountCents, 0));
        for (const item of plan.items) {
          const standalone = candidates.find((c) => c.scheme === item.scheme)?.standaloneCents ?? 0;
          expect(item.amountCents).toBeGreaterThan(0);
          expect(item.amountCents).toBeLessThanOrEqual(standalone);
        }
        expect(new Set(ids(plan)).size).toBe(plan.items.length);
      }),
      { numRuns: 500 },
    );
  });

  it("is the optimum of a brute force over every subset, ties included", () => {
    fc.assert(
      fc.property(scenario, ({ candidates, pairs }) => {
        const exclusive = exclusiveOf(pairs);
        const plan = bestPlan(candidates, exclusive);
        const expected = naiveBest(candidates, exclusive);
        expect({
          items: plan.items.map(({ scheme, amountCents }) => ({ scheme, amountCents })),
          totalCents: plan.totalCents,
        }).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("does not depend on the order of the candidates", () => {
    fc.assert(
      fc.property(scenario, ({ candidates, pairs }) => {
        const exclusive = exclusiveOf(pairs);
        expect(bestPlan([...candidates].reverse(), exclusive)).toEqual(
          bestPlan(candidates, exclusive),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("bestPlan, by hand", () => {
  const c = (scheme: string, standaloneCents: number): PlanCandidate => ({
    scheme,
    standaloneCents,
  });

  it("is empty with no candidate", () => {
    expect(bestPlan([], NONE)).toEqual({ items: [], totalCents: 0 });
  });

  it("takes everything when nothing is exclusive", () => {
    expect(bestPlan([c("b", 200), c("a", 100)], NONE)).toEqual({
      items: [
        { scheme: "a", amountCents: 100 },
        { scheme: "b", amountCents: 200 },
      ],
      totalCents: 300,
    });
  });

  it("keeps the higher of two exclusive schemes", () => {
    expect(ids(bestPlan([c("a", 100), c("b", 101)], exclusiveOf([["a", "b"]])))).toEqual(["b"]);
  });

  it("prefers two schemes over a single better one when their sum is higher", () => {
    const excl = exclusiveOf([
      ["a", "b"],
      ["a", "c"],
    ]);
    expect(ids(bestPlan([c("a", 100), c("b", 60), c("c", 41)], excl))).toEqual(["b", "c"]);
  });

  it("breaks a tie on the total with fewer schemes", () => {
    const excl = exclusiveOf([
      ["z", "b"],
      ["z", "c"],
    ]);
    expect(ids(bestPlan([c("b", 60), c("c", 40), c("z", 100)], excl))).toEqual(["z"]);
  });

  it("breaks a tie on the total and the count with the ids in alphabetical order", () => {
    expect(ids(bestPlan([c("b", 100), c("a", 100)], exclusiveOf([["a", "b"]])))).toEqual(["a"]);
    // {a, z} against {b, c}: "a" comes before "b"
    const excl = exclusiveOf([
      ["a", "b"],
      ["a", "c"],
      ["z", "b"],
      ["z", "c"],
    ]);
    expect(ids(bestPlan([c("b", 50), c("c", 50), c("z", 10), c("a", 90)], excl))).toEqual([
      "a",
      "z",
    ]);
    // {a, y} against {a, x}: the second id decides
    const excl2 = exclusiveOf([["x", "y"]]);
    expect(ids(bestPlan([c("a", 5), c("y", 10), c("x", 10)], excl2))).toEqual(["a", "x"]);
  });

  it("computes a share from the other schemes of the plan, with its note", () => {
    const alumni: PlanCandidate = {
      scheme: "alumni",
      standaloneCents: 80_000,
      share: (peers) => ({
        amountCents: peers.includes("erasmus") ? 50_300 : 80_000,
        note: "minus travel",
      }),
    };
    expect(bestPlan([c("erasmus", 312_700), alumni], NONE)).toEqual({
      items: [
        { scheme: "alumni", amountCents: 50_300, note: "minus travel" },
        { scheme: "erasmus", amountCents: 312_700 },
      ],
      totalCents: 363_000,
    });
    // alone, it keeps its standalone amount and needs no note
    expect(bestPlan([alumni], NONE)).toEqual({
      items: [{ scheme: "alumni", amountCents: 80_000 }],
      totalCents: 80_000,
    });
  });

  it("clamps a share between zero and the standalone amount and drops a zero", () => {
    const greedy: PlanCandidate = {
      scheme: "g",
      standaloneCents: 100,
      share: () => ({ amountCents: 1_000 }),
    };
    expect(planFor([greedy, c("a", 1)])).toEqual({
      items: [
        { scheme: "a", amountCents: 1 },
        { scheme: "g", amountCents: 100 },
      ],
      totalCents: 101,
    });
    const covered: PlanCandidate = {
      scheme: "h",
      standaloneCents: 100,
      share: (peers) => ({ amountCents: peers.length > 0 ? -50 : 100 }),
    };
    expect(planFor([covered, c("a", 500)])).toEqual({
      items: [{ scheme: "a", amountCents: 500 }],
      totalCents: 500,
    });
    expect(bestPlan([covered, c("a", 500)], NONE)).toEqual({
      items: [{ scheme: "a", amountCents: 500 }],
      totalCents: 500,
    });
  });

  it("leaves out a scheme that lowers a share by more than it adds", () => {
    const alumni: PlanCandidate = {
      scheme: "alumni",
      standaloneCents: 1_000,
      share: (peers) => ({ amountCents: peers.includes("ticket") ? 0 : 1_000 }),
    };
    expect(ids(bestPlan([alumni, c("ticket", 600)], NONE))).toEqual(["alumni"]);
  });
});

describe("isBetterPlan", () => {
  const plan = (...items: [string, number][]): PlanChoice => ({
    items: items.map(([scheme, amountCents]) => ({ scheme, amountCents })),
    totalCents: items.reduce((t, [, a]) => t + a, 0),
  });

  it("orders by total, then count, then ids", () => {
    expect(isBetterPlan(plan(["a", 2]), plan(["a", 1]))).toBe(true);
    expect(isBetterPlan(plan(["z", 2]), plan(["a", 1], ["b", 1]))).toBe(true);
    expect(isBetterPlan(plan(["a", 1], ["b", 1]), plan(["z", 2]))).toBe(false);
    expect(isBetterPlan(plan(["a", 2]), plan(["b", 2]))).toBe(true);
    expect(isBetterPlan(plan(["b", 2]), plan(["a", 2]))).toBe(false);
    expect(isBetterPlan(plan(["a", 2]), plan(["a", 2]))).toBe(false);
  });
});
