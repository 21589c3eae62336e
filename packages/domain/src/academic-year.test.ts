import { describe, expect, it } from "vitest";
import {
  AcademicYearSchema,
  academicYearOf,
  academicYearStart,
  EARLIEST_ACADEMIC_YEAR,
  isAcademicYear,
  LATEST_ACADEMIC_YEAR,
} from "./academic-year.ts";
import { EARLIEST_DATE, LATEST_DATE } from "./calendar-date.ts";

describe("academicYearOf", () => {
  it.each([
    ["2027-06-30", "2026-2027"],
    ["2027-07-01", "2027-2028"],
    ["2026-12-31", "2026-2027"],
    ["2027-01-01", "2026-2027"],
    ["2027-02-01", "2026-2027"],
    ["2026-07-01", "2026-2027"],
    ["2026-06-30", "2025-2026"],
    ["2028-02-29", "2027-2028"],
  ])("%s is in %s", (date, year) => {
    expect(academicYearOf(date)).toBe(year);
  });

  it("rejects a date that is not a calendar date", () => {
    expect(() => academicYearOf("2027-02-30")).toThrow(RangeError);
  });
});

describe("academicYearStart and isAcademicYear", () => {
  it("reads the calendar year the academic year starts in", () => {
    expect(academicYearStart("2026-2027")).toBe(2026);
    expect(academicYearStart(academicYearOf("2024-07-01"))).toBe(2024);
    expect(academicYearStart(academicYearOf("2024-06-30"))).toBe(2023);
  });

  it.each([
    ["2026-2027", true],
    ["1999-2000", true],
    ["2100-2101", true],
    ["1998-1999", false],
    ["2101-2102", false],
    ["0000-0001", false],
    ["0001-0002", false],
    ["9998-9999", false],
    ["2026-2028", false],
    ["2027-2026", false],
    ["2026-2026", false],
    ["2026/2027", false],
    ["26-27", false],
    ["2026-2027 ", false],
  ])("%j is an academic year: %s", (value, ok) => {
    expect(isAcademicYear(value)).toBe(ok);
  });
});

describe("AcademicYearSchema", () => {
  it("spans the academic years of the first and the last date a request may carry", () => {
    expect(EARLIEST_ACADEMIC_YEAR).toBe(academicYearOf(EARLIEST_DATE));
    expect(LATEST_ACADEMIC_YEAR).toBe(academicYearOf(LATEST_DATE));
  });

  it.each([
    ["2026/2027", "must be an academic year written YYYY-YYYY, such as 2026-2027"],
    ["2026-2028", "must be an academic year written YYYY-YYYY, such as 2026-2027"],
    ["0000-0001", "must be an academic year from 1999-2000 to 2100-2101"],
    ["9998-9999", "must be an academic year from 1999-2000 to 2100-2101"],
  ])("refuses %j, saying why once", (value, message) => {
    const result = AcademicYearSchema.safeParse(value);
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it("takes a year of the range", () => {
    expect(AcademicYearSchema.parse("2026-2027")).toBe("2026-2027");
  });
});
