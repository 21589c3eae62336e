import type { SimulationReport } from "@envol/domain";

/** A scheme of the best combination the open questions could lead to, still to be settled. */
export interface PendingItem {
  readonly scheme: string;
  readonly name: string;
  /** The most it could give ("jusqu'à"). */
  readonly upToCents: number;
  /** The questions that would settle it (request paths). */
  readonly missing: readonly string[];
}

/**
 * What the plan summary shows: the schemes already acquired with these answers and their total,
 * then the schemes the remaining questions could still open, each at its most, and the total
 * the best combination could then reach (exclusive schemes never added up: the API chose).
 */
export interface PlanView {
  readonly certain: readonly {
    readonly scheme: string;
    readonly name: string;
    readonly amountCents: number;
    readonly note?: string;
  }[];
  readonly certainCents: number;
  readonly pending: readonly PendingItem[];
  /** Null when nothing is left open. */
  readonly upToCents: number | null;
}

export const planView = (report: SimulationReport): PlanView => {
  const byId = new Map(report.schemes.map((s) => [s.scheme, s]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const upTo = report.plan.upTo;
  return {
    certain: report.plan.items.map((i) => ({ ...i, name: nameOf(i.scheme) })),
    certainCents: report.plan.totalCents,
    pending: (upTo?.items ?? [])
      .filter((i) => i.pending)
      .map((i) => ({
        scheme: i.scheme,
        name: nameOf(i.scheme),
        upToCents: i.amountCents,
        missing: byId.get(i.scheme)?.missing ?? [],
      })),
    upToCents: upTo && upTo.totalCents > report.plan.totalCents ? upTo.totalCents : null,
  };
};
