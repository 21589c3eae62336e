/**
 * The what-if's answer as the page keeps it (ADR 020): the stream's lines read and checked,
 * each run kept as a scenario, and the comparison the page shows side by side — today's
 * options and envelope ("base") against each scenario — with the chart's bars.
 */

import type { WhatIfRow, WhatIfSide, WhatIfSummary } from "@envol/domain";

// the result's shapes are the domain's (the stream's lines are checked below, not typed by the client)
export type { WhatIfRow, WhatIfSide, WhatIfSummary } from "@envol/domain";

export type ScenarioLine =
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | {
      readonly type: "result";
      readonly summary: WhatIfSummary;
      readonly rows: readonly WhatIfRow[];
      readonly rowsOmitted: number;
    }
  | { readonly type: "error"; readonly title: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** A line of the stream, checked for what the page reads; anything else throws. */
export const scenarioLine = (value: unknown): ScenarioLine => {
  if (isRecord(value)) {
    if (
      value.type === "progress" &&
      typeof value.done === "number" &&
      typeof value.total === "number"
    )
      return { type: "progress", done: value.done, total: value.total };
    if (
      value.type === "result" &&
      isRecord(value.summary) &&
      isRecord(value.summary.base) &&
      isRecord(value.summary.scenario) &&
      Array.isArray(value.rows)
    )
      return value as unknown as ScenarioLine;
    if (value.type === "error")
      return { type: "error", title: typeof value.title === "string" ? value.title : "" };
  }
  throw new Error("not a line of the what-if's stream");
};

/** A run kept in the page: what was asked and what came back. */
export interface Scenario {
  /** 1, 2, 3… in the order they were run. */
  readonly number: number;
  /** The options sent (only those changed), in the API's units. */
  readonly options: Readonly<Record<string, number>>;
  /** The day (ISO) from which the stays get them. */
  readonly since: string;
  /** The envelope asked; null: the year's as it stands. */
  readonly envelopeCents: number | null;
  readonly summary: WhatIfSummary;
  readonly rows: readonly WhatIfRow[];
  readonly rowsOmitted: number;
}

/**
 * How a changed row names its request: the applicant's name when the proposed allocation holds
 * it, else the request id's first 8 characters (a uuid says nothing to the office).
 */
export const requestName = (
  names: ReadonlyMap<string, string>,
  requestId: string,
): { readonly name: string } | { readonly short: string } => {
  const name = names.get(requestId);
  return name === undefined ? { short: requestId.slice(0, 8) } : { name };
};

/** A line of the side-by-side table: today, or a scenario's. */
export interface ComparisonLine {
  /** null: today's options and envelope. */
  readonly scenario: number | null;
  readonly demandCents: number;
  readonly envelopeCents: number;
  readonly funded: number;
  readonly fundedCents: number;
  /** null for today's line. */
  readonly entering: number | null;
  readonly leaving: number | null;
}

/**
 * Today's line (from the latest run: the requests may have moved since an earlier one), then
 * each scenario's, in the order they were run. Nothing before a first run.
 */
export const comparison = (scenarios: readonly Scenario[]): ComparisonLine[] => {
  const latest = scenarios.at(-1);
  if (latest === undefined) return [];
  const line = (side: WhatIfSide) => ({
    demandCents: side.demandCents,
    envelopeCents: side.envelopeCents,
    funded: side.funded,
    fundedCents: side.fundedCents,
  });
  return [
    { scenario: null, ...line(latest.summary.base), entering: null, leaving: null },
    ...scenarios.map((s) => ({
      scenario: s.number,
      ...line(s.summary.scenario),
      entering: s.summary.entering,
      leaving: s.summary.leaving,
    })),
  ];
};

/** A pair of bars of the chart: demand and envelope, as fractions of the tallest figure. */
export interface ChartPair {
  readonly scenario: number | null;
  readonly demand: number;
  readonly envelope: number;
  /** Demand over the envelope. */
  readonly over: boolean;
}

/** The chart's bars for the comparison's lines, scaled on the largest figure of all. */
export const chartPairs = (lines: readonly ComparisonLine[]): ChartPair[] => {
  const top = Math.max(1, ...lines.flatMap((l) => [l.demandCents, l.envelopeCents]));
  return lines.map((l) => ({
    scenario: l.scenario,
    demand: l.demandCents / top,
    envelope: l.envelopeCents / top,
    over: l.demandCents > l.envelopeCents,
  }));
};

/** Progress as a whole percentage; 0 before the total is known. */
export const percentDone = (done: number, total: number): number =>
  total <= 0 ? 0 : Math.min(100, Math.round((done / total) * 100));
