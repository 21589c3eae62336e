import { createMiddleware } from "hono/factory";
import pino from "pino";
import type { AppEnv } from "./env.ts";

/** Structured logs: one JSON object a line, on standard output. */
export const makeLogger = (level: string) => pino({ level, base: { service: "envol-api" } });

export type Logger = ReturnType<typeof makeLogger>;

/** One line per request: method, path, status, duration. */
export const requestLog = (logger: Logger) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const start = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - start),
      },
      "request",
    );
  });
