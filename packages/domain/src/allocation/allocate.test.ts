import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  type Allocation,
  type AllocationError,
  type AllocationMove,
  AllocationMoveSchema,
  allocate,
} from "./allocate.ts";
import type { Ranking } from "./rank.ts";

/** A ranking of requests r1, r2, … with these amounts (euros), in rank order. */
const rankingOf = (...euros: readonly number[]): Ranking => ({
  rules: ["submitted-at"],
  ranked: euros.map((e, i) => ({
    requestId: `r${i + 1}`,
    rank: i + 1,
    submittedAt: `2027-03-0${(i % 9) + 1}T09:00:00Z`,
    amountCents: e * 100,
    values: [{ rule: "submitted-at", value: `2027-03-0${(i % 9) + 1}T09:00:00Z` }],
  })),
});

const allocated = (r: Result.Result<Allocation, AllocationError>): Allocation => {
  if (Result.isFailure(r)) throw new Error(`expected an allocation, got ${r.failure._tag}`);
  return r.success;
};

const refused = (r: Result.Result<Allocation, AllocationError>): AllocationError => {
  if (Result.isSuccess(r)) throw new Error("expected a refusal");
  return r.failure;
};

const fundedIds = (a: Allocation) => a.funded.map((f) => f.requestId);
const waitingIds = (a: Allocation) => a.waitlisted.map((w) => w.requestId);

describe("allocate: strict rank order", () => {
  it("funds in rank order while the next fits, then waitlists the rest in rank order", () => {
    const a = allocated(allocate(rankingOf(1000, 1500, 2000, 500, 800), 300_000, []));
    expect(fundedIds(a)).toEqual(["r1", "r2"]);
    // r4 (500 €) would fit in the 500 € left, but r3 was refused first: no one jumps the queue
    expect(a.waitlisted).toEqual([
      { requestId: "r3", rank: 3, position: 1, byHand: false },
      { requestId: "r4", rank: 4, position: 2, byHand: false },
      { requestId: "r5", rank: 5, position: 3, byHand: false },
    ]);
    expect(a).toMatchObject({
      envelopeCents: 300_000,
      totalFundedCents: 250_000,
      remainingCents: 50_000,
      lastFundedRank: 2,
      moves: [],
    });
  });

  it("an envelope that holds everyone funds everyone and waitlists no one", () => {
    const a = allocated(allocate(rankingOf(1000, 1500), 1_000_000, []));
    expect(fundedIds(a)).toEqual(["r1", "r2"]);
    expect(a.waitlisted).toEqual([]);
    expect(a.remainingCents).toBe(750_000);
  });

  it("an amount that fits exactly is funded; an empty envelope funds no one (nor a zero amount after a refusal)", () => {
    expect(fundedIds(allocated(allocate(rankingOf(1000, 2000), 300_000, [])))).toEqual([
      "r1",
      "r2",
    ]);
    const none = allocated(allocate(rankingOf(1000, 0), 0, []));
    expect(fundedIds(none)).toEqual([]);
    expect(waitingIds(none)).toEqual(["r1", "r2"]);
    expect(none.lastFundedRank).toBeNull();
  });

  it("a request of zero euros ahead of the cut-off is funded, at no cost", () => {
    const a = allocated(allocate(rankingOf(0, 1000, 5000), 100_000, []));
    expect(fundedIds(a)).toEqual(["r1", "r2"]);
    expect(a.lastFundedRank).toBe(2);
  });

  it("no candidate: nothing funded, the whole envelope left", () => {
    const a = allocated(allocate(rankingOf(), 100_000, []));
    expect(a).toMatchObject({ funded: [], waitlisted: [], remainingCents: 100_000 });
  });
});

