import {
  EARLIEST_DATE,
  IsoDateSchema,
  LATEST_DATE,
  SchemeDescriptionSchema,
  SchemeRulesSchema,
  TEXT_LIMITS,
} from "@envol/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponse, tooManyResponse } from "../../lib/problem.ts";

const On = z.object({
  // the range of every request date: year 0 or 9999 is a slip, not a date the figures know
  on: IsoDateSchema.optional().meta({
    description: `Show the figures in force on this date (a mobility's start), YYYY-MM-DD from ${EARLIEST_DATE} to ${LATEST_DATE}; today by default`,
  }),
});

export const listSchemes = createRoute({
  method: "get",
  path: "/schemes",
  tags: ["Public"],
  summary: "The funding schemes the school offers",
  description:
    "Each scheme's rules in words and its dated figures, with their source and confidence.",
  request: { query: On },
  responses: {
    200: {
      description: "The schemes",
      content: { "application/json": { schema: z.array(SchemeDescriptionSchema) } },
    },
    422: problemResponse("A query parameter is invalid"),
  },
});

const SchemeId = z.object({ id: z.string().max(TEXT_LIMITS.id).meta({ example: "erasmus" }) });

export const getScheme = createRoute({
  method: "get",
  path: "/schemes/{id}",
  tags: ["Public"],
  summary: "One funding scheme",
  request: {
    params: SchemeId,
    query: On,
  },
  responses: {
    200: {
      description: "The scheme",
      content: { "application/json": { schema: SchemeDescriptionSchema } },
    },
    404: problemResponse("No such scheme"),
    422: problemResponse("A query parameter is invalid"),
  },
});

export const getSchemeRules = createRoute({
  method: "get",
  path: "/schemes/{id}/rules",
  tags: ["Public"],
  summary: "One funding scheme's published rules",
  description:
    "Every period of the scheme's rules, oldest first (its criteria in words, its figures with their date, source and confidence), which one is in force today, and its worked examples evaluated by the engine on today's rules: each example's verdict, amount and lines with their basis, as a simulation gives them.",
  request: { params: SchemeId },
  responses: {
    200: {
      description: "The scheme's rules",
      content: { "application/json": { schema: SchemeRulesSchema } },
    },
    404: problemResponse("No such scheme"),
    422: problemResponse("The id is not a scheme id (too long, or characters an id never has)"),
    429: tooManyResponse(
      "Too many rule pages from this client this minute (each evaluates the scheme's worked examples; ENVOL_LIMIT_SIMULATIONS_PER_MINUTE, counted apart from simulations)",
    ),
  },
});
