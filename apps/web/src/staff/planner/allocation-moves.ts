/**
 * The moves by hand an allocation holds (ADR 017), read back from its rows — the office's reason
 * is on each row moved — so that proposing it again (other rules, one more move) keeps them.
 */

export interface MovedRow {
  readonly requestId: string;
  readonly funded: boolean;
  readonly byHand: boolean;
  readonly reason: string | null;
}

export interface Move {
  readonly requestId: string;
  readonly to: "funded" | "waitlist";
  readonly reason: string;
}

/** Each row moved by hand as the move that put it there, in rank order. */
export const movesOf = (allocation: { readonly rows: readonly MovedRow[] }): Move[] =>
  allocation.rows
    .filter((r) => r.byHand)
    .map((r) => ({
      requestId: r.requestId,
      to: r.funded ? "funded" : "waitlist",
      reason: r.reason ?? "",
    }));

/** The moves with `move` in place of any earlier one of the same request, last. */
export const withMove = (moves: readonly Move[], move: Move): Move[] => [
  ...moves.filter((m) => m.requestId !== move.requestId),
  move,
];

/**
 * The moves without any of `requestId`: that request goes back to where the ranking puts it
 * (a move that "undoes" an earlier one would still be a move, said "outside the ranking").
 */
export const withoutMove = (moves: readonly Move[], requestId: string): Move[] =>
  moves.filter((m) => m.requestId !== requestId);
