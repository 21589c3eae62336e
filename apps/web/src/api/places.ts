import { queryOptions } from "@tanstack/react-query";
import { problemOf } from "./api-problem.ts";
import { envol } from "./envol-client.ts";

/** The shortest name the city search (`GET /api/places`) looks for. */
export const MIN_PLACE_QUERY = 2;

/** Whether a city search can be asked yet: a country chosen and a name begun. */
export const canSearchPlaces = (q: string, country: string): boolean =>
  country !== "" && q.trim().length >= MIN_PLACE_QUERY;

/** The cities of `country` whose name matches `q`, with their coordinates (`GET /api/places`). */
export const placesQuery = (q: string, country: string) =>
  queryOptions({
    queryKey: ["places", country, q.trim()],
    queryFn: async ({ signal }) => {
      const res = await envol.places.$get(
        { query: { q: q.trim(), country } },
        // public: no session cookie to send
        { init: { signal, credentials: "omit" } },
      );
      if (!res.ok) throw await problemOf(res);
      return res.json();
    },
    enabled: canSearchPlaces(q, country),
    // a gazetteer changes with a release, not during a visit
    staleTime: Number.POSITIVE_INFINITY,
  });

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
