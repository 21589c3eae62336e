import { describe, expect, it } from "vitest";
import { INSTITUTION, monthly, PARTNERS } from "../../fixtures/fixture-plugins.ts";
import type { RequestState } from "../application-lifecycle.ts";
import { optionsFrom } from "../dated-options.ts";
import { createRegistry } from "../registry.ts";
import { SituationSchema } from "../situation.ts";
import { runWhatIf, startWhatIf, type WhatIfRequest, type WhatIfSetup } from "./what-if.ts";

const BASE = monthly.configure({ rateCents: 30_000 });
const SCENARIO = monthly.configure({ rateCents: 40_000 });
const REGISTRY = createRegistry({ institution: INSTITUTION, plugins: [BASE], partners: PARTNERS });

/** A request for a stay of `months` 30-day months from 1 Feb 2027 (or outside Europe: ineligible). */
const request = (
  id: string,
  months: number,
  extra: {
    state?: RequestState;
    echelon?: string;
    minute?: number;
    approvedCents?: number;
    host?: string;
  } = {},
): WhatIfRequest => {
  const end = new Date(Date.UTC(2027, 1 + months, 0)).toISOString().slice(0, 10);
  return {
    requestId: id,
    situation: SituationSchema.parse({
      student: {
        programme: { level: "engineering", year: 2, mode: "initial", gapYear: false },
        crous: { boursier: true, echelon: extra.echelon ?? "1" },
        fewerOpportunities: { disability: false, qpv: false, zrr: false },
        history: { erasmusDaysInCycle: 0 },
      },
      mobility: {
        kind: "study",
        framework: "inter-institution-agreement",
        host: { partner: extra.host ?? "tu-berlin" },
        start: "2027-02-01",
        end,
      },
    }),
    state: extra.state ?? "submitted",
    submittedAt: `2027-01-10T09:${String(extra.minute ?? 0).padStart(2, "0")}:00Z`,
    approvedCents: extra.approvedCents ?? null,
  };
};

const setup = (over: Partial<WhatIfSetup> = {}): WhatIfSetup => ({
  registry: REGISTRY,
  base: BASE,
  scenario: SCENARIO,
  envelopes: { base: 600_000, scenario: 600_000 },
  asOf: "2026-12-01",
  ...over,
});

// 4 months: 1 200 € old, 1 600 € new; 5 months: 1 500 € / 2 000 €; Montréal: ineligible
const POPULATION = [
  request("a", 4, { minute: 1 }),
  request("b", 5, { minute: 2, echelon: "5" }),
  request("c", 4, { minute: 3 }),
  request("d", 4, { minute: 4, echelon: "5" }),
  request("e", 4, { minute: 5, host: "mcgill" }),
  request("approved", 4, { state: "approved", approvedCents: 100_000 }),
  request("draft", 4, { state: "draft" }),
  request("refused", 4, { state: "rejected" }),
];

