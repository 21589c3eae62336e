import { describe, expect, it } from "vitest";
import { defaultSince, laterPeriods, optionsOnDate } from "./dated-options.ts";

const configured = { monthlyRateCents: 30_000 };
const periods = [
  { since: "2027-03-01", options: { monthlyRateCents: 40_000 } },
  { since: "2026-09-01", options: { monthlyRateCents: 35_000 } },
];

describe("optionsOnDate", () => {
  it("gives the scheme's configured options before any stored period", () => {
    expect(optionsOnDate(periods, configured, "2026-07-01")).toEqual(configured);
  });

  it("gives the latest period begun on the date, whatever the order they come in", () => {
    expect(optionsOnDate(periods, configured, "2026-09-01")).toEqual({ monthlyRateCents: 35_000 });
    expect(optionsOnDate(periods, configured, "2027-02-28")).toEqual({ monthlyRateCents: 35_000 });
    expect(optionsOnDate(periods, configured, "2027-03-01")).toEqual({ monthlyRateCents: 40_000 });
  });

  it("gives the configured options when nothing was saved", () => {
    expect(optionsOnDate([], configured, "2030-01-01")).toEqual(configured);
  });
});

describe("defaultSince", () => {
  it("is 1 July of the academic year", () => {
    expect(defaultSince("2026-2027", "2020-07-01")).toBe("2026-07-01");
  });

  it("is the scheme's first period when it begins later", () => {
    expect(defaultSince("2026-2027", "2026-10-15")).toBe("2026-10-15");
  });
});

describe("laterPeriods", () => {
  it("lists only the periods that begin after the date", () => {
    expect(laterPeriods(periods, "2026-09-01")).toEqual([periods[0]]);
    expect(laterPeriods(periods, "2027-03-01")).toEqual([]);
  });
});
