import { describe, expect, it } from "vitest";
import { academicYearChoices, currentAcademicYear, todayIso } from "./academic-years.ts";

describe("academic years", () => {
  it("start on 1 July", () => {
    expect(currentAcademicYear("2026-11-26")).toBe("2026-2027");
    expect(currentAcademicYear("2027-06-30")).toBe("2026-2027");
    expect(currentAcademicYear("2027-07-01")).toBe("2027-2028");
  });

  it("are offered around the current one, newest first", () => {
    expect(academicYearChoices("2026-2027")).toEqual([
      "2027-2028",
      "2026-2027",
      "2025-2026",
      "2024-2025",
    ]);
  });

  it("include a year the address asks for, in its place", () => {
    expect(academicYearChoices("2026-2027", "2020-2021").at(-1)).toBe("2020-2021");
    expect(academicYearChoices("2026-2027", "2026-2027")).toHaveLength(4);
    expect(academicYearChoices("2026-2027", "2020-2022")).toHaveLength(4);
    // nor a year the API refuses: the budgets page would ask for it and get a 422
    expect(academicYearChoices("2026-2027", "0000-0001")).toHaveLength(4);
  });

  it("read today in the browser's calendar", () => {
    expect(todayIso(new Date(2026, 10, 26, 23, 59))).toBe("2026-11-26");
  });
});
