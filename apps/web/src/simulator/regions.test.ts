import { describe, expect, it } from "vitest";
import { en } from "../i18n/en.ts";
import { fr } from "../i18n/fr.ts";
import { REGION_CODES } from "./regions.ts";

describe("REGION_CODES", () => {
  it("are France's 18 regions, each named in both languages", () => {
    expect(new Set(REGION_CODES).size).toBe(18);
    expect([...REGION_CODES].sort()).toEqual(Object.keys(fr.regions).sort());
    expect([...REGION_CODES].sort()).toEqual(Object.keys(en.regions).sort());
  });
});
