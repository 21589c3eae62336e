import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";

const Health = z.object({ status: z.enum(["ok", "unavailable"]) });

export const liveness = createRoute({
  method: "get",
  path: "/health",
  tags: ["Operations"],
  summary: "Liveness: the process answers",
  responses: { 200: { description: "Alive", content: { "application/json": { schema: Health } } } },
});

export const readiness = createRoute({
  method: "get",
  path: "/health/ready",
  tags: ["Operations"],
  summary: "Readiness: the database answers",
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: Health } } },
    503: {
      description: "The database does not answer",
      content: { "application/json": { schema: Health } },
    },
  },
});

export const healthRouter = (deps: AppDeps) =>
  createRouter()
    .openapi(liveness, (c) => c.json({ status: "ok" as const }, 200))
    .openapi(readiness, async (c) =>
      (await deps.ready())
        ? c.json({ status: "ok" as const }, 200)
        : c.json({ status: "unavailable" as const }, 503),
    );
