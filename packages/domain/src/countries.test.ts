import { describe, expect, it } from "vitest";
import {
  COUNTRY_CODES,
  countryName,
  ERASMUS_ASSOCIATED,
  EU27,
  EUROPE,
  FRANCE_AND_OVERSEAS,
  isAbroad,
  isCountryCode,
  REGION_13,
  REGION_14,
  unionOf,
} from "./countries.ts";

describe("country sets", () => {
  it("EU27 has the 27 member states of the rulebook", () => {
    expect(EU27.codes.size).toBe(27);
    for (const c of ["FR", "DE", "HU", "SE", "IE", "CY"]) expect(EU27.codes.has(c)).toBe(true);
    for (const c of ["GB", "CH", "NO", "TR"]) expect(EU27.codes.has(c)).toBe(false);
  });

  it("has the associated countries and Regions 13 and 14", () => {
    expect([...ERASMUS_ASSOCIATED.codes].sort()).toEqual(["IS", "LI", "MK", "NO", "RS", "TR"]);
    expect([...REGION_13.codes].sort()).toEqual(["AD", "MC", "SM", "VA"]);
    expect([...REGION_14.codes].sort()).toEqual(["CH", "FO", "GB"]);
  });

  it("Europe is their union, France included", () => {
    expect(EUROPE.codes.size).toBe(40);
    expect(EUROPE.codes.has("FR")).toBe(true);
    expect(EUROPE.codes.has("GB")).toBe(true);
    expect(EUROPE.codes.has("BR")).toBe(false);
  });

  it("unionOf merges sets without duplicates", () => {
    const u = unionOf("x", { fr: "x", en: "x" }, EU27, EU27, REGION_14);
    expect(u.codes.size).toBe(30);
  });

  it("France and its overseas territories are never abroad", () => {
    expect(FRANCE_AND_OVERSEAS.codes.size).toBe(13);
    for (const c of [
      "FR",
      "GP",
      "MQ",
      "GF",
      "RE",
      "YT",
      "PM",
      "BL",
      "MF",
      "WF",
      "PF",
      "NC",
      "TF",
    ]) {
      expect(isAbroad(c), c).toBe(false);
    }
    for (const c of ["DE", "BE", "CH", "MC", "BR"]) expect(isAbroad(c), c).toBe(true);
  });
});

describe("country codes and names", () => {
  it("knows the ISO 3166-1 alpha-2 codes, upper case only", () => {
    expect(COUNTRY_CODES.size).toBeGreaterThanOrEqual(249);
    expect(isCountryCode("DE")).toBe(true);
    expect(isCountryCode("de")).toBe(false);
    expect(isCountryCode("XX")).toBe(false);
    expect(isCountryCode("DEU")).toBe(false);
  });

  it.each([
    ["DE", "Allemagne", "Germany"],
    ["BR", "Brésil", "Brazil"],
    ["CH", "Suisse", "Switzerland"],
    // several English names: the first, usual one
    ["GB", "Royaume-Uni", "United Kingdom"],
    ["US", "États-Unis d'Amérique", "United States of America"],
    ["NL", "Pays-Bas", "Netherlands"],
  ])("%s is %s in French and %s in English", (code, fr, en) => {
    expect(countryName(code, "fr")).toBe(fr);
    expect(countryName(code, "en")).toBe(en);
  });

  it("falls back to the code for an unknown country", () => {
    expect(countryName("XX", "fr")).toBe("XX");
    expect(countryName("XX", "en")).toBe("XX");
  });
});
