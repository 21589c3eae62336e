import { describe, expect, it } from "vitest";
import { formatInstant } from "./format-instant.ts";

describe("formatInstant", () => {
  it("writes a moment in the reader's time zone and language", () => {
    // 17:24 UTC is 18:24 in Paris in November (UTC+1)
    expect(formatInstant("2026-11-26T17:24:27.691Z", "fr", "Europe/Paris")).toMatch(
      /^26 novembre 2026 (à )?18:24$/,
    );
    expect(formatInstant("2026-11-26T17:24:27.691Z", "en", "Europe/Paris")).toMatch(
      /^26 November 2026( at|,) 18:24$/,
    );
  });

  it("leaves what is not a moment as it is", () => {
    expect(formatInstant("soon", "fr", "UTC")).toBe("soon");
  });
});
