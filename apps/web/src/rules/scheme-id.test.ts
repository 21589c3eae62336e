import { describe, expect, it } from "vitest";
import { isSchemeId } from "./scheme-id.ts";

describe("a scheme's id in the address", () => {
  it.each(["erasmus", "idf", "region-ile-de-france", "a", "x".repeat(64), "mic-2"])(
    "%j can be one",
    (id) => expect(isSchemeId(id)).toBe(true),
  );

  it.each([
    "",
    "../staff/queue?x=",
    "erasmus?a=",
    "erasmus/",
    "Erasmus",
    "érasmus",
    "erasmus ",
    "x".repeat(65),
    "%2e%2e",
  ])("%j cannot", (id) => expect(isSchemeId(id)).toBe(false));
});
