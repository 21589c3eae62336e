import { describe, expect, it } from "vitest";
import {
  chartPairs,
  comparison,
  percentDone,
  requestName,
  type Scenario,
  scenarioLine,
  type WhatIfSide,
} from "./scenario.ts";

const side = (over: Partial<WhatIfSide>): WhatIfSide => ({
  envelopeCents: 1_000_000,
  decidedCents: 0,
  demandCents: 0,
  eligible: 0,
  funded: 0,
  fundedCents: 0,
  waitlisted: 0,
  lastFundedRank: null,
  ...over,
});

const run = (
  number: number,
  base: Partial<WhatIfSide>,
  scenario: Partial<WhatIfSide>,
  moved: { entering: number; leaving: number },
): Scenario => ({
  number,
  options: {},
  since: "2026-07-01",
  envelopeCents: null,
  summary: {
    requests: 4,
    decided: 0,
    pending: 4,
    other: 0,
    unevaluated: 0,
    rules: ["submitted-at"],
    base: side(base),
    scenario: side(scenario),
    ...moved,
    amountChanged: 4,
  },
  rows: [],
  rowsOmitted: 0,
});

describe("comparison", () => {
  it("is empty before a first run", () => {
    expect(comparison([])).toEqual([]);
  });

  it("puts today's line (from the latest run) first, then every scenario in the order run", () => {
    const first = run(
      1,
      { demandCents: 1_800_000, funded: 2, fundedCents: 900_000 },
      { demandCents: 1_600_000, funded: 3, fundedCents: 960_000 },
      { entering: 1, leaving: 0 },
    );
    const second = run(
      2,
      { demandCents: 1_900_000, funded: 2, fundedCents: 950_000 },
      { demandCents: 1_900_000, envelopeCents: 2_000_000, funded: 4, fundedCents: 1_900_000 },
      { entering: 2, leaving: 0 },
    );
    expect(comparison([first, second])).toEqual([
      {
        scenario: null,
        demandCents: 1_900_000,
        envelopeCents: 1_000_000,
        funded: 2,
        fundedCents: 950_000,
        entering: null,
        leaving: null,
      },
      {
        scenario: 1,
        demandCents: 1_600_000,
        envelopeCents: 1_000_000,
        funded: 3,
        fundedCents: 960_000,
        entering: 1,
        leaving: 0,
      },
      {
        scenario: 2,
        demandCents: 1_900_000,
        envelopeCents: 2_000_000,
        funded: 4,
        fundedCents: 1_900_000,
        entering: 2,
        leaving: 0,
      },
    ]);
  });
});

describe("chartPairs", () => {
  it("scales every bar on the largest figure and says where demand is over the envelope", () => {
    const lines = comparison([
      run(1, { demandCents: 2_000_000 }, { demandCents: 500_000 }, { entering: 0, leaving: 0 }),
    ]);
    expect(chartPairs(lines)).toEqual([
      { scenario: null, demand: 1, envelope: 0.5, over: true },
      { scenario: 1, demand: 0.25, envelope: 0.5, over: false },
    ]);
  });

  it("draws nothing tall for a year with no demand and no envelope", () => {
    const lines = comparison([
      run(1, { envelopeCents: 0 }, { envelopeCents: 0 }, { entering: 0, leaving: 0 }),
    ]);
    expect(chartPairs(lines).map((p) => [p.demand, p.envelope, p.over])).toEqual([
      [0, 0, false],
      [0, 0, false],
    ]);
  });
});

describe("scenarioLine", () => {
  it("reads progress, result and error lines", () => {
    expect(scenarioLine({ type: "progress", done: 1000, total: 4000 })).toEqual({
      type: "progress",
      done: 1000,
      total: 4000,
    });
    const result = {
      type: "result",
      summary: { base: {}, scenario: {} },
      rows: [],
      rowsOmitted: 0,
    };
    expect(scenarioLine(result)).toBe(result);
    expect(scenarioLine({ type: "error", title: "Database unavailable" })).toEqual({
      type: "error",
      title: "Database unavailable",
    });
  });

  it("refuses anything else", () => {
    expect(() => scenarioLine({ type: "progress", done: "1" })).toThrow();
    expect(() => scenarioLine({ type: "result", rows: [] })).toThrow();
    expect(() => scenarioLine(null)).toThrow();
  });
});

describe("percentDone", () => {
  it("is a whole percentage, 0 while the total is unknown, never past 100", () => {
    expect(percentDone(0, 0)).toBe(0);
    expect(percentDone(1000, 3000)).toBe(33);
    expect(percentDone(3000, 3000)).toBe(100);
    expect(percentDone(4000, 3000)).toBe(100);
  });
});

describe("requestName", () => {
  const names = new Map([["0f3c2a9e-1111-4222-8333-944445555666", "Léa Martin"]]);

  it("names the applicant when the proposed allocation holds the request", () => {
    expect(requestName(names, "0f3c2a9e-1111-4222-8333-944445555666")).toEqual({
      name: "Léa Martin",
    });
  });

  it("else gives the request id's first 8 characters, never the whole uuid", () => {
    expect(requestName(names, "7b1d0c44-aaaa-4bbb-8ccc-dddddddddddd")).toEqual({
      short: "7b1d0c44",
    });
  });
});
