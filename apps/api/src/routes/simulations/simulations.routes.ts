import { SimulationReportSchema, SituationSchema } from "@envol/domain";
import { createRoute } from "@hono/zod-openapi";
import { problemResponse, tooManyResponse } from "../../lib/problem.ts";

export const simulate = createRoute({
  method: "post",
  path: "/simulations",
  tags: ["Public"],
  summary: "Simulate the funding of a stay abroad",
  description:
    "Evaluates a student's situation against every scheme the school offers: verdicts with their reasons and hints, standalone estimates with their basis, document checklists, and the best combination (ARCHITECTURE §4.1). Amounts are in euro cents. `Accept-Language: fr | en` picks the language of names, reasons and hints (French by default).",
  request: {
    body: { required: true, content: { "application/json": { schema: SituationSchema } } },
  },
  responses: {
    200: {
      description: "The simulation report",
      content: { "application/json": { schema: SimulationReportSchema } },
    },
    400: problemResponse("The body is not JSON"),
    422: problemResponse("A field is invalid: each is listed with its path and why"),
    429: tooManyResponse(
      "Too many simulations from this client this minute (ENVOL_LIMIT_SIMULATIONS_PER_MINUTE)",
    ),
  },
});
