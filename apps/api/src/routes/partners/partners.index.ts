import { PartnerSchema } from "@envol/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";

export const listPartners = createRoute({
  method: "get",
  path: "/partners",
  tags: ["Public"],
  summary: "The partner catalogue",
  description:
    "Host institutions, with their country, city, coordinates and agreements with the school.",
  responses: {
    200: {
      description: "The partners",
      content: { "application/json": { schema: z.array(PartnerSchema) } },
    },
  },
});

export const partnersRouter = (deps: AppDeps) =>
  createRouter().openapi(listPartners, async (c) => c.json([...(await deps.partners())], 200));
