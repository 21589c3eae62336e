import { queryOptions } from "@tanstack/react-query";
import { problemOf } from "./api-problem.ts";
import { envol } from "./envol-client.ts";
import { canSearchPlaces } from "./place-names.ts";

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
