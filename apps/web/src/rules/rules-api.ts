import type { Lang } from "@envol/domain";
import { queryOptions } from "@tanstack/react-query";
import { problemOf } from "../api/api-problem.ts";
import { envol } from "../api/envol-client.ts";

/**
 * A scheme's published rules in `lang` (`GET /api/schemes/{id}/rules`, public): every period
 * of its rules and its worked examples as the engine evaluates them today. Read again on each
 * visit: the examples are recalculated by the server.
 */
export const schemeRulesQuery = (id: string, lang: Lang) =>
  queryOptions({
    queryKey: ["scheme-rules", id, lang],
    queryFn: async ({ signal }) => {
      const res = await envol.schemes[":id"].rules.$get(
        { param: { id } },
        { headers: { "Accept-Language": lang }, init: { signal } },
      );
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
  });

export type SchemeRulesJson = Awaited<
  ReturnType<NonNullable<ReturnType<typeof schemeRulesQuery>["queryFn"]>>
>;
