import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INSTITUTION, monthly, PARTNERS } from "../../fixtures/fixture-plugins.ts";
import { PRIORITY_RULE_IDS } from "../allocation/priority-rules.ts";
import type { RequestState } from "../application-lifecycle.ts";
import { createRegistry } from "../registry.ts";
import { SituationSchema } from "../situation.ts";
import { DECIDED_STATES, startWhatIf, type WhatIfRequest } from "./what-if.ts";

const BASE = monthly.configure({ rateCents: 30_000 });
const REGISTRY = createRegistry({ institution: INSTITUTION, plugins: [BASE], partners: PARTNERS });
const STATES: readonly RequestState[] = [
  "draft",
  "submitted",
  "under_review",
  "waitlisted",
  "approved",
  "agreed",
  "rejected",
];

const requestArb = (i: number): fc.Arbitrary<WhatIfRequest> =>
  fc
    .record({
      months: fc.integer({ min: 1, max: 10 }),
      state: fc.constantFrom(...STATES),
      echelon: fc.constantFrom("0bis", "1", "4", "7"),
      host: fc.constantFrom("tu-berlin", "polimi", "mcgill"),
      minute: fc.integer({ min: 0, max: 59 }),
      approvedCents: fc.integer({ min: 0, max: 300_000 }),
    })
    .map((r) => ({
      requestId: `r${i}`,
      situation: SituationSchema.parse({
        student: {
          crous: { boursier: true, echelon: r.echelon },
          history: { erasmusDaysInCycle: 0 },
        },
        mobility: {
          kind: "study",
          framework: "inter-institution-agreement",
          host: { partner: r.host },
          start: "2027-02-01",
          end: new Date(Date.UTC(2027, 1 + r.months, 0)).toISOString().slice(0, 10),
        },
      }),
      state: r.state,
      submittedAt: `2027-01-10T09:${String(r.minute).padStart(2, "0")}:00Z`,
      approvedCents: DECIDED_STATES.includes(r.state) ? r.approvedCents : null,
    }));

const populationArb = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => requestArb(i))));

const setupArb = fc.record({
  rate: fc.integer({ min: 10_000, max: 60_000 }),
  base: fc.integer({ min: 0, max: 2_000_000 }),
  scenario: fc.integer({ min: 0, max: 2_000_000 }),
  rules: fc.option(fc.shuffledSubarray([...PRIORITY_RULE_IDS], { minLength: 1 }), {
    nil: undefined,
  }),
  cut: fc.nat(),
});

describe("what-if properties", () => {
  it("never funds pending requests above what the decided ones leave, keeps every decision's figures, and does not depend on the batches", () => {
    fc.assert(
      fc.property(populationArb, setupArb, (population, s) => {
        const setup = {
          registry: REGISTRY,
          base: BASE,
          scenario: monthly.configure({ rateCents: s.rate }),
          envelopes: { base: s.base, scenario: s.scenario },
          rules: s.rules,
          asOf: "2026-12-01",
        };
        const whole = startWhatIf(setup);
        whole.add(population);
        const result = whole.finish();
        const decided = population.filter((r) => DECIDED_STATES.includes(r.state));
        const decidedCents = decided.reduce((t, r) => t + (r.approvedCents ?? 0), 0);
        for (const side of [result.summary.base, result.summary.scenario]) {
          // the decisions hold what they hold; the allocation adds at most what is left
          expect(side.decidedCents).toBe(decidedCents);
          expect(side.funded).toBeGreaterThanOrEqual(decided.length);
          expect(side.fundedCents - decidedCents).toBeLessThanOrEqual(
            Math.max(0, side.envelopeCents - decidedCents),
          );
        }
        // no decided request is re-evaluated or listed as changed
        const decidedIds = new Set(decided.map((r) => r.requestId));
        expect(result.rows.some((r) => decidedIds.has(r.requestId))).toBe(false);
        // the same result whatever the batches and their order
        const reversed = [...population].reverse();
        const cut = population.length === 0 ? 0 : s.cut % population.length;
        const split = startWhatIf(setup);
        split.add(reversed.slice(0, cut));
        split.add(reversed.slice(cut));
        expect(split.finish()).toEqual(result);
      }),
      { numRuns: 150 },
    );
  });
});
