import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import { problemOf } from "../api/api-problem.ts";
import { envol } from "../api/envol-client.ts";
import { SESSION_KEY, sessionEnded } from "./session-cache.ts";

export { SESSION_KEY, SIGNED_IN, sessionEnded, sessionStarted } from "./session-cache.ts";

type SessionResponse = Awaited<ReturnType<typeof envol.auth.session.$get>>;

/** Who is signed in (`GET /api/auth/session`): the user and the CSRF token for writes. */
export type Session = Awaited<ReturnType<Extract<SessionResponse, { status: 200 }>["json"]>>;

export type SessionUser = Session["user"];

/** The session, or null when nobody is signed in (401). */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async ({ signal }): Promise<Session | null> => {
    const res = await envol.auth.session.$get(undefined, { init: { signal } });
    const status: number = res.status;
    if (res.status === 200) return res.json();
    if (status === 401) return null;
    throw await problemOf(res);
  },
  staleTime: 5 * 60_000,
  retry: 1,
});

/**
 * The current session through TanStack Query: `data` is the session, null when nobody is signed
 * in, undefined while it is being checked.
 */
export const useSession = () => useQuery(sessionQuery);

/**
 * `POST /api/auth/sign-out` with the session's CSRF token; the session stops working at once on
 * the server, and the cache forgets it. A session already gone (401) counts as signed out.
 *
 * @throws Error when the server refuses or does not answer (the person is still signed in)
 */
export const signOut = async (queryClient: QueryClient): Promise<void> => {
  const session = queryClient.getQueryData<Session | null>(SESSION_KEY);
  if (session) {
    const res = await envol.auth["sign-out"].$post(undefined, {
      headers: { "X-CSRF-Token": session.csrfToken },
    });
    if (res.status !== 204 && (res.status as number) !== 401)
      throw new Error(`sign-out: HTTP ${String(res.status)}`);
  }
  sessionEnded(queryClient);
};
