import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { requestId } from "hono/request-id";
import pino from "pino";
import type { AppEnv } from "./env.ts";

/** Field names whose values never reach a log line, at the top or one level down. */
const SECRET_FIELDS = [
  "password",
  "passwords",
  "token",
  "sessionToken",
  "csrfToken",
  "secret",
  "partnerKey",
  "apiKey",
  "authorization",
  "cookie",
  "set-cookie",
  "clientSecret",
  "OIDC_CLIENT_SECRET",
  "METRICS_TOKEN",
  "SMTP_URL",
  "DATABASE_URL",
  // a mail's or a request's content: personal data, sign-in links
  "text",
  "body",
  "html",
];

/** pino's redact paths: each field at the top, one level down, and in a list of objects. */
const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => {
  const key = /^[A-Za-z_]\w*$/.test(f) ? f : `["${f}"]`;
  const sep = key.startsWith("[") ? "" : ".";
  return [key, `*${sep}${key}`, `*[*]${sep}${key}`];
});

/**
 * Structured logs: one JSON object a line, on standard output. Secrets are censored by field
 * name wherever they would be logged by mistake; the code logs none on purpose (no bodies, no
 * headers).
 */
export const makeLogger = (level: string, destination?: pino.DestinationStream) =>
  pino(
    {
      level,
      base: { service: "envol-api" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    destination,
  );

export type Logger = ReturnType<typeof makeLogger>;

/** A request id from the client is kept only when it is this short and made of `[A-Za-z0-9_=-]`. */
export const REQUEST_ID_MAX_LENGTH = 64;

/**
 * Every request gets an id (the client's `X-Request-Id` when short and safe, else a new UUID),
 * sent back in `X-Request-Id`, and a child logger carrying it (`c.get("logger")`) for the
 * handlers' own lines; one line per request at the end: method, path, status, duration, and the
 * client's address (as TRUST_PROXY makes it: IT traces a brute force from its 429s).
 */
export const requestLog = (logger: Logger): MiddlewareHandler<AppEnv> => {
  const id = requestId({ limitLength: REQUEST_ID_MAX_LENGTH, headerName: "X-Request-Id" });
  const log = createMiddleware<AppEnv>(async (c, next) => {
    const start = performance.now();
    const child = logger.child({ requestId: c.get("requestId") });
    c.set("logger", child);
    await next();
    child.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - start),
        clientAddress: c.get("clientAddress"),
      },
      "request",
    );
  });
  return (c, next) =>
    id(c, async () => {
      await log(c, next);
    });
};
