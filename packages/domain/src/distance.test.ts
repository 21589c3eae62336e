import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_KM, type GeoPoint, greatCircleKm } from "./distance.ts";

const PALAISEAU: GeoPoint = { lat: 48.7127, lon: 2.2005 };
const TU_BERLIN: GeoPoint = { lat: 52.5125, lon: 13.3269 };
const PARIS: GeoPoint = { lat: 48.8566, lon: 2.3522 };
const LONDON: GeoPoint = { lat: 51.5074, lon: -0.1278 };
const NEW_YORK: GeoPoint = { lat: 40.7128, lon: -74.006 };

describe("greatCircleKm", () => {
  it.each([
    ["Palaiseau campus → TU Berlin", PALAISEAU, TU_BERLIN, 890],
    ["Paris → London", PARIS, LONDON, 344],
    ["Paris → New York", PARIS, NEW_YORK, 5837],
  ])("%s is about %i km (±1%)", (_name, a, b, km) => {
    const d = greatCircleKm(a, b);
    expect(Math.abs(d - km)).toBeLessThanOrEqual(km * 0.01);
  });

  it("rounds to 890 km for the rulebook's first worked example", () => {
    expect(Math.round(greatCircleKm(PALAISEAU, TU_BERLIN))).toBe(890);
  });

  it("is symmetric", () => {
    expect(greatCircleKm(PARIS, NEW_YORK)).toBeCloseTo(greatCircleKm(NEW_YORK, PARIS), 9);
  });

  it("is zero from a point to itself", () => {
    expect(greatCircleKm(PALAISEAU, PALAISEAU)).toBe(0);
    expect(greatCircleKm({ lat: -33.9, lon: 151.2 }, { lat: -33.9, lon: 151.2 })).toBe(0);
  });

  it("is half the circumference between antipodes", () => {
    const half = Math.PI * EARTH_RADIUS_KM;
    expect(EARTH_RADIUS_KM).toBe(6371);
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(half, 6);
    expect(greatCircleKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(half, 6);
    expect(greatCircleKm(PALAISEAU, { lat: -PALAISEAU.lat, lon: PALAISEAU.lon - 180 })).toBeCloseTo(
      half,
      6,
    );
  });

  it("measures a quarter circumference from the equator to a pole", () => {
    expect(greatCircleKm({ lat: 0, lon: 45 }, { lat: 90, lon: 0 })).toBeCloseTo(
      (Math.PI * EARTH_RADIUS_KM) / 2,
      6,
    );
  });

  it("takes the short way across the antimeridian", () => {
    const d = greatCircleKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 });
    expect(d).toBeCloseTo((Math.PI * EARTH_RADIUS_KM) / 180, 6);
  });
});
