import { academicYearOf } from "@envol/domain";
import { describe, expect, it } from "vitest";
import { callStart, callYear } from "./call-year.ts";

describe("callYear", () => {
  it.each([
    ["2024-06-30", 2023],
    ["2024-07-01", 2024],
    ["2027-02-01", 2026],
  ])("a stay starting on %s takes the figures of call %i", (start, call) => {
    expect(callYear({ academicYear: academicYearOf(start) })).toBe(call);
  });
});

describe("callStart", () => {
  it.each([
    [2024, "2024-07-01"],
    [2025, "2025-07-01"],
  ])("call %i funds stays from %s, the first day of its call year", (call, start) => {
    expect(callStart(call)).toBe(start);
    expect(callYear({ academicYear: academicYearOf(start) })).toBe(call);
    expect(callYear({ academicYear: academicYearOf(`${call}-06-30`) })).toBe(call - 1);
  });
});
