/**
 * What the city search shows and asks, without the client: when to search, and how a city reads.
 * `places.ts` asks the API.
 */

/** The shortest name the city search (`GET /api/places`) looks for. */
export const MIN_PLACE_QUERY = 2;

/** Whether a city search can be asked yet: a country chosen and a name begun. */
export const canSearchPlaces = (q: string, country: string): boolean =>
  country !== "" && q.trim().length >= MIN_PLACE_QUERY;

export interface Place {
  readonly name: string;
  readonly region: string | null;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
}

/** How a city reads in the list: its name, and its region when that tells it apart ("Paris, Île-de-France"). */
export const placeLabel = (place: Place): string =>
  place.region && place.region !== place.name ? `${place.name}, ${place.region}` : place.name;

/** A city's id in the list: two cities of one name differ by their coordinates. */
export const placeId = (place: Place): string => `${place.name}@${place.lat},${place.lon}`;
