import { isDatabaseUnavailable } from "@envol/db";
import type { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { authenticate } from "./lib/auth.ts";
import { bodyLimit, jsonBodyTooLarge, MAX_JSON_BODY_BYTES } from "./lib/body-limit.ts";
import { privateAnswers } from "./lib/cache-control.ts";
import { clientAddress, TRUST_NO_PROXY, type TrustProxy } from "./lib/client-address.ts";
import { compression } from "./lib/compression.ts";
import { identityBodiesOnly } from "./lib/content-encoding.ts";
import { createRouter } from "./lib/create-router.ts";
import { databaseUnavailable } from "./lib/database-unavailable.ts";
import type { AppDeps } from "./lib/deps.ts";
import { language } from "./lib/language.ts";
import { type Logger, makeLogger, requestLog } from "./lib/logger.ts";
import { makeMetrics } from "./lib/metrics.ts";
import { problem, problemBody, TITLES } from "./lib/problem.ts";
import { securityHeaders } from "./lib/security.ts";
import { allocationsRouter } from "./routes/allocations/allocations.index.ts";
import { authRouter } from "./routes/auth/auth.index.ts";
import { oidcRouter } from "./routes/auth/oidc.ts";
import { callsRouter } from "./routes/calls/calls.index.ts";
import { docsRouter } from "./routes/docs/docs.index.ts";
import { healthRouter } from "./routes/health/health.index.ts";
import { opsRouter } from "./routes/ops/ops.index.ts";
import { partnerRouter } from "./routes/partner/partner.index.ts";
import { partnersRouter } from "./routes/partners/partners.index.ts";
import { placesRouter } from "./routes/places/places.index.ts";
import { scenariosRouter } from "./routes/scenarios/scenarios.index.ts";
import { schemesRouter } from "./routes/schemes/schemes.index.ts";
import { simulationsRouter } from "./routes/simulations/simulations.index.ts";
import { staffRouter } from "./routes/staff/staff.index.ts";
import { staffDocumentsRouter } from "./routes/staff-documents/staff-documents.index.ts";
import { studentsRouter } from "./routes/students/students.index.ts";
import { isDocumentUpload } from "./routes/students/students.routes.ts";

export type { AppDeps } from "./lib/deps.ts";

/** The API's routes under /api, chained so that the typed client sees each of them. */
const apiRoutes = (deps: AppDeps, options: { readonly https: boolean }) =>
  createRouter()
    .route("/", authRouter(deps, options))
    .route("/", oidcRouter(deps, options))
    .route("/", healthRouter(deps))
    .route("/", opsRouter(deps))
    .route("/", simulationsRouter(deps))
    .route("/", schemesRouter(deps))
    .route("/", partnersRouter(deps))
    .route("/", placesRouter(deps))
    .route("/", studentsRouter(deps))
    .route("/", staffRouter(deps))
    .route("/", staffDocumentsRouter(deps))
    .route("/", callsRouter(deps))
    .route("/", allocationsRouter(deps))
    .route("/", scenariosRouter(deps))
    .route("/partner/v1", partnerRouter(deps));

/**
 * The Envol HTTP application: the API under /api, its OpenAPI 3.1 document and reference,
 * problem+json for every error.
 */
export interface AppOptions {
  /** Served over https: Secure cookies and HSTS. */
  readonly https?: boolean;
  /**
   * The process's logger: one line per request, and each handler's lines, with the request's
   * id. Without one (route tests), only errors are written.
   */
  readonly logger?: Logger;
  /** The web app, served for every path outside /api. */
  readonly web?: Hono;
  /** `GET /metrics` answers a scraper sending it as a bearer token; unset: 404. */
  readonly metricsToken?: string | undefined;
  /** The proxies whose X-Forwarded-For names the client (TRUST_PROXY); default: none. */
  readonly trustProxy?: TrustProxy;
}

export const createApp = (deps: AppDeps, options: AppOptions = {}) => {
  const https = options.https ?? false;
  const api = apiRoutes(deps, { https });
  const app = createRouter();
  app.use("*", clientAddress(options.trustProxy ?? TRUST_NO_PROXY));
  const metrics = makeMetrics(deps.run, options.metricsToken);
  app.use("*", metrics.measure);
  app.use("*", requestLog(options.logger ?? makeLogger("error")));
  app.use("*", securityHeaders({ https }));
  app.use("*", privateAnswers());
  // gzip or deflate when the client accepts it (the web app's scripts, the API's reports); the
  // responses also vary on Accept-Language (the language middleware's choice)
  app.use("*", compression({ varyAlsoOn: ["Accept-Language"] }));
  app.use("*", language);
  // a compressed body is refused before anything reads it (415)
  app.use("*", identityBodiesOnly);
  // every body is bounded before anything reads it; the document upload has its own, larger limit
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_JSON_BODY_BYTES,
      onError: jsonBodyTooLarge,
      unless: isDocumentUpload,
    }),
  );
  app.use("/api/*", authenticate(deps, { https }));
  app.route("/api", api);
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Envol API",
      version: "1.0.0",
      description:
        "Funding for students' stays abroad: the public simulator and scheme catalogue, the student area, the international office's back office and the partner schools' API (EWP-shaped). Amounts are in euro cents; dates are YYYY-MM-DD; a request body is 64 KiB at most (a document upload 10 MiB), 413 beyond, and sent without Content-Encoding, 415 otherwise; errors are RFC 9457 problem details.",
    },
  });
  app.route("/api", docsRouter());
  // outside /api: not part of the API's contract, and not behind its authentication
  app.get("/metrics", metrics.endpoint);
  if (options.web) {
    const web = options.web;
    // the API's unknown paths stay problem+json 404s, never the web app's page; the web app's
    // pages are one series in the metrics, not one per path
    app.all("*", (c, next) => {
      if (c.req.path === "/api" || c.req.path.startsWith("/api/")) return next();
      c.set("metricsRoute", "web");
      return web.fetch(c.req.raw, c.env);
    });
  }
  app.notFound((c) => {
    const lang = c.get("lang");
    return problem(
      c,
      problemBody(404, "not-found", TITLES.notFound[lang], {
        detail: c.req.path,
      }),
    );
  });
  app.onError((error, c) => {
    const lang = c.get("lang") ?? "fr";
    // a 400 is the validators' body they could not parse (not JSON, a broken form): the title
    // in the reader's language, hono's words as the detail
    if (error instanceof HTTPException && error.status === 400) {
      return problem(
        c,
        problemBody(400, "bad-request", TITLES.malformedBody[lang], {
          ...(error.message && { detail: error.message }),
        }),
      );
    }
    if (error instanceof HTTPException && error.status < 500) {
      return problem(c, problemBody(error.status, "http", error.message || "Bad request"));
    }
    if (isDatabaseUnavailable(error)) return databaseUnavailable(c);
    // nothing internal reaches the client: the details go to the log only
    c.get("logger").error(
      { path: c.req.path, error: String(error), stack: (error as Error).stack },
      "unhandled error",
    );
    return problem(c, problemBody(500, "internal", TITLES.internal[lang]));
  });
  return app;
};

export type AppType = ReturnType<typeof apiRoutes>;
