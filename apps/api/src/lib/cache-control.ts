import type { Context } from "hono";
import { SESSION_COOKIE } from "./auth.ts";
import { responseHeaders } from "./response-headers.ts";

/** The API's paths whose every answer is about someone: the sign-in, a student's, the office's, a partner's. */
const PRIVATE_PATHS = /^\/api\/(auth|me|applications|staff|partner)(\/|$)/;

const SESSION = `${SESSION_COOKIE}=`;

/** A request made as someone: with the session cookie or an API key. */
const hasCredentials = (c: Context) =>
  c.req.header("Authorization") !== undefined ||
  (c.req.header("Cookie")?.includes(SESSION) ?? false);

const NO_STORE = [["Cache-Control", "no-store"]] as const;
const NONE = [] as const;

/**
 * `Cache-Control: no-store` on every answer of the API that is about someone (errors included),
 * so that no shared or browser cache keeps it: anything under the private paths, and any answer
 * to a request made with credentials. A route that says more keeps its own (a document's
 * `private, no-store`); the public ones (the simulator, the scheme catalogue) stay cacheable.
 * Given as {@link responseHeaders} says.
 */
export const privateAnswers = () =>
  responseHeaders((c) =>
    c.req.path.startsWith("/api/") && (PRIVATE_PATHS.test(c.req.path) || hasCredentials(c))
      ? NO_STORE
      : NONE,
  );
