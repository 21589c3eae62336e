import type { Lang } from "@envol/domain";
import { queryOptions } from "@tanstack/react-query";
import { problemOf } from "./api-problem.ts";
import { envol } from "./envol-client.ts";

/**
 * The office's calls for applications of a year (`GET /api/calls`, public; ADR 018): each
 * scheme's window and deadlines, and whether it is open today in Paris. Without a call for a
 * scheme and year, submission is open. Read again on each visit: the office may change a call.
 */
export const callsQuery = (academicYear: string, lang: Lang) =>
  queryOptions({
    queryKey: ["calls", academicYear, lang],
    queryFn: async ({ signal }) => {
      const res = await envol.calls.$get(
        { query: { academicYear } },
        { headers: { "Accept-Language": lang }, init: { signal } },
      );
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
  });

export type PublicCall = Awaited<
  ReturnType<NonNullable<ReturnType<typeof callsQuery>["queryFn"]>>
>[number];
