import { describe, expect, it } from "vitest";
import { deOrD } from "./text.ts";

describe("deOrD", () => {
  it("elides « de » before a vowel, accented or capital", () => {
    expect(deOrD("Erasmus+ Europe")).toBe("d'Erasmus+ Europe");
    expect(deOrD("Aide à la mobilité des alumni")).toBe("d'Aide à la mobilité des alumni");
    expect(deOrD("Île-de-France mobility grant")).toBe("d'Île-de-France mobility grant");
    expect(deOrD("être éligible")).toBe("d'être éligible");
  });

  it("keeps « de » before a consonant (an h as well: it may be aspirated)", () => {
    expect(deOrD("Bourse Mobilité Île-de-France")).toBe("de Bourse Mobilité Île-de-France");
    expect(deOrD("BRAFITEC / ARFITEC / MEXFITEC")).toBe("de BRAFITEC / ARFITEC / MEXFITEC");
    expect(deOrD("Hauts-de-France")).toBe("de Hauts-de-France");
  });
});
