import type { Lang } from "@envol/domain";
import { queryOptions } from "@tanstack/react-query";
import { problemOf } from "./api-problem.ts";
import { envol } from "./envol-client.ts";

/**
 * The scheme catalogue in `lang` (`GET /api/schemes`, public), for the schemes' names: one
 * query for the student area and the back office alike. It changes rarely, so it is read once
 * a visit and language.
 */
export const schemesQuery = (lang: Lang) =>
  queryOptions({
    queryKey: ["schemes", lang],
    queryFn: async ({ signal }) => {
      const res = await envol.schemes.$get(
        { query: {} },
        { headers: { "Accept-Language": lang }, init: { signal } },
      );
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
    staleTime: Number.POSITIVE_INFINITY,
  });

type Schemes = Awaited<ReturnType<NonNullable<ReturnType<typeof schemesQuery>["queryFn"]>>>;

/** The schemes' names by id (a query's `select`). */
export const schemeNames = (schemes: Schemes): ReadonlyMap<string, string> =>
  new Map(schemes.map((s) => [s.id, s.name]));
