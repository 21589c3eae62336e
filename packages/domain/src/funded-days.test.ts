import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysInMonth, formatIsoDate } from "./calendar-date.ts";
import { fundedDays, wholeMonths } from "./funded-days.ts";

describe("wholeMonths (rulebook §0, month ends)", () => {
  it.each([
    // the k-th month ends the day before day d of the month k months later
    ["2027-02-01", "2027-02-28", 1, 0],
    ["2027-02-15", "2027-03-14", 1, 0],
    ["2027-02-15", "2027-03-13", 0, 27],
    // …or on that month's last day when it has no day d − 1
    ["2027-01-31", "2027-02-28", 1, 0],
    ["2027-01-31", "2027-02-27", 0, 28],
    ["2028-01-31", "2028-02-29", 1, 0],
    ["2028-01-31", "2028-02-28", 0, 29],
    ["2027-03-31", "2027-04-30", 1, 0],
    // leap day to the next year's last day of February is twelve months
    ["2028-02-29", "2029-02-28", 12, 0],
    ["2028-02-29", "2028-03-28", 1, 0],
    // OpenFisca's AMI case: 1 February to 30 March 2021 is under two months
    ["2021-02-01", "2021-03-30", 1, 30],
    ["2021-02-01", "2021-03-31", 2, 0],
  ])("%s → %s is %i whole months and %i days", (start, end, months, days) => {
    expect(wholeMonths(start, end)).toEqual({ months, days });
  });

  it("makes the funded days: 30 for each whole month, then the days left", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2024-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 800 }),
        (d, length) => {
          const start = formatIsoDate({
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            day: d.getUTCDate(),
          });
          const end = addDays(start, length);
          const { months, days } = wholeMonths(start, end);
          expect(fundedDays(start, end)).toBe(months * 30 + days);
          // the days left are fewer than a month's
          expect(days).toBeLessThan(31);
        },
      ),
    );
  });
});

