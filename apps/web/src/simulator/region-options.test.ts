import { FRENCH_REGIONS } from "@envol/domain";
import { describe, expect, it } from "vitest";
import { regionOptions } from "./region-options.ts";

describe("regionOptions", () => {
  it("offers the domain's 18 regions, named and sorted in the reader's language", () => {
    const fr = regionOptions("fr");
    expect(fr.map((o) => o.id).sort()).toEqual(Object.keys(FRENCH_REGIONS).sort());
    expect(fr[0]).toEqual({ id: "84", label: "Auvergne-Rhône-Alpes" });
    expect(fr.find((o) => o.id === "53")?.label).toBe("Bretagne");
    const en = regionOptions("en");
    expect(en.find((o) => o.id === "53")?.label).toBe("Brittany");
    expect(en.map((o) => o.label)).toEqual(
      [...en.map((o) => o.label)].sort((a, b) => a.localeCompare(b, "en-GB")),
    );
  });
});
