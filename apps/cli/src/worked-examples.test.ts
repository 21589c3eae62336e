/**
 * The rulebook's worked examples (§9), end to end through the CLI a plugin author uses: the
 * real plugins, the Télécom Paris configuration (its five schemes of the rulebook) and the demo
 * catalogue.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { WORKED_EXAMPLE_1 } from "@envol/domain/reference";
import { describe, expect, it } from "vitest";

const main = resolve(import.meta.dirname, "main.ts");
const tsx = resolve(import.meta.dirname, "../node_modules/.bin/tsx");

interface Report {
  fundedDays: number;
  distanceKm: number;
  schemes: {
    scheme: string;
    verdict: string;
    criteria: { id: string; status: string; hint: string | null }[];
    estimate: { totalCents: number } | null;
  }[];
  plan: { items: { scheme: string; amountCents: number }[]; totalCents: number };
}

/** The schemes of the school's page, which the worked examples speak of (a scheme added later would join the plan). */
const RULEBOOK_SCHEMES = "idf,erasmus,mic,fitec,alumni";

const simulate = (situation: unknown, lang = "en"): Report => {
  const r = spawnSync(tsx, [main, "simulate", "--lang", lang, "--schemes", RULEBOOK_SCHEMES], {
    input: JSON.stringify(situation),
    encoding: "utf8",
  });
  expect(r.stderr.trim(), "stderr").toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Report;
};

/** Example 1 of the rulebook, which is also the request of ARCHITECTURE §4.1. */
const example1 = WORKED_EXAMPLE_1;

it("docs/examples/situation.json, which the README and the API bench send, is worked example 1", () => {
  const file = resolve(import.meta.dirname, "../../../docs/examples/situation.json");
  expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(example1);
});

const scheme = (r: Report, id: string) => r.schemes.find((s) => s.scheme === id);
const verdicts = (r: Report) => Object.fromEntries(r.schemes.map((s) => [s.scheme, s.verdict]));
const amounts = (r: Report) =>
  Object.fromEntries(r.schemes.map((s) => [s.scheme, s.estimate?.totalCents ?? null]));
const plan = (r: Report) => Object.fromEntries(r.plan.items.map((i) => [i.scheme, i.amountCents]));

describe("rulebook §9 worked examples, through pnpm envol simulate", () => {
  it("1. TU Berlin, échelon 5, Call 2026: Erasmus+ 1 460 + 309 = 1 769 €, IDF 2 250 €, alumni 611 € in the plan, plan 4 630 €", () => {
    const r = simulate(example1);
    expect(r.fundedDays).toBe(150);
    expect(r.distanceKm).toBeGreaterThanOrEqual(885);
    expect(r.distanceKm).toBeLessThanOrEqual(895);
    expect(verdicts(r)).toEqual({
      idf: "eligible",
      erasmus: "eligible",
      mic: "ineligible",
      fitec: "ineligible",
      alumni: "eligible",
    });
    // travel support for all from Call 2025 (rulebook §2); the alumni aid alone is its cap in Europe
    expect(amounts(r)).toMatchObject({ erasmus: 176900, idf: 225000, alumni: 80000 });
    for (const id of ["mic", "fitec"]) {
      expect(
        scheme(r, id)
          ?.criteria.filter((c) => c.status === "unmet")
          .map((c) => c.id),
      ).toContain("destination");
    }
    // in the plan the alumni aid subtracts the 309 € of travel Erasmus+ pays: 920 − 309 = 611 €
    expect(plan(r)).toEqual({ erasmus: 176900, idf: 225000, alumni: 61100 });
    expect(r.plan.totalCents).toBe(463000);
  });

  it("2. échelon 7 and green travel: Erasmus+ 3 127 €, alumni 503 € in the plan, plan 5 880 €", () => {
    const r = simulate({
      ...example1,
      student: { ...example1.student, crous: { boursier: true, echelon: "7" } },
      mobility: { ...example1.mobility, greenTravel: true },
    });
    expect(amounts(r)).toMatchObject({ erasmus: 312700, idf: 225000 });
    expect(plan(r)).toEqual({ erasmus: 312700, idf: 225000, alumni: 50300 });
    expect(r.plan.totalCents).toBe(588000);
  });

  it("3. Politecnico di Milano for 44 funded days: Erasmus+ ineligible on duration (16 more days), IDF 660 €", () => {
    const r = simulate({
      ...example1,
      student: { ...example1.student, household: { quotientFamilial: 1000000, nonTaxable: false } },
      mobility: {
        ...example1.mobility,
        host: { partner: "polimi" },
        start: "2027-03-01",
        end: "2027-04-14",
      },
    });
    expect(r.fundedDays).toBe(44);
    const erasmus = scheme(r, "erasmus");
    expect(erasmus?.verdict).toBe("ineligible");
    const duration = erasmus?.criteria.find((c) => c.id === "duration");
    expect(duration?.status).toBe("unmet");
    expect(duration?.hint).toMatch(/\b16 days\b/);
    expect(amounts(r).idf).toBe(66000);
  });
});
