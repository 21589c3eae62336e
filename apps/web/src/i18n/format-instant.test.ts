import { describe, expect, it } from "vitest";
import { formatInstant, formatInstantDay } from "./format-instant.ts";

describe("an instant", () => {
  it("is written with its date and time in the language", () => {
    expect(formatInstant("2026-11-26T17:24:41.278Z", "fr", "UTC")).toBe("26 novembre 2026 à 17:24");
    expect(formatInstant("2026-11-26T17:24:41.278Z", "en", "UTC")).toBe(
      "26 November 2026 at 17:24",
    );
  });

  it("is in the reader's time zone", () => {
    expect(formatInstant("2026-11-26T23:30:00Z", "en", "Europe/Paris")).toBe(
      "27 November 2026 at 00:30",
    );
    // 17:24 UTC is 18:24 in Paris in November (UTC+1)
    expect(formatInstant("2026-11-26T17:24:27.691Z", "fr", "Europe/Paris")).toMatch(
      /^26 novembre 2026 (à )?18:24$/,
    );
    expect(formatInstant("2026-11-26T17:24:27.691Z", "en", "Europe/Paris")).toMatch(
      /^26 November 2026( at|,) 18:24$/,
    );
  });

  it("is left as it is when it is not an instant", () => {
    expect(formatInstant("soon", "fr", "UTC")).toBe("soon");
  });
});

describe("the day of an instant", () => {
  it("is the day in the reader's time zone, as tables write it", () => {
    expect(formatInstantDay("2026-11-26T23:30:00Z", "fr", "Europe/Paris")).toBe("27/11/2026");
    expect(formatInstantDay("2026-11-26T23:30:00Z", "en", "UTC")).toBe("26/11/2026");
    expect(formatInstantDay("soon", "fr")).toBe("soon");
  });
});
