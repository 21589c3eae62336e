import {
  AcademicYearSchema,
  CentsSchema,
  IsoDateSchema,
  PriorityRulesSchema,
  TEXT_LIMITS,
} from "@envol/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { requireRole } from "../../lib/auth.ts";
import type { AppEnv } from "../../lib/env.ts";
import { problemResponse } from "../../lib/problem.ts";

/**
 * What-if scenarios and the schemes' dated options (issue #15 point 3, ADR 020): the office
 * reads a scheme's options and their JSON Schema, runs a scenario over a year's requests
 * (streamed NDJSON: progress, then the result), and saves a scenario as the options in force
 * from a date. Staff only.
 */

const staff = [requireRole("staff")] as MiddlewareHandler<AppEnv>[];

const denied = {
  401: problemResponse("Nobody is signed in"),
  403: problemResponse("Not a staff member, or a write without the session's CSRF token"),
} as const;

const SchemeParam = z.object({
  scheme: z.string().min(1).max(TEXT_LIMITS.id).meta({ example: "idf" }),
});

/** Options as the office sends them: some or all of the plugin's, merged over those in force. */
const OptionsInput = z.record(z.string(), z.unknown()).meta({
  description:
    "Some or all of the scheme's options (top-level fields replace those in force; the plugin validates the result, a wrong one is a 422 naming `options.<path>`)",
  example: { monthlyRateCents: 40_000 },
});

export const SchemeOptionPeriodSchema = z
  .object({
    since: z.string().meta({ description: "The stays starting on or after this day use them" }),
    options: z.unknown(),
    reason: z.string(),
    savedBy: z.string().meta({ description: "The audit trail's actor id" }),
    savedAt: z.string(),
  })
  .meta({ id: "SchemeOptionPeriod" });

export const SchemeOptionsSchema = z
  .object({
    scheme: z.string(),
    schemeName: z.string().meta({ description: "In the reader's language" }),
    firstPeriod: z.string().meta({
      description: "The scheme's earliest figures: no dated options may start before",
    }),
    configuredOptions: z
      .unknown()
      .meta({ description: "The institution configuration's options, before any saved period" }),
    options: z.unknown().meta({
      description: "The options in force for the stays starting on or after the latest period",
    }),
    periods: z.array(SchemeOptionPeriodSchema),
    schema: z.unknown().meta({
      description:
        "The JSON Schema (draft 2020-12) of the options as they are sent: which are numbers, their bounds and defaults",
    }),
  })
  .meta({ id: "SchemeOptions" });

export const readSchemeOptions = createRoute({
  method: "get",
  path: "/staff/schemes/{scheme}/options",
  tags: ["Staff"],
  summary: "A scheme's options: those configured, the dated periods saved, and their JSON Schema",
  middleware: staff,
  request: { params: SchemeParam },
  responses: {
    200: {
      description: "The scheme's options",
      content: { "application/json": { schema: SchemeOptionsSchema } },
    },
    ...denied,
    422: problemResponse("An unknown scheme (`scheme`)"),
  },
});

export const SaveOptionsBody = z.strictObject({
  since: IsoDateSchema,
  options: OptionsInput,
  reason: z.string().trim().min(1).max(TEXT_LIMITS.text).meta({
    description: "Why, kept in the audit trail",
    example: "Délibération du conseil d'administration du 12 mars",
  }),
});

export const saveSchemeOptions = createRoute({
  method: "post",
  path: "/staff/schemes/{scheme}/options",
  tags: ["Staff"],
  summary: "Save options as the scheme's options from a date",
  description:
    "The stays starting on or after `since` are evaluated with them from now on, on every instance (each checks within 10 s). Decisions already taken keep their figures: an approved grant keeps its amount and the options stored at its approval. Audited: who, why, the options in force on `since` before and after. Saving the same date again replaces that period.",
  middleware: staff,
  request: {
    params: SchemeParam,
    body: { required: true, content: { "application/json": { schema: SaveOptionsBody } } },
  },
  responses: {
    200: {
      description: "The scheme's options as they stand",
      content: { "application/json": { schema: SchemeOptionsSchema } },
    },
    ...denied,
    422: problemResponse(
      "A field is invalid: an unknown scheme (`scheme`), a date before the scheme's first figures (`since`), an option the plugin refuses (`options.<path>`), an empty reason (`reason`)",
    ),
  },
});

export const ScenarioBody = z.strictObject({
  scheme: z.string().min(1).max(TEXT_LIMITS.id).meta({ example: "idf" }),
  academicYear: AcademicYearSchema,
  options: OptionsInput.optional(),
  since: IsoDateSchema.optional().meta({
    description:
      "The scenario's options apply to the stays starting on or after this day (default: every stay)",
  }),
  envelopeCents: CentsSchema.optional().meta({
    description: "The scenario's envelope (default: the year's envelope as it stands)",
  }),
  rules: PriorityRulesSchema.optional(),
});

export const runScenario = createRoute({
  method: "post",
  path: "/staff/scenarios",
  tags: ["Staff"],
  summary: "What if: a year's requests re-evaluated with other options and/or another envelope",
  description: [
    "Streamed as NDJSON (`application/x-ndjson`), one JSON object a line:",
    '`{"type":"progress","done":1000,"total":50000}` after each page of 1 000 requests read, then one',
    '`{"type":"result","summary":{…},"rows":[…],"rowsOmitted":0}`; a failure after the first line is a line',
    '`{"type":"error","title":"…"}`. The requests read are the year\'s decided ones (approved and on: their',
    "figures kept, committed on both sides) and those to decide (submitted, under review, waitlisted: evaluated",
    "with today's options and with the scenario's, ranked by `rules`, else by the call's proposed allocation's, else by submission, and allocated within",
    "what the decided ones leave of the envelope). `rows` lists the requests whose amount or funded status",
    "changes, in the scenario's rank order, at most 1 000 (`rowsOmitted` counts the others).",
  ].join(" "),
  middleware: staff,
  request: {
    body: { required: true, content: { "application/json": { schema: ScenarioBody } } },
  },
  responses: {
    200: {
      description: "Progress lines, then the result",
      content: { "application/x-ndjson": { schema: z.string() } },
    },
    ...denied,
    422: problemResponse(
      "A field is invalid: an unknown scheme (`scheme`), an option the plugin refuses (`options.<path>`), a date before the scheme's first figures (`since`), no envelope for the year and none given (`envelopeCents`)",
    ),
  },
});
