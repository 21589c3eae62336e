/**
 * The budgets page's numbers: one row per scheme the school offers, with its envelope for the
 * year when one is set, the totals, and the chart's series (committed, paid, remaining, in
 * euros for its bars; the table beside the chart shows the same numbers in cents formatted).
 */

export interface BudgetNumbers {
  readonly scheme: string;
  readonly envelopeCents: number;
  readonly committedCents: number;
  readonly paidCents: number;
  readonly remainingCents: number;
}

export interface BudgetRow {
  readonly scheme: string;
  readonly name: string;
  /** null: no envelope set for the year yet. */
  readonly budget: BudgetNumbers | null;
}

/**
 * Every scheme of the catalogue, in its order, with its envelope; an envelope of a scheme the
 * catalogue no longer has still shows (the money was committed), named by its id.
 */
export const budgetRows = (
  schemes: readonly { readonly id: string; readonly name: string }[],
  budgets: readonly BudgetNumbers[],
): BudgetRow[] => {
  const byScheme = new Map(budgets.map((b) => [b.scheme, b]));
  const rows = schemes.map((s) => ({
    scheme: s.id,
    name: s.name,
    budget: byScheme.get(s.id) ?? null,
  }));
  const known = new Set(schemes.map((s) => s.id));
  for (const b of budgets)
    if (!known.has(b.scheme)) rows.push({ scheme: b.scheme, name: b.scheme, budget: b });
  return rows;
};

export const budgetTotals = (budgets: readonly BudgetNumbers[]): Omit<BudgetNumbers, "scheme"> =>
  budgets.reduce(
    (sum, b) => ({
      envelopeCents: sum.envelopeCents + b.envelopeCents,
      committedCents: sum.committedCents + b.committedCents,
      paidCents: sum.paidCents + b.paidCents,
      remainingCents: sum.remainingCents + b.remainingCents,
    }),
    { envelopeCents: 0, committedCents: 0, paidCents: 0, remainingCents: 0 },
  );

export const CHART_SERIES = ["committed", "paid", "remaining"] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

export interface ChartDatum {
  readonly scheme: string;
  readonly name: string;
  /** Euros, for the bars' amounts (written compactly: "12,5 k€"). */
  readonly committed: number;
  readonly paid: number;
  readonly remaining: number;
}

/** The chart's bars: the schemes with an envelope, in euros. */
export const chartData = (rows: readonly BudgetRow[]): ChartDatum[] =>
  rows.flatMap((r) =>
    r.budget === null
      ? []
      : [
          {
            scheme: r.scheme,
            name: r.name,
            committed: r.budget.committedCents / 100,
            paid: r.budget.paidCents / 100,
            remaining: r.budget.remainingCents / 100,
          },
        ],
  );
