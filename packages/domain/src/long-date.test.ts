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

  it("writes every day of four years as Intl's long style does in fr-FR and en-GB", () => {
    const intl = {
      fr: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }),
      en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }),
    };
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2030, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(formatLongDate(iso, "en")).toBe(intl.en.format(new Date(t)));
      expect(formatLongDate(iso, "fr")).toBe(intl.fr.format(new Date(t)).replace(/^1 /, "1er "));
    }
  });
});
