import { queryOptions } from "@tanstack/react-query";
import { problemOf } from "./api-problem.ts";
import { envol } from "./envol-client.ts";

/** The partner catalogue (`GET /api/partners`): it changes rarely, so it is read once a visit. */
export const partnersQuery = queryOptions({
  queryKey: ["partners"],
  queryFn: async ({ signal }) => {
    const res = await envol.partners.$get(undefined, { init: { signal } });
    if (!res.ok) throw await problemOf(res);
    return res.json();
  },
  staleTime: Number.POSITIVE_INFINITY,
});