describe("what-if: a scheme's options and envelope changed over the year's requests", () => {
  it("gives each pending request its old and new amount, decided requests keep their figures", () => {
    const { summary, rows } = startWhatIf(setup()).finish();
    expect(summary).toMatchObject({ requests: 0, decided: 0, pending: 0 });
    expect(rows).toEqual([]);

    const w = startWhatIf(setup());
    w.add(POPULATION);
    const result = w.finish();
    expect(result.summary).toMatchObject({
      requests: 8,
      decided: 1,
      pending: 5,
      other: 2,
      unevaluated: 0,
    });
    // the approved grant holds 1 000 € on both sides, never re-evaluated
    expect(result.summary.base.decidedCents).toBe(100_000);
    expect(result.summary.scenario.decidedCents).toBe(100_000);
    expect(result.summary.base.demandCents).toBe(100_000 + 120_000 * 3 + 150_000);
    expect(result.summary.scenario.demandCents).toBe(100_000 + 160_000 * 3 + 200_000);
    expect(result.summary.base.eligible).toBe(4);
    expect(result.summary.amountChanged).toBe(4);
    const byId = new Map(result.rows.map((r) => [r.requestId, r]));
    expect(byId.get("a")).toMatchObject({ baseCents: 120_000, scenarioCents: 160_000 });
    expect(byId.get("b")).toMatchObject({ baseCents: 150_000, scenarioCents: 200_000 });
    expect(byId.has("e")).toBe(false);
    expect(byId.has("approved")).toBe(false);
  });

  it("funds in submission order within the envelope left by the decisions: who enters, who leaves", () => {
    // old: 6 000 − 1 000 = 5 000 left: a 1 200, b 1 500, c 1 200 (3 900), d 1 200 → 5 100 > 5 000: waits
    // new: a 1 600, b 2 000 (3 600), c 1 600 → 5 200 > 5 000: c and d wait
    const w = startWhatIf(setup());
    w.add(POPULATION);
    const { summary, rows } = w.finish();
    expect(summary.rules).toEqual(["submitted-at"]);
    expect(summary.base).toMatchObject({
      funded: 1 + 3,
      fundedCents: 100_000 + 390_000,
      waitlisted: 1,
      lastFundedRank: 3,
    });
    expect(summary.scenario).toMatchObject({
      funded: 1 + 2,
      fundedCents: 100_000 + 360_000,
      waitlisted: 2,
      lastFundedRank: 2,
    });
    expect(summary.entering).toBe(0);
    expect(summary.leaving).toBe(1);
    expect(rows.find((r) => r.requestId === "c")).toEqual({
      requestId: "c",
      baseCents: 120_000,
      scenarioCents: 160_000,
      fundedBefore: true,
      fundedAfter: false,
      scenarioRank: 3,
    });
    // never above the envelope, on either side
    expect(summary.base.fundedCents).toBeLessThanOrEqual(summary.base.envelopeCents);
    expect(summary.scenario.fundedCents).toBeLessThanOrEqual(summary.scenario.envelopeCents);
  });

  it("funds within the envelope less what the budget holds committed, when given, as a proposal does", () => {
    // 2 500 € held (1 000 € approved, 1 500 € paid on a grant cancelled since): 3 500 € left,
    // a 1 200 + b 1 500 = 2 700, c 1 200 → 3 900 > 3 500: c waits
    const w = startWhatIf(setup({ committedCents: 250_000 }));
    w.add(POPULATION);
    const { summary } = w.finish();
    expect(summary.base).toMatchObject({ funded: 1 + 2, lastFundedRank: 2 });
    expect(summary.base.fundedCents - summary.base.decidedCents).toBeLessThanOrEqual(
      600_000 - 250_000,
    );
  });

  it("ranks by the call's rules when given, and a larger envelope lets students enter", () => {
    const w = startWhatIf(
      setup({ rules: ["crous-echelon"], envelopes: { base: 400_000, scenario: 700_000 } }),
    );
    w.add(POPULATION);
    const { summary, rows } = w.finish();
    // échelon 5 first (b, d), then a, c by submission
    // old: 3 000 left: b 1 500, d 1 200 (2 700), a waits; new: 6 000 left: b 2 000, d 1 600, a 1 600 (5 200), c waits
    expect(summary.base).toMatchObject({ funded: 3, lastFundedRank: 2 });
    expect(summary.scenario).toMatchObject({ funded: 4, lastFundedRank: 3 });
    expect(summary.entering).toBe(1);
    expect(rows.map((r) => [r.requestId, r.scenarioRank, r.fundedAfter])).toEqual([
      ["b", 1, true],
      ["d", 2, true],
      ["a", 3, true],
      ["c", 4, false],
    ]);
  });

  it("gives the same result whatever the batches and their order", async () => {
    const once = startWhatIf(setup({ rules: ["crous-echelon"] }));
    once.add(POPULATION);
    const progress: number[] = [];
    const reversed = [...POPULATION].reverse();
    const batches = [reversed.slice(0, 3), reversed.slice(3, 5), reversed.slice(5)];
    const streamed = await runWhatIf(setup({ rules: ["crous-echelon"] }), batches, (done) =>
      progress.push(done),
    );
    expect(streamed).toEqual(once.finish());
    expect(progress).toEqual([3, 5, 8]);
  });

  it("lists up to the row limit and counts the rest", () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      request(`r${String(i).padStart(2, "0")}`, 4, { minute: i }),
    );
    const w = startWhatIf(setup({ rowLimit: 10, envelopes: { base: 0, scenario: 0 } }));
    w.add(many);
    const { rows, rowsOmitted, summary } = w.finish();
    expect(summary.amountChanged).toBe(30);
    expect(rows).toHaveLength(10);
    expect(rowsOmitted).toBe(20);
    expect(rows.map((r) => r.scenarioRank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("evaluates a scheme whose options change from a date by each stay's start", () => {
    const dated = optionsFrom(BASE, "2027-03-01", SCENARIO);
    const w = startWhatIf(setup({ scenario: dated }));
    w.add([request("before", 4)]);
    // the stay starts on 1 February, before the new options: its amount does not change
    expect(w.finish().summary.amountChanged).toBe(0);
  });
});
