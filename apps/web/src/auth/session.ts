import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import { envol } from "../api/envol-client.ts";

type SessionResponse = Awaited<ReturnType<typeof envol.auth.session.$get>>;

/** Who is signed in (`GET /api/auth/session`): the user and the CSRF token for writes. */
export type Session = Awaited<ReturnType<Extract<SessionResponse, { status: 200 }>["json"]>>;

export type SessionUser = Session["user"];

/** The session's place in the query cache. */
export const SESSION_KEY = ["session"] as const;

/**
 * The first element of the key of every query that reads a signed-in person's data (their
 * applications, the staff queue…): those queries are dropped when the session starts or ends.
 *
 * @example
 * useQuery({ queryKey: [SIGNED_IN, "applications"], queryFn: … })
 */
export const SIGNED_IN = "signed-in";

const dropSignedInData = (queryClient: QueryClient) =>
  queryClient.removeQueries({ queryKey: [SIGNED_IN] });

/** The session, or null when nobody is signed in (401). */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async ({ signal }): Promise<Session | null> => {
    const res = await envol.auth.session.$get(undefined, { init: { signal } });
    const status: number = res.status;
    if (res.status === 200) return res.json();
    if (status === 401) return null;
    throw new Error(`session: HTTP ${String(status)}`);
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
 * Signed in: the session goes into the cache, so every page that reads it moves on at once, and
 * whatever an earlier person's queries held is dropped.
 */
export const sessionStarted = (queryClient: QueryClient, session: Session): void => {
  dropSignedInData(queryClient);
  queryClient.setQueryData(SESSION_KEY, session);
};

/** The session ended (signed out, or expired: a 401): no one is signed in, no private data is kept. */
export const sessionEnded = (queryClient: QueryClient): void => {
  queryClient.setQueryData(SESSION_KEY, null);
  dropSignedInData(queryClient);
};

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
