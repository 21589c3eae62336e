import type { Lang } from "@envol/domain";
import { queryOptions } from "@tanstack/react-query";
import { problemOf } from "../api/api-problem.ts";
import { envol } from "../api/envol-client.ts";
import { isSchemeId } from "./scheme-id.ts";

/**
 * A scheme's published rules in `lang` (`GET /api/schemes/{id}/rules`, public): every period
 * of its rules and its worked examples as the engine evaluates them today. Read again on each
 * visit: the examples are recalculated by the server.
 */
export const schemeRulesQuery = (id: string, lang: Lang) =>
  queryOptions({
    queryKey: ["scheme-rules", id, lang],
    // an address's id that cannot be a scheme's is not asked of the API (see `scheme-id.ts`)
    enabled: isSchemeId(id),
    queryFn: async ({ signal }) => {
      const res = await envol.schemes[":id"].rules.$get(
        // the client puts the id in the path as it is: encoded, it stays one segment
        { param: { id: encodeURIComponent(id) } },
        { headers: { "Accept-Language": lang }, init: { signal } },
      );
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
  });

export type SchemeRulesJson = Awaited<
  ReturnType<NonNullable<ReturnType<typeof schemeRulesQuery>["queryFn"]>>
>;
