import type { QueryClient } from "@tanstack/react-query";
import type { Session } from "./session.ts";

/**
 * The session's place in the query cache, and what starting and ending it does there. Apart
 * from `session.ts` (which reads the session from the API) so that the query client, set up in
 * `main.tsx`, can end an expired session without bringing the API client into the first screen.
 */

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
