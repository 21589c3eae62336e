import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env.ts";
import { problemIn, TITLES } from "./problem.ts";

/**
 * The largest JSON body any route takes: 64 KiB. A simulation is about 1 KB, and the longest
 * body (an application: a situation, its schemes, every free text at its maximum length) stays
 * under 20 KB.
 */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export interface BodyLimitOptions {
  readonly maxSize: number;
  /** The answer to a body over the limit. */
  readonly onError: (c: Context<AppEnv>) => Response | Promise<Response>;
  /** Requests this limit leaves to another (a route with a larger limit of its own). */
  readonly unless?: (c: Context<AppEnv>) => boolean;
}

/**
 * Refuses a request body over `maxSize` before it is parsed: at once when Content-Length
 * announces more, and otherwise (chunked, or a stream with no length) as soon as the bytes read
 * go past it (hono's body-limit counts them). A request whose Content-Length is within the
 * limit is let through untouched, and so is a GET or HEAD with neither header (it has no body):
 * hono's middleware reads `c.req.raw.body`, which turns @hono/node-server's light request into
 * a full Web Request, a cost every small JSON route would pay (Node's HTTP parser already holds
 * a body to its Content-Length).
 */
export const bodyLimit = (options: BodyLimitOptions): MiddlewareHandler<AppEnv> => {
  const counting = honoBodyLimit({ maxSize: options.maxSize, onError: options.onError });
  return createMiddleware<AppEnv>(async (c, next) => {
    if (options.unless?.(c)) return next();
    const chunked = c.req.header("Transfer-Encoding") !== undefined;
    const length = c.req.header("Content-Length");
    if (!chunked && length !== undefined)
      return Number(length) > options.maxSize ? options.onError(c) : next();
    if (!chunked && (c.req.method === "GET" || c.req.method === "HEAD")) return next();
    return counting(c, next);
  });
};

/** The 413 of a JSON body too large, in the problem+json of every error. */
export const jsonBodyTooLarge = (c: Context<AppEnv>) =>
  problemIn(c, 413, "body-too-large", {
    title: TITLES.bodyTooLarge,
    detail: {
      fr: "Le corps d'une requête ne peut dépasser 64 Kio.",
      en: "A request body may be 64 KiB at most.",
    },
  });
