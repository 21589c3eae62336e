import { describe, expect, it } from "vitest";
import { initialLanguage, languageCookie } from "./language.ts";

describe("the language to start in", () => {
  it.each([
    ["en", "fr", "en"],
    ["fr", "en", "fr"],
    [null, "en", "en"],
    [null, "fr", "fr"],
    [null, "", "fr"],
    [null, undefined, "fr"],
    ["de", "en", "en"],
    ["de", "de", "fr"],
  ] as const)("stored %s, page in %s: %s", (stored, page, expected) => {
    expect(initialLanguage(stored, page)).toBe(expected);
  });

  it("is told to the server in a first-party cookie for the whole site", () => {
    expect(languageCookie("en")).toBe("envol_lang=en; Path=/; Max-Age=31536000; SameSite=Lax");
  });
});
