import { describe, expect, it } from "vitest";
import { countryOptions } from "./country-options.ts";

describe("countryOptions", () => {
  it("names every country in the language and sorts them as its readers expect", () => {
    const fr = countryOptions("fr");
    const en = countryOptions("en");
    expect(fr.length).toBe(en.length);
    expect(fr.length).toBeGreaterThan(240);
    expect(fr.find((c) => c.id === "DE")?.label).toBe("Allemagne");
    expect(en.find((c) => c.id === "DE")?.label).toBe("Germany");
    const labels = fr.map((c) => c.label);
    // accents sort with their letter: "Égypte" among the E, not after "Zimbabwe"
    expect(labels.indexOf("Égypte")).toBeLessThan(labels.indexOf("Espagne"));
    expect(labels.indexOf("Égypte")).toBeGreaterThan(labels.indexOf("Danemark"));
  });
});
