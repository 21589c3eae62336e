import { describe, expect, it } from "vitest";
import { formatDate } from "./format-date.ts";

describe("formatDate", () => {
  it("writes a calendar date in each language, without shifting it by a time zone", () => {
    expect(formatDate("2027-02-01", "fr")).toBe("1er février 2027");
    expect(formatDate("2027-06-30", "en")).toBe("30 June 2027");
    expect(formatDate("2027-12-31", "fr")).toBe("31 décembre 2027");
  });
});
