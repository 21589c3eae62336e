import { describe, expect, it } from "vitest";
import { formatLongDate } from "./long-date.ts";

describe("formatLongDate", () => {
  it.each([
    ["2027-02-01", "fr", "1er février 2027"],
    ["2027-02-01", "en", "1 February 2027"],
    ["2027-06-10", "fr", "10 juin 2027"],
    ["2027-06-11", "en", "11 June 2027"],
    ["2026-12-31", "fr", "31 décembre 2026"],
    ["2027-02-30", "fr", "2027-02-30"],
    ["not a date", "en", "not a date"],
  ] as const)("writes %s in %s as %s", (iso, lang, written) => {
    expect(formatLongDate(iso, lang)).toBe(written);
  });
});
