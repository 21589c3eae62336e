/**
 * Prometheus metrics (`GET /metrics`, text format, prom-client) for the school's IT department:
 * requests and their latency per route pattern (`/api/staff/requests/:id`, never the raw path,
 * so that the series stay few: the web app's pages are `web`, unknown paths `unmatched`), the
 * notification outbox's backlog, the database pool's use, and Node's own process metrics. Off
 * unless METRICS_TOKEN is set; then the scraper sends it as `Authorization: Bearer <token>`.
 */
import { timingSafeEqual } from "node:crypto";
import { Database, Outbox } from "@envol/db";
import { Effect, Exit } from "effect";
import type { Context, MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AppEnv } from "./env.ts";
import { problem, problemBody, TITLES } from "./problem.ts";
import type { Runner } from "./services.ts";

/** The label of the requests no route pattern answered: unknown paths, unknown methods. */
export const UNMATCHED_ROUTE = "unmatched";

/**
 * The route pattern of a request: the first route of its method that matched. Middleware and
 * the web app's fallback match every path for every method ("ALL"), so they never name it; a
 * request refused by a middleware on its way (401, 413, 429) is still counted under its route.
 * Without one: the label a handler set (`web` for the web app's pages), else `unmatched`.
 */
const routeOf = (c: Context<AppEnv>) =>
  matchedRoutes(c).find((r) => r.method !== "ALL")?.path ??
  c.get("metricsRoute") ??
  UNMATCHED_ROUTE;

const sameToken = (sent: string, expected: string) => {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * One registry per app (the tests build several apps in one process). `measure` times every
 * request; `endpoint` answers `GET /metrics`.
 */
export const makeMetrics = (run: Runner, token: string | undefined) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: "envol_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "envol_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method and route pattern",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // read from the database at each scrape, not kept up to date by the code that changes them
  new Gauge({
    name: "envol_outbox_messages",
    help: "Notifications not yet delivered: all of them (unsent), and those whose delivery failed at least once (failing)",
    labelNames: ["state"] as const,
    registers: [registry],
    collect: async function () {
      const exit = await run(Outbox.use((o) => o.backlog(new Date())));
      if (Exit.isFailure(exit)) return;
      this.set({ state: "unsent" }, exit.value.unsent);
      this.set({ state: "failing" }, exit.value.failing);
      oldest.set(exit.value.oldestAgeSeconds);
    },
  });
  const oldest = new Gauge({
    name: "envol_outbox_oldest_unsent_age_seconds",
    help: "How long the oldest undelivered notification has waited (0 when none)",
    registers: [registry],
  });
  new Gauge({
    name: "envol_db_pool_connections",
    help: "PostgreSQL connection pool: connections open (total) and idle, queries waiting for one (waiting); absent on the embedded PGlite, one connection in the process",
    labelNames: ["state"] as const,
    registers: [registry],
    collect: async function () {
      const exit = await run(
        Effect.gen(function* () {
          return (yield* Database).poolUsage?.();
        }),
      );
      if (Exit.isFailure(exit) || !exit.value) return;
      this.set({ state: "total" }, exit.value.total);
      this.set({ state: "idle" }, exit.value.idle);
      this.set({ state: "waiting" }, exit.value.waiting);
    },
  });

  const measure = createMiddleware<AppEnv>(async (c, next) => {
    const end = duration.startTimer();
    try {
      await next();
    } finally {
      const route = routeOf(c);
      end({ method: c.req.method, route });
      requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    }
  });

  const endpoint: MiddlewareHandler<AppEnv> = async (c) => {
    const lang = c.get("lang") ?? "fr";
    if (!token) return problem(c, problemBody(404, "not-found", TITLES.notFound[lang]));
    const sent = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
    if (!sent || !sameToken(sent, token)) {
      c.header("WWW-Authenticate", 'Bearer realm="metrics"');
      return problem(c, problemBody(401, "unauthenticated", TITLES.metricsTokenRequired[lang]));
    }
    return c.body(await registry.metrics(), 200, { "Content-Type": registry.contentType });
  };

  return { registry, measure, endpoint };
};
