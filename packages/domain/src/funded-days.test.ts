import { describe, expect, it } from "vitest";
import { fundedDays } from "./funded-days.ts";

describe("fundedDays", () => {
  it.each([
    ["2027-02-01", "2027-06-30", 150],
    ["2027-02-15", "2027-07-04", 140],
    ["2027-03-01", "2027-04-14", 44],
  ])("rulebook example %s → %s is %i", (start, end, days) => {
    expect(fundedDays(start, end)).toBe(days);
  });
});
