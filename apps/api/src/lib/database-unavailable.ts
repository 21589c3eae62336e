import type { Context } from "hono";
import type { AppEnv } from "./env.ts";
import { problemBody, TITLES } from "./problem.ts";

/** Seconds a client should wait before trying again: a restart or a failover takes a few. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The answer to a request whose database went away under it (a restart, a failover, a dropped
 * connection): 503, worth retrying, rather than a 500 that says the request itself is wrong.
 */
export const databaseUnavailable = (c: Context<AppEnv>): Response => {
  const lang = c.get("lang") ?? "fr";
  const body = problemBody(503, "database-unavailable", TITLES.databaseUnavailable[lang]);
  return c.body(JSON.stringify(body), 503, {
    "Content-Type": "application/problem+json; charset=utf-8",
    "Retry-After": String(RETRY_AFTER_SECONDS),
  });
};
