import type { SchemeResult, SimulationReport } from "@envol/domain";

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

/**
 * What the results' live announcement says, as the plan summary and the cards show it: the best
 * combination at its most while questions are open ("up to"), else what is acquired; and the
 * grants still possible among the participant's own, those waiting for answers included (only
 * the ineligible are not possible).
 */
export const announcementOf = (
  report: SimulationReport,
  own: readonly Pick<SchemeResult, "verdict">[],
): { readonly totalCents: number; readonly upTo: boolean; readonly possible: number } => {
  const { upToCents } = planView(report);
  return {
    totalCents: upToCents ?? report.plan.totalCents,
    upTo: upToCents !== null,
    possible: own.filter((s) => s.verdict !== "ineligible").length,
  };
};
