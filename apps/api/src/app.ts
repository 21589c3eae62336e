import { HTTPException } from "hono/http-exception";
import { createRouter } from "./lib/create-router.ts";
import type { AppDeps } from "./lib/deps.ts";
import { language } from "./lib/language.ts";
import { problem, problemBody } from "./lib/problem.ts";
import { securityHeaders } from "./lib/security.ts";
import { docsRouter } from "./routes/docs/docs.index.ts";
import { healthRouter } from "./routes/health/health.index.ts";
import { partnersRouter } from "./routes/partners/partners.index.ts";
import { schemesRouter } from "./routes/schemes/schemes.index.ts";
import { simulationsRouter } from "./routes/simulations/simulations.index.ts";

export type { AppDeps } from "./lib/deps.ts";

/** The API's routes under /api, chained so that the typed client sees each of them. */
const apiRoutes = (deps: AppDeps) =>
  createRouter()
    .route("/", healthRouter(deps))
    .route("/", simulationsRouter(deps))
    .route("/", schemesRouter(deps))
    .route("/", partnersRouter(deps));

/**
 * The Envol HTTP application: the API under /api, its OpenAPI 3.1 document and reference,
 * problem+json for every error.
 */
export const createApp = (deps: AppDeps, options: { readonly https?: boolean } = {}) => {
  const api = apiRoutes(deps);
  const app = createRouter();
  const headers = securityHeaders({ https: options.https ?? false });
  app.use("*", (c, next) =>
    (c.req.path.startsWith("/api/docs") ? headers.docs : headers.app)(c, next),
  );
  app.use("*", language);
  app.route("/api", api);
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Envol API",
      version: "1.0.0",
      description:
        "Funding for students' stays abroad: the public simulator and scheme catalogue, the student area, the international office's back office and the partner schools' API (EWP-shaped). Amounts are in euro cents; dates are YYYY-MM-DD; errors are RFC 9457 problem details.",
    },
  });
  app.route("/api", docsRouter());
  app.notFound((c) => {
    const lang = c.get("lang");
    return problem(
      c,
      problemBody(404, "not-found", lang === "en" ? "Not found" : "Introuvable", {
        detail: c.req.path,
      }),
    );
  });
  app.onError((error, c) => {
    const lang = c.get("lang") ?? "fr";
    if (error instanceof HTTPException && error.status < 500) {
      return problem(
        c,
        problemBody(
          error.status,
          error.status === 400 ? "bad-request" : "http",
          error.message || "Bad request",
        ),
      );
    }
    // nothing internal reaches the client: the details go to the log only
    console.error(
      JSON.stringify({
        level: "error",
        msg: "unhandled error",
        path: c.req.path,
        error: String(error),
        stack: (error as Error).stack,
      }),
    );
    return problem(
      c,
      problemBody(500, "internal", lang === "en" ? "Internal error" : "Erreur interne"),
    );
  });
  return app;
};

export type AppType = ReturnType<typeof apiRoutes>;
