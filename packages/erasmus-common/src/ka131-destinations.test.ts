import { describe, expect, it } from "vitest";
import { KA131_DESTINATIONS } from "./ka131-destinations.ts";

describe("KA131_DESTINATIONS", () => {
  it("is Europe minus France", () => {
    expect(KA131_DESTINATIONS.codes.size).toBe(39);
    expect(KA131_DESTINATIONS.codes.has("FR")).toBe(false);
    for (const c of ["DE", "CH", "GB", "NO", "TR", "VA", "FO"])
      expect(KA131_DESTINATIONS.codes.has(c)).toBe(true);
    for (const c of ["BR", "US", "CN", "GP"]) expect(KA131_DESTINATIONS.codes.has(c)).toBe(false);
  });
});
