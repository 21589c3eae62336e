import { describe, expect, it } from "vitest";
import { movesOf, withMove, withoutMove } from "./allocation-moves.ts";

const row = (requestId: string, funded: boolean, reason: string | null) => ({
  requestId,
  funded,
  byHand: reason !== null,
  reason,
});

describe("movesOf", () => {
  it("gives back each move by hand with its reason, funded or to the waitlist, in rank order", () => {
    const allocation = {
      rows: [
        row("a", true, null),
        row("b", true, "Jury's decision"),
        row("c", false, null),
        row("d", false, "Withdrew orally"),
      ],
    };
    expect(movesOf(allocation)).toEqual([
      { requestId: "b", to: "funded", reason: "Jury's decision" },
      { requestId: "d", to: "waitlist", reason: "Withdrew orally" },
    ]);
  });

  it("gives none for an allocation ranked only by its rules", () => {
    expect(movesOf({ rows: [row("a", true, null), row("b", false, null)] })).toEqual([]);
  });
});

describe("withMove", () => {
  it("puts the new move last, replacing an earlier one of the same request", () => {
    const earlier = [
      { requestId: "b", to: "funded" as const, reason: "first" },
      { requestId: "d", to: "waitlist" as const, reason: "second" },
    ];
    expect(withMove(earlier, { requestId: "b", to: "waitlist", reason: "changed" })).toEqual([
      { requestId: "d", to: "waitlist", reason: "second" },
      { requestId: "b", to: "waitlist", reason: "changed" },
    ]);
  });
});

describe("withoutMove", () => {
  it("drops the request's move and keeps the others in order", () => {
    const moves = [
      { requestId: "b", to: "funded" as const, reason: "first" },
      { requestId: "d", to: "waitlist" as const, reason: "second" },
      { requestId: "e", to: "funded" as const, reason: "third" },
    ];
    expect(withoutMove(moves, "d")).toEqual([
      { requestId: "b", to: "funded", reason: "first" },
      { requestId: "e", to: "funded", reason: "third" },
    ]);
  });

  it("leaves the moves as they are for a request without one", () => {
    const moves = [{ requestId: "b", to: "funded" as const, reason: "first" }];
    expect(withoutMove(moves, "z")).toEqual(moves);
  });
});
