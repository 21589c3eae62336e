import { describe, expect, it } from "vitest";
import { formatLongDate } from "./long-date.ts";

describe("formatLongDate", () => {
  it.each([
    ["2027-02-01", "fr", "1er février 2027"],
    ["2027-02-01", "en", "1 February 2027"],
    ["2027-06-30", "fr", "30 juin 2027"],
    ["2027-12-11", "fr", "11 décembre 2027"],
    ["2027-06-21", "en", "21 June 2027"],
  ] as const)("writes %s in %s as %s", (iso, lang, text) => {
    expect(formatLongDate(iso, lang)).toBe(text);
  });

  it("leaves a text that is not a date as it is", () => {
    expect(formatLongDate("soon", "fr")).toBe("soon");
  });
});