describe("allocate: moves by hand", () => {
  it("a request moved to funded is funded first, then the others by rank in what is left", () => {
    const a = allocated(
      allocate(rankingOf(1000, 1500, 2000, 500, 800), 300_000, [
        { requestId: "r5", to: "funded", reason: "  Jury du 12 mars  " },
      ]),
    );
    // 800 € for r5 leaves 2 200 €: r1 (1 000) and… not r2 (1 500 > 1 200): the cut-off is r1
    expect(a.funded).toEqual([
      { requestId: "r1", rank: 1, amountCents: 100_000, byHand: false },
      { requestId: "r5", rank: 5, amountCents: 80_000, byHand: true },
    ]);
    expect(waitingIds(a)).toEqual(["r2", "r3", "r4"]);
    expect(a.lastFundedRank).toBe(1);
    expect(a.moves).toEqual([
      { requestId: "r5", to: "funded", reason: "Jury du 12 mars", rank: 5, amountCents: 80_000 },
    ]);
    expect(a.totalFundedCents).toBe(180_000);
  });

  it("a request moved to the waitlist waits at its rank's place and frees its room for the next by rank", () => {
    const a = allocated(
      allocate(rankingOf(1000, 1500, 2000, 500, 800), 300_000, [
        { requestId: "r2", to: "waitlist", reason: "Dossier à compléter" },
      ]),
    );
    expect(fundedIds(a)).toEqual(["r1", "r3"]);
    expect(a.waitlisted).toEqual([
      { requestId: "r2", rank: 2, position: 1, byHand: true },
      { requestId: "r4", rank: 4, position: 2, byHand: false },
      { requestId: "r5", rank: 5, position: 3, byHand: false },
    ]);
    expect(a.lastFundedRank).toBe(3);
  });

  it("the first request that did not fit, moved to the waitlist, lets the next by rank be weighed", () => {
    const a = allocated(
      allocate(rankingOf(1000, 1500, 2000, 500, 800), 300_000, [
        { requestId: "r3", to: "waitlist", reason: "Dossier à compléter" },
      ]),
    );
    expect(fundedIds(a)).toEqual(["r1", "r2", "r4"]);
    expect(waitingIds(a)).toEqual(["r3", "r5"]);
    expect(a.lastFundedRank).toBe(4);
  });

  it("moves are applied in rank order whatever the order they come in", () => {
    const moves: AllocationMove[] = [
      { requestId: "r5", to: "funded", reason: "b" },
      { requestId: "r4", to: "funded", reason: "a" },
    ];
    const a = allocated(allocate(rankingOf(1000, 1500, 2000, 500, 800), 300_000, moves));
    const b = allocated(
      allocate(rankingOf(1000, 1500, 2000, 500, 800), 300_000, [...moves].reverse()),
    );
    expect(a).toEqual(b);
    expect(a.moves.map((m) => m.requestId)).toEqual(["r4", "r5"]);
  });

  it("refuses moves to funded that together exceed the envelope, naming the requests and amounts", () => {
    const e = refused(
      allocate(rankingOf(1000, 1500, 2000), 300_000, [
        { requestId: "r3", to: "funded", reason: "a" },
        { requestId: "r2", to: "funded", reason: "b" },
      ]),
    );
    expect(e).toMatchObject({
      _tag: "MovesExceedEnvelope",
      requests: [
        { requestId: "r2", amountCents: 150_000 },
        { requestId: "r3", amountCents: 200_000 },
      ],
      totalCents: 350_000,
      envelopeCents: 300_000,
    });
    if (e._tag !== "MovesExceedEnvelope") throw new Error("unreachable");
    expect(e.explain("fr")).toBe(
      "Les 2 demandes retenues à la main représentent 3\u202f500\u00a0€, au-delà de l'enveloppe de 3\u202f000\u00a0€.",
    );
    expect(e.explain("en")).toBe(
      "The 2 requests funded by hand come to €3,500, above the envelope of €3,000.",
    );
  });

  it("a move naming a request that is not ranked is an UnknownMoveRequest", () => {
    const e = refused(
      allocate(rankingOf(1000), 300_000, [{ requestId: "r9", to: "funded", reason: "x" }]),
    );
    expect(e).toMatchObject({ _tag: "UnknownMoveRequest", requestId: "r9" });
  });

  it.each([
    ["an empty reason", [{ requestId: "r1", to: "funded", reason: "   " }], "moves[0].reason"],
    [
      "a request moved twice",
      [
        { requestId: "r1", to: "funded", reason: "a" },
        { requestId: "r1", to: "waitlist", reason: "b" },
      ],
      "moves[1].requestId",
    ],
  ] as const)("refuses %s, naming the field", (_, moves, field) => {
    const e = refused(allocate(rankingOf(1000, 500), 300_000, moves));
    expect(e).toMatchObject({ _tag: "AllocationInputInvalid", field });
  });

  it.each([-1, 10.5, Number.NaN])("refuses an envelope of %s cents", (envelope) => {
    expect(refused(allocate(rankingOf(1000), envelope, []))).toMatchObject({
      _tag: "AllocationInputInvalid",
      field: "envelopeCents",
    });
  });
});

describe("AllocationMoveSchema", () => {
  it("trims the reason and refuses an empty one, naming it", () => {
    expect(
      AllocationMoveSchema.parse({ requestId: "r1", to: "waitlist", reason: "  Pièce manquante " }),
    ).toEqual({ requestId: "r1", to: "waitlist", reason: "Pièce manquante" });
    const r = AllocationMoveSchema.safeParse({ requestId: "r1", to: "funded", reason: "  " });
    expect(r.error?.issues[0]).toMatchObject({ path: ["reason"], message: "must say why" });
    expect(
      AllocationMoveSchema.safeParse({ requestId: "r1", to: "rejected", reason: "x" }).success,
    ).toBe(false);
  });
});
