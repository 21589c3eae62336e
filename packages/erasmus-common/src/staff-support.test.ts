import { add, cents, roundHalfUp } from "@envol/domain";
import { describe, expect, it } from "vitest";
import { minTeachingHours, staffIndividualSupport } from "./staff-support.ts";
import { travelBand } from "./travel-bands.ts";

const CALL_2024 = { fullRateDays: 14, taperPercent: 70 };

const euros = (amount: Parameters<typeof roundHalfUp>[0]) => roundHalfUp(amount) / 100;

describe("minTeachingHours: 8 a whole week, 8 under a week", () => {
  it.each([
    [1, 8],
    [5, 8],
    [7, 8],
    [13, 8],
    [14, 16],
    [60, 64],
  ])("%i activity days require %i hours", (days, hours) => {
    expect(minTeachingHours(days)).toBe(hours);
  });
});

describe("staffIndividualSupport (rulebook §10)", () => {
  it("pays the first 14 days and the travel days in full, then 70 %: the day-14 and day-15 edge", () => {
    expect(euros(staffIndividualSupport(18_000, 14, 2, CALL_2024))).toBe(180 * 16);
    expect(euros(staffIndividualSupport(18_000, 15, 2, CALL_2024))).toBe(180 * 16 + 126);
    expect(euros(staffIndividualSupport(18_000, 60, 2, CALL_2024))).toBe(180 * 16 + 126 * 46);
  });

  it("pays the period's full-rate days and taper, not Call 2024's", () => {
    // 10 days in full, then 50 %: 100 € × (10 + 2) + 50 € × 5
    const other = { fullRateDays: 10, taperPercent: 50 };
    expect(euros(staffIndividualSupport(10_000, 15, 2, other))).toBe(100 * 12 + 50 * 5);
  });

  it("adds green travel days at the full rate", () => {
    expect(euros(staffIndividualSupport(16_000, 5, 2 + 4, CALL_2024))).toBe(160 * 11);
  });

  it("holds the rulebook's worked examples with the travel band of Call 2026", () => {
    // teaching at TU Berlin, 5 days (about 890 km): 180 × (5 + 2) + 309 = 1 569 €
    const berlin = add(
      staffIndividualSupport(18_000, 5, 2, CALL_2024),
      cents(travelBand(890, 2026).standardCents),
    );
    expect(euros(berlin)).toBe(1_569);
    // training at CVUT (group 2), 20 days: 160 × (14 + 2) + 0.7 × 160 × 6 + 309 = 3 541 €
    const prague = add(
      staffIndividualSupport(16_000, 20, 2, CALL_2024),
      cents(travelBand(880, 2026).standardCents),
    );
    expect(euros(prague)).toBe(3_541);
    // teaching at Tsinghua, 5 days, about 8 223 km: 180 × 7 + 1 735 = 2 995 €
    const beijing = add(
      staffIndividualSupport(18_000, 5, 2, CALL_2024),
      cents(travelBand(8_223, 2026).standardCents),
    );
    expect(euros(beijing)).toBe(2_995);
  });
});
