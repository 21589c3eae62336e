import { describe, expect, it } from "vitest";
import { dated, INSTITUTION, monthly, PARTNERS } from "../fixtures/fixture-plugins.ts";
import { optionsFrom } from "./dated-options.ts";
import { evaluate } from "./engine.ts";
import type { ConfiguredPlugin } from "./plugin.ts";
import { createRegistry } from "./registry.ts";
import { SituationSchema } from "./situation.ts";

const STUDENT = {
  programme: { level: "engineering", year: 2, mode: "initial", gapYear: false },
  crous: { boursier: true, echelon: "5" },
  household: { quotientFamilial: 1_200_000, nonTaxable: false },
  fewerOpportunities: { disability: false, qpv: false, zrr: false },
  history: { erasmusDaysInCycle: 0, amiMonthsTotal: 0 },
};

/** A stay at TU Berlin of exactly four 30-day months from `start`. */
const stay = (start: string, end: string) =>
  SituationSchema.parse({
    student: STUDENT,
    mobility: {
      kind: "study",
      framework: "inter-institution-agreement",
      host: { partner: "tu-berlin" },
      start,
      end,
    },
  });

const amountOf = (plugin: ConfiguredPlugin, start: string, end: string) => {
  const registry = createRegistry({
    institution: INSTITUTION,
    plugins: [plugin],
    partners: PARTNERS,
  });
  const result = evaluate(stay(start, end), registry, { asOf: "2026-11-26", lang: "en" })
    .schemes[0];
  return { verdict: result?.verdict, cents: result?.estimate?.totalCents ?? null };
};

const BASE = monthly.configure({ rateCents: 29_200 });
const NEXT = monthly.configure({ rateCents: 40_000 });
const COMPOSED = optionsFrom(BASE, "2027-09-01", NEXT);

describe("optionsFrom: a scheme's options changed from a date", () => {
  it("prices a stay starting the day before `since` with the old options, on `since` and after with the new", () => {
    // 4 months × 292 € and 4 months × 400 €
    expect(amountOf(COMPOSED, "2027-08-31", "2027-12-30")).toEqual({
      verdict: "eligible",
      cents: 116_800,
    });
    expect(amountOf(COMPOSED, "2027-09-01", "2027-12-31")).toEqual({
      verdict: "eligible",
      cents: 160_000,
    });
    expect(amountOf(COMPOSED, "2027-09-02", "2028-01-01")).toEqual({
      verdict: "eligible",
      cents: 160_000,
    });
    // the same as each plugin alone on its side of the date
    expect(amountOf(COMPOSED, "2027-08-31", "2027-12-30")).toEqual(
      amountOf(BASE, "2027-08-31", "2027-12-30"),
    );
    expect(amountOf(COMPOSED, "2027-09-01", "2027-12-31")).toEqual(
      amountOf(NEXT, "2027-09-01", "2027-12-31"),
    );
  });

  it("lists the old periods before `since`, then the new one re-dated to `since`", () => {
    expect(COMPOSED.periods.map((p) => p.since)).toEqual(["2024-07-01", "2027-09-01"]);
    expect(COMPOSED.periodFor("2027-08-31").parameters.rate?.value).toBe(29_200);
    expect(COMPOSED.periodFor("2027-09-01").parameters.rate?.value).toBe(40_000);
  });

  it("stores the options in force for the stay's start, for an approval's recalculation", () => {
    expect(COMPOSED.optionsFor("2027-08-31")).toEqual({ rateCents: 29_200 });
    expect(COMPOSED.optionsFor("2027-09-01")).toEqual({ rateCents: 40_000 });
    expect(COMPOSED.options).toEqual({ rateCents: 40_000 });
  });

  it("keeps a stay before the scheme's first period ineligible on `period`, never priced", () => {
    const before = amountOf(COMPOSED, "2024-02-01", "2024-05-31");
    expect(before).toEqual({ verdict: "ineligible", cents: null });
  });

  it("keeps the new plugin's later periods, and a second change composes on the first", () => {
    const twice = optionsFrom(COMPOSED, "2028-09-01", monthly.configure({ rateCents: 35_000 }));
    expect(twice.periods.map((p) => p.since)).toEqual(["2024-07-01", "2027-09-01", "2028-09-01"]);
    expect(amountOf(twice, "2027-08-31", "2027-12-30").cents).toBe(116_800);
    expect(amountOf(twice, "2028-08-31", "2028-12-30").cents).toBe(160_000);
    expect(amountOf(twice, "2028-09-01", "2028-12-31").cents).toBe(140_000);
    // a scheme with two dated sets keeps the later one of the new options after `since`
    const d = optionsFrom(dated.configure(), "2020-01-01", dated.configure());
    expect(d.periods.map((p) => p.since)).toEqual(["2018-07-19", "2020-01-01", "2024-07-01"]);
    expect(d.periodFor("2024-07-01").parameters.minDays?.value).toBe(30);
    expect(d.periodFor("2023-07-01").parameters.minDays?.value).toBe(60);
  });

  it("refuses options of another scheme, or new figures that start after `since`", () => {
    expect(() => optionsFrom(BASE, "2027-09-01", dated.configure())).toThrow(/cannot start/);
    expect(() => optionsFrom(BASE, "2020-01-01", NEXT)).toThrow(/no figures in force/);
  });
});
