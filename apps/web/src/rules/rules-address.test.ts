import { describe, expect, it } from "vitest";
import { RULES_PATH, rulesAddress } from "./rules-address.ts";

describe("the rule pages' addresses", () => {
  it("say the language: /regles in French, /rules in English", () => {
    expect(RULES_PATH).toEqual({ fr: "/regles", en: "/rules" });
    expect(rulesAddress("fr")).toBe("/regles");
    expect(rulesAddress("en")).toBe("/rules");
  });

  it("give a scheme's page in each language, its id kept safe in the path", () => {
    expect(rulesAddress("fr", "erasmus")).toBe("/regles/erasmus");
    expect(rulesAddress("en", "erasmus")).toBe("/rules/erasmus");
    expect(rulesAddress("en", "a/b")).toBe("/rules/a%2Fb");
  });
});
