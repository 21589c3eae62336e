import { describe, expect, it } from "vitest";
import { canSearchPlaces, placeId, placeLabel } from "./place-names.ts";

const kyoto = { name: "Kyoto", region: "Kyoto", country: "JP", lat: 35.02107, lon: 135.75385 };

describe("the city search", () => {
  it("waits for a country and two letters", () => {
    expect(canSearchPlaces("ky", "")).toBe(false);
    expect(canSearchPlaces(" k ", "JP")).toBe(false);
    expect(canSearchPlaces("ky", "JP")).toBe(true);
  });

  it("names a city with its region only when that tells it apart", () => {
    expect(placeLabel(kyoto)).toBe("Kyoto");
    expect(placeLabel({ ...kyoto, name: "Paris", region: "Île-de-France" })).toBe(
      "Paris, Île-de-France",
    );
    expect(placeLabel({ ...kyoto, region: null })).toBe("Kyoto");
  });

  it("tells two cities of one name apart by their coordinates", () => {
    expect(placeId(kyoto)).not.toBe(placeId({ ...kyoto, lat: 35.1 }));
  });
});
