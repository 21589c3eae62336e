/** A point on Earth, in decimal degrees. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** The mean Earth radius the European Commission's distance calculator uses. */
export const EARTH_RADIUS_KM = 6371;

const rad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * Great-circle (haversine) distance in km, one way (rulebook §0).
 *
 * @example
 * Math.floor(greatCircleKm({ lat: 48.7127, lon: 2.2005 }, { lat: 52.5125, lon: 13.3269 })) // 890
 */
export const greatCircleKm = (a: GeoPoint, b: GeoPoint): number => {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
};
