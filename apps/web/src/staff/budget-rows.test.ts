import { describe, expect, it } from "vitest";
import { budgetRows, budgetTotals, chartData } from "./budget-rows.ts";

const schemes = [
  { id: "idf", name: "Bourse Mobilité Île-de-France" },
  { id: "erasmus", name: "Erasmus+ Europe" },
  { id: "alumni", name: "Aide des alumni" },
];
const erasmus = {
  scheme: "erasmus",
  envelopeCents: 20000000,
  committedCents: 247226,
  paidCents: 0,
  remainingCents: 19752774,
};
const fitec = {
  scheme: "fitec",
  envelopeCents: 4000000,
  committedCents: 290000,
  paidCents: 232000,
  remainingCents: 3710000,
};

describe("the budgets' rows", () => {
  it("list every scheme in the catalogue's order, with its envelope or none", () => {
    const rows = budgetRows(schemes, [erasmus]);
    expect(rows.map((r) => [r.scheme, r.budget?.envelopeCents ?? null])).toEqual([
      ["idf", null],
      ["erasmus", 20000000],
      ["alumni", null],
    ]);
    expect(rows[1]?.name).toBe("Erasmus+ Europe");
  });

  it("keep an envelope whose scheme left the catalogue, named by its id", () => {
    const rows = budgetRows(schemes, [fitec]);
    expect(rows.at(-1)).toEqual({ scheme: "fitec", name: "fitec", budget: fitec });
  });

  it("add up", () => {
    expect(budgetTotals([erasmus, fitec])).toEqual({
      envelopeCents: 24000000,
      committedCents: 537226,
      paidCents: 232000,
      remainingCents: 23462774,
    });
    expect(budgetTotals([])).toEqual({
      envelopeCents: 0,
      committedCents: 0,
      paidCents: 0,
      remainingCents: 0,
    });
  });
});

describe("the chart", () => {
  it("has a bar group per scheme with an envelope, in euros", () => {
    expect(chartData(budgetRows(schemes, [erasmus]))).toEqual([
      {
        scheme: "erasmus",
        name: "Erasmus+ Europe",
        committed: 2472.26,
        paid: 0,
        remaining: 197527.74,
      },
    ]);
  });
});