describe("fundedDays", () => {
  it.each([
    ["2027-02-01", "2027-06-30", 150],
    ["2027-02-15", "2027-07-04", 140],
    ["2027-03-01", "2027-04-14", 44],
    ["2028-02-29", "2029-02-28", 360],
  ])("rulebook example %s → %s is %i", (start, end, days) => {
    expect(fundedDays(start, end)).toBe(days);
  });

  it.each([
    // a one-day stay counts its one day
    ["2027-03-10", "2027-03-10", 1],
    // exactly one month, from the 1st and from mid-month
    ["2027-02-01", "2027-02-28", 30],
    ["2027-02-15", "2027-03-14", 30],
    ["2027-07-01", "2027-07-31", 30],
    // the day before a whole month is counted day by day
    ["2027-02-15", "2027-03-13", 27],
    ["2027-07-01", "2027-07-30", 30],
    // the day after a whole month adds one
    ["2027-02-15", "2027-03-15", 31],
  ])("one month and around it: %s → %s is %i", (start, end, days) => {
    expect(fundedDays(start, end)).toBe(days);
  });

  it.each([
    // 31 Jan: the first month ends on the last day of February
    ["2027-01-31", "2027-02-27", 28],
    ["2027-01-31", "2027-02-28", 30],
    ["2027-01-31", "2027-03-01", 31],
    ["2027-01-31", "2027-03-30", 60],
    ["2027-01-31", "2027-03-31", 61],
    // 30 Jan: February has no 29th in 2027, so the month ends on the 28th
    ["2027-01-30", "2027-02-27", 29],
    ["2027-01-30", "2027-02-28", 30],
    ["2027-01-30", "2027-03-29", 60],
    // months that end on the 30th when the start day is the 31st
    ["2027-03-31", "2027-04-30", 30],
    ["2027-08-31", "2027-09-30", 30],
    // a stay ending on the last day of a month of 31 days: the 31st adds nothing
    ["2027-03-01", "2027-05-30", 90],
    ["2027-03-01", "2027-05-31", 90],
    ["2027-03-01", "2027-06-30", 120],
  ])("month end: %s → %s is %i", (start, end, days) => {
    expect(fundedDays(start, end)).toBe(days);
  });

  it.each([
    // February 2028 has 29 days, February 2027 has 28
    ["2027-02-01", "2027-02-28", 30],
    ["2028-02-01", "2028-02-28", 28],
    ["2028-02-01", "2028-02-29", 30],
    ["2028-01-31", "2028-02-28", 29],
    ["2028-01-31", "2028-02-29", 30],
    ["2027-01-31", "2027-02-28", 30],
    ["2027-02-15", "2027-03-14", 30],
    ["2028-02-15", "2028-03-14", 30],
    ["2027-02-20", "2027-03-10", 19],
    ["2028-02-20", "2028-03-10", 20],
    // a stay starting on 29 February
    ["2028-02-29", "2028-03-28", 30],
    ["2028-02-29", "2029-02-28", 360],
  ])("leap year: %s → %s is %i", (start, end, days) => {
    expect(fundedDays(start, end)).toBe(days);
  });

  it.each([
    // the Erasmus+ lower bound, 60 days
    ["2027-03-01", "2027-04-29", 59],
    ["2027-03-01", "2027-04-30", 60],
    ["2027-03-01", "2027-05-01", 61],
    // the upper bound, 360 days: December has 31 days, so the 30th already gives 360
    ["2027-01-01", "2027-12-29", 359],
    ["2027-01-01", "2027-12-30", 360],
    ["2027-01-01", "2027-12-31", 360],
    ["2027-01-01", "2028-01-01", 361],
    ["2027-09-15", "2028-09-12", 359],
    ["2027-09-15", "2028-09-14", 360],
    ["2027-09-15", "2028-09-15", 361],
  ])("bounds 59/60 and 359/360/361: %s → %s is %i", (start, end, days) => {
    expect(fundedDays(start, end)).toBe(days);
  });

  it.each([
    ["2027-12-15", "2028-01-14", 30],
    ["2027-12-15", "2028-02-14", 60],
    ["2027-11-20", "2028-01-19", 60],
    ["2027-12-31", "2028-01-01", 2],
    ["2027-09-01", "2028-06-30", 300],
    ["2026-09-01", "2028-06-30", 660],
  ])("year crossing: %s → %s is %i", (start, end, days) => {
    expect(fundedDays(start, end)).toBe(days);
  });

  it("rejects a stay that ends before it starts", () => {
    expect(() => fundedDays("2027-06-30", "2027-06-29")).toThrow(RangeError);
    expect(() => fundedDays("2028-01-01", "2027-12-31")).toThrow(/before it starts/);
  });

  it.each([
    ["2027-02-30", "2027-06-30"],
    ["2027-02-01", "2027-02-29"],
    ["2027-13-01", "2027-12-31"],
    ["2027-2-1", "2027-06-30"],
    ["", "2027-06-30"],
  ])("rejects a date that is not a calendar date: %s → %s", (start, end) => {
    expect(() => fundedDays(start, end)).toThrow(RangeError);
  });

  const startDate = fc
    .record({
      year: fc.integer({ min: 1990, max: 2060 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) =>
      formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }),
    );

  it("counts 30 × k for k whole months from any start day that every month has", () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 40 }), (start, k) => {
        const [y, m, d] = start.split("-").map(Number) as [number, number, number];
        fc.pre(d <= 28);
        // the day before the same day-of-month k months later
        const index = m - 1 + k;
        const sameDayLater = formatIsoDate({
          year: y + Math.floor(index / 12),
          month: (index % 12) + 1,
          day: d,
        });
        expect(fundedDays(start, addDays(sameDayLater, -1))).toBe(30 * k);
      }),
    );
  });

  it("never decreases by a day and never jumps by more than 3 (the end of February)", () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 0, max: 800 }), (start, length) => {
        const end = addDays(start, length);
        const step = fundedDays(start, addDays(end, 1)) - fundedDays(start, end);
        expect(step).toBeGreaterThanOrEqual(0);
        expect(step).toBeLessThanOrEqual(3);
      }),
    );
  });

  it("counts every day one by one for a stay shorter than its first month", () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 0, max: 26 }), (start, length) => {
        expect(fundedDays(start, addDays(start, length))).toBe(length + 1);
      }),
    );
  });
});
