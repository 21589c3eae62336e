import { describe, expect, it } from "vitest";
import { dailyBasis, lumpSumBasis, monthlyBasis, weeklyBasis } from "./basis.ts";

/** The runtime writes no-break spaces in amounts; the tests read plain ones. */
const plain = (s: string) => s.replace(/\s/g, " ");

describe("the basis of an amount, in words", () => {
  it("a monthly rate over funded days", () => {
    expect(plain(monthlyBasis(29_200, 150, "fr"))).toBe("292 € × 150/30 jours");
    expect(monthlyBasis(29_200, 150, "en")).toBe("€292 × 150/30 days");
  });

  it("a lump sum", () => {
    expect(plain(lumpSumBasis(90_000, "fr"))).toBe("forfait de 900 €");
    expect(lumpSumBasis(90_000, "en")).toBe("lump sum of €900");
  });

  it("a weekly rate, one week in the singular", () => {
    expect(plain(weeklyBasis(15_000, 3, "fr"))).toBe("150 € × 3 semaines");
    expect(weeklyBasis(15_000, 3, "en")).toBe("€150 × 3 weeks");
    expect(plain(weeklyBasis(15_000, 1, "fr"))).toBe("150 € × 1 semaine");
    expect(weeklyBasis(15_000, 1, "en")).toBe("€150 × 1 week");
  });

  it("a daily rate, cents kept", () => {
    expect(plain(dailyBasis(13_650, 5, "fr"))).toBe("136,50 € × 5 jours");
    expect(dailyBasis(13_650, 5, "en")).toBe("€136.50 × 5 days");
    expect(plain(dailyBasis(13_600, 1, "fr"))).toBe("136 € × 1 jour");
    expect(dailyBasis(13_600, 1, "en")).toBe("€136 × 1 day");
  });
});
