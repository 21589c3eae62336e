import { describe, expect, it } from "vitest";
import {
  formatTravelBands,
  TRAVEL_BANDS,
  travelBand,
  travelBandConfidence,
  travelBandRange,
  travelBandsFigure,
} from "./travel-bands.ts";

// Amounts in euros, as in the rulebook §0 and funding-research.md §9; the code holds cents.
describe("travelBand, call 2024 onwards", () => {
  it.each([
    [0, 0, 0],
    [9.99, 0, 0],
    [10, 28, 56],
    [99, 28, 56],
    [99.9, 28, 56],
    [100, 211, 285],
    [499, 211, 285],
    [499.99, 211, 285],
    [500, 309, 417],
    [890, 309, 417],
    [1999, 309, 417],
    [2000, 395, 535],
    [2999, 395, 535],
    [3000, 580, 785],
    [3999, 580, 785],
    [4000, 1188, 1188],
    [7999, 1188, 1188],
    [8000, 1735, 1735],
    [20015, 1735, 1735],
  ])("%f km → %i € (green %i €)", (km, standard, green) => {
    const band = travelBand(km, 2024);
    expect(band.standardCents).toBe(standard * 100);
    expect(band.greenCents).toBe(green * 100);
  });
});

describe("travelBand, calls 2021-2023", () => {
  it.each([
    [9.99, 0, 0],
    [10, 23, 23],
    [99.9, 23, 23],
    [100, 180, 210],
    [499, 180, 210],
    [500, 275, 320],
    [1999, 275, 320],
    [2000, 360, 410],
    [2999, 360, 410],
    [3000, 530, 610],
    [3999, 530, 610],
    [4000, 820, 820],
    [7999, 820, 820],
    [8000, 1500, 1500],
  ])("%f km → %i € (green %i €)", (km, standard, green) => {
    const band = travelBand(km, 2021);
    expect(band.standardCents).toBe(standard * 100);
    expect(band.greenCents).toBe(green * 100);
  });
});

describe("travel band versions", () => {
  it.each([
    [2021, 27500],
    [2022, 27500],
    [2023, 27500],
    [2024, 30900],
    [2027, 30900],
  ])("call %i pays %i cents for 890 km", (call, cents) => {
    expect(travelBand(890, call).standardCents).toBe(cents);
  });

  it("uses the earliest table before its first call", () => {
    expect(travelBand(890, 2019)).toEqual(travelBand(890, 2021));
  });

  it("keeps both tables, ordered by call", () => {
    expect(TRAVEL_BANDS.versions.map((v) => v.fromCall)).toEqual([2021, 2024]);
    expect(TRAVEL_BANDS.at(2023)).toBe(TRAVEL_BANDS.versions[0]?.value);
  });
});

describe("travelBandRange", () => {
  it.each([
    [5, 0, 9],
    [10, 10, 99],
    [99.9, 10, 99],
    [890, 500, 1999],
    [3000, 3000, 3999],
  ])("%f km is in the band %i–%i km", (km, fromKm, toKm) => {
    expect(travelBandRange(km, 2024)).toEqual({ fromKm, toKm });
  });

  it("leaves the last band open", () => {
    expect(travelBandRange(9400, 2024)).toEqual({ fromKm: 8000, toKm: undefined });
  });
});

describe("travelBandConfidence", () => {
  it("rates each row by where it was read (funding-research.md §9, rulebook §0)", () => {
    // call 2024: read on vu.nl below 3 000 km; from 3 000 km confirmed by eu.daad.de,
    // fu-berlin.de and DHBW Mosbach (rulebook §0 as revised 2026-12-05), mfja.fr beyond 8 000
    expect(travelBandConfidence(0, 2024)).toBe("official");
    expect(travelBandConfidence(2000, 2026)).toBe("official");
    expect(travelBandConfidence(3000, 2024)).toBe("secondary");
    expect(travelBandConfidence(4000, 2024)).toBe("secondary");
    expect(travelBandConfidence(8000, 2024)).toBe("secondary");
    // calls 2021-2023: a university page for the whole table
    expect(travelBandConfidence(100, 2023)).toBe("secondary");
    expect(travelBandConfidence(4000, 2021)).toBe("secondary");
  });
});

describe("formatTravelBands", () => {
  it("writes each paid band with its distances, its amount and its green amount when it differs", () => {
    const en = formatTravelBands(TRAVEL_BANDS.at(2024), "en");
    expect(en).toMatch(/^10–99 km: €28 \(€56 with green travel\); 100–499 km: €211/);
    expect(en).toMatch(/4,000–7,999 km: €1,188; 8,000 km or more: €1,735$/);
    const fr = formatTravelBands(TRAVEL_BANDS.at(2024), "fr").replace(/[\u00a0\u202f]/g, " ");
    expect(fr).toMatch(/^10–99 km : 28 € \(56 € en voyage bas carbone\) ; 100–499 km : 211 €/);
    expect(fr).toMatch(/8 000 km et plus : 1 735 €$/);
  });
});

describe("travelBandsFigure", () => {
  it("is the call's table, dated from its call, rated by its weakest row and citing the rulebook's sources", () => {
    const figure = travelBandsFigure(2026);
    expect(figure.value).toBe(TRAVEL_BANDS.at(2024));
    expect(figure.since).toBe("2024-07-01");
    expect(figure.confidence).toBe("secondary");
    expect(figure.source).toContain("eu.daad.de");
    expect(figure.source).not.toContain("recalled");
    expect(figure.label.en).toBe("Travel support by distance (Calls 2024 onwards)");
    expect(travelBandsFigure(2022).since).toBe("2021-07-01");
  });
});
