import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  calendarDays,
  compareDates,
  daysBetween,
  daysInMonth,
  epochDay,
  formatIsoDate,
  fromEpochDay,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  toEpochDay,
  wholeWeeks,
} from "./calendar-date.ts";

const DAY_MS = 86_400_000;

/** The UTC midnight of a civil date, in ms: Date.UTC, except for the years 0-99 it maps to 1900-1999. */
const utcMs = (year: number, month: number, day: number): number => {
  if (year >= 100) return Date.UTC(year, month - 1, day);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
};

/** Epoch days of 0001-01-01 and 9999-12-31, the range a four-digit ISO date can write. */
const FIRST = -719_162;
const LAST = 2_932_896;

describe("calendar dates", () => {
  it("knows the ends of the four-digit range", () => {
    expect(toEpochDay({ year: 1, month: 1, day: 1 })).toBe(FIRST);
    expect(toEpochDay({ year: 9999, month: 12, day: 31 })).toBe(LAST);
    expect(toEpochDay({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(toEpochDay({ year: 1969, month: 12, day: 31 })).toBe(-1);
    expect(toEpochDay({ year: 2000, month: 3, day: 1 })).toBe(11_017);
  });

  it("matches Date for every day of the range (epoch day → civil date)", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (n) => {
        const d = new Date(n * DAY_MS);
        expect(fromEpochDay(n)).toEqual({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("matches Date for every day of the range (civil date → epoch day)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, rawDay) => {
          const day = Math.min(rawDay, daysInMonth(year, month));
          expect(toEpochDay({ year, month, day })).toBe(utcMs(year, month, day) / DAY_MS);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("round-trips epoch days through civil dates and ISO strings", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (n) => {
        const iso = formatIsoDate(fromEpochDay(n));
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(epochDay(iso)).toBe(n);
        expect(formatIsoDate(parseIsoDate(iso) ?? { year: 0, month: 0, day: 0 })).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["2027-02-01", { year: 2027, month: 2, day: 1 }],
    ["2028-02-29", { year: 2028, month: 2, day: 29 }],
    ["2000-02-29", { year: 2000, month: 2, day: 29 }],
    ["0001-01-01", { year: 1, month: 1, day: 1 }],
    ["9999-12-31", { year: 9999, month: 12, day: 31 }],
  ])("parses and formats %s", (iso, civil) => {
    expect(parseIsoDate(iso)).toEqual(civil);
    expect(formatIsoDate(civil)).toBe(iso);
    expect(isIsoDate(iso)).toBe(true);
  });

  it.each([
    "2027-02-30",
    "2027-02-29",
    "1900-02-29",
    "2027-04-31",
    "2027-13-01",
    "2027-00-10",
    "2027-01-00",
    "2027-1-01",
    "27-01-01",
    "2027-01-01T00:00:00Z",
    " 2027-01-01",
    "2027/01/01",
    "abcd-01-15",
    "20x7-01-15",
    "+027-01-15",
    "-001-01-15",
    "",
  ])("rejects %j", (value) => {
    expect(parseIsoDate(value)).toBeUndefined();
    expect(isIsoDate(value)).toBe(false);
    expect(() => epochDay(value)).toThrow(RangeError);
  });

  it.each([
    [2024, true],
    [2027, false],
    [2028, true],
    [1900, false],
    [2000, true],
    [2100, false],
  ])("leap year %i is %s", (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it("counts, adds and compares days across months, leap days and years", () => {
    expect(daysBetween("2027-02-01", "2027-06-30")).toBe(149);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-02-28", "2027-03-01")).toBe(1);
    expect(daysBetween("2027-06-30", "2027-02-01")).toBe(-149);
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2027-01-31", 365)).toBe("2028-01-31");
    expect(compareDates("2027-02-01", "2027-10-01")).toBe(-1);
    expect(compareDates("2027-10-01", "2027-02-01")).toBe(1);
    expect(compareDates("2027-02-01", "2027-02-01")).toBe(0);
  });

  it("counts a stay's calendar days and whole weeks with both ends in", () => {
    expect(calendarDays("2027-03-01", "2027-03-05")).toBe(5);
    expect(calendarDays("2027-03-01", "2027-03-01")).toBe(1);
    expect(calendarDays("2028-02-28", "2028-03-01")).toBe(3);
    expect(wholeWeeks("2027-03-01", "2027-03-06")).toBe(0);
    expect(wholeWeeks("2027-03-01", "2027-03-07")).toBe(1);
    expect(wholeWeeks("2027-03-01", "2027-03-20")).toBe(2);
    expect(wholeWeeks("2027-03-01", "2027-03-21")).toBe(3);
  });
});
