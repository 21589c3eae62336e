import { createRegistry, evaluate, SituationSchema } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import { describe, expect, it } from "vitest";
import { erasmus } from "./erasmus.ts";
import { erasmusStoredOptions } from "./erasmus-stored-options.ts";

/** The options the release before the call-dated ones stored at an approval: its defaults, parsed. */
const STORED_BEFORE_CALLS = {
  levels: ["bachelor", "master", "engineering", "doctorate"],
  rateGroup1Cents: 29_200,
  rateGroup2Cents: 22_500,
  rateGroup3Cents: 22_500,
  internshipTopUpCents: 15_000,
  fewerOpportunitiesTopUpCents: 25_000,
  travelSupport: "fewer-opportunities",
  greenTopUpCents: 5_000,
  minDays: 60,
  maxDays: 360,
  cycleCapDays: 360,
  exclusiveWith: ["mic"],
};

const amountAtBerlin = (options: unknown, start: string, end: string) => {
  const registry = createRegistry({
    institution: TELECOM_PARIS,
    plugins: [erasmus.configure(options as never)],
    partners: DEMO_PARTNER_CATALOGUE.partners,
  });
  const situation = SituationSchema.parse({
    student: {
      programme: { level: "engineering" },
      fewerOpportunities: { disability: false, qpv: false, zrr: false },
      crous: { boursier: false },
      history: { erasmusDaysInCycle: 0 },
    },
    mobility: {
      kind: "study",
      framework: "inter-institution-agreement",
      host: { partner: "tu-berlin" },
      start,
      end,
      greenTravel: true,
    },
  });
  return evaluate(situation, registry, { asOf: "2026-12-06", lang: "en" }).schemes[0]?.estimate
    ?.totalCents;
};

describe("Erasmus+ options stored before they were dated by call", () => {
  it("are refused as they are: their shape is no longer the options'", () => {
    expect(() => erasmus.configure(STORED_BEFORE_CALLS as never)).toThrow(/rateGroup1Cents/);
  });

  it("read as the approval's terms from Call 2024 on, the green top-up dropped", () => {
    expect(erasmusStoredOptions(STORED_BEFORE_CALLS)).toEqual({
      levels: ["bachelor", "master", "engineering", "doctorate"],
      rates: [{ fromCall: 2024, group1Cents: 29_200, group2Cents: 22_500, group3Cents: 22_500 }],
      internshipTopUpCents: 15_000,
      fewerOpportunitiesTopUpCents: 25_000,
      travelSupport: [{ fromCall: 2024, policy: "fewer-opportunities" }],
      minDays: 60,
      maxDays: 360,
      cycleCapDays: 360,
      exclusiveWith: ["mic"],
    });
  });

  it("price a Call 2025 stay as it was approved: no travel without fewer opportunities, no 50 € green top-up", () => {
    const read = erasmusStoredOptions(STORED_BEFORE_CALLS);
    // 292 € × 150/30; today's options add the 500–1 999 km green band (417 €) for everyone
    expect(amountAtBerlin(read, "2025-09-01", "2026-01-31")).toBe(146_000);
    expect(amountAtBerlin({}, "2025-09-01", "2026-01-31")).toBe(146_000 + 41_700);
  });

  it("leave today's options as they are", () => {
    const today = erasmus.options.parse({});
    expect(erasmusStoredOptions(today)).toBe(today);
    expect(erasmusStoredOptions(null)).toBeNull();
  });
});
