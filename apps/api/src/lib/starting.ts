import { pickLanguage } from "./language.ts";
import { problemBody, TITLES } from "./problem.ts";

/** Seconds a client should wait: migrating and loading the catalogue take a few. */
const RETRY_AFTER_SECONDS = 5;

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers },
  });

/**
 * The answer of a server whose port is bound but whose app is not made yet (main.ts binds the
 * port before it opens the database): the process is alive (`/api/health` 200), not ready
 * (`/api/health/ready` 503, as when the database does not answer), and anything else is a 503
 * problem, worth retrying, in the reader's language.
 */
export const whileStarting = (request: Request): Response => {
  const { pathname } = new URL(request.url);
  const retry = { "Retry-After": String(RETRY_AFTER_SECONDS) };
  if (pathname === "/api/health") return json({ status: "ok" }, 200);
  if (pathname === "/api/health/ready") return json({ status: "unavailable" }, 503, retry);
  const lang = pickLanguage(request.headers.get("accept-language") ?? undefined);
  return json(problemBody(503, "starting", TITLES.starting[lang]), 503, {
    ...retry,
    "Content-Type": "application/problem+json; charset=utf-8",
    "Content-Language": lang,
  });
};
