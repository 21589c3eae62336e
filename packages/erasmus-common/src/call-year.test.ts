import { academicYearOf } from "@envol/domain";
import { describe, expect, it } from "vitest";
import { callYear } from "./call-year.ts";

describe("callYear", () => {
  it.each([
    ["2024-06-30", 2023],
    ["2024-07-01", 2024],
    ["2027-02-01", 2026],
  ])("a stay starting on %s takes the figures of call %i", (start, call) => {
    expect(callYear({ academicYear: academicYearOf(start) })).toBe(call);
  });
});
