import { AcademicYearSchema, CallTermsSchema, TEXT_LIMITS } from "@envol/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { requireRole } from "../../lib/auth.ts";
import type { AppEnv } from "../../lib/env.ts";
import { problemResponse } from "../../lib/problem.ts";

/**
 * The calls for applications (ADR 018): the office opens one per scheme and academic year, an
 * application window and the documents' deadlines; anyone may read them (the simulator, the
 * applicants' area). Dates are calendar days in Europe/Paris, both ends of the window included.
 */

const staff = [requireRole("staff")] as MiddlewareHandler<AppEnv>[];

const denied = {
  401: problemResponse("Nobody is signed in"),
  403: problemResponse("Not a staff member, or a write without the session's CSRF token"),
} as const;

const YearQuery = z.object({ academicYear: AcademicYearSchema.optional() });

const Day = z.string().meta({ description: "A calendar day (YYYY-MM-DD), in Europe/Paris" });

/** A call as everyone reads it: its window and deadlines. */
export const PublicCallSchema = z
  .object({
    scheme: z.string(),
    schemeName: z.string().meta({ description: "In the reader's language" }),
    academicYear: z.string(),
    opensOn: Day,
    closesOn: Day,
    documentsDueOn: Day.nullable().meta({
      description: "The deadline of the documents due before departure (null: none)",
    }),
    reportsDueOn: Day.nullable().meta({
      description: "The deadline of the documents due after return (null: none)",
    }),
    open: z.boolean().meta({ description: "Whether today (in Paris) is inside the window" }),
  })
  .meta({ id: "Call" });

/** A call as the office reads it: with its reminders' setting and when it last changed. */
export const StaffCallSchema = PublicCallSchema.extend({
  reminderDaysBefore: z.number().int(),
  updatedAt: z.string(),
}).meta({ id: "StaffCall" });

export const listPublicCalls = createRoute({
  method: "get",
  path: "/calls",
  tags: ["Calls"],
  summary: "The calls for applications: each scheme's window and deadlines",
  description:
    "Without a call for a scheme and year, submission is open all year. The window's first and last days are included; today is the day in Paris.",
  request: { query: YearQuery },
  responses: {
    200: {
      description: "The calls, by year then scheme",
      content: { "application/json": { schema: z.array(PublicCallSchema) } },
    },
    422: problemResponse("A query parameter is invalid"),
  },
});

export const listCalls = createRoute({
  method: "get",
  path: "/staff/calls",
  tags: ["Staff"],
  summary: "The calls for applications, with their reminders' setting",
  middleware: staff,
  request: { query: YearQuery },
  responses: {
    200: {
      description: "The calls, by year then scheme",
      content: { "application/json": { schema: z.array(StaffCallSchema) } },
    },
    ...denied,
    422: problemResponse("A query parameter is invalid"),
  },
});

export const setCall = createRoute({
  method: "put",
  path: "/staff/calls/{scheme}/{academicYear}",
  tags: ["Staff"],
  summary: "Open a scheme's call for a year, or change it",
  description:
    "Creates or replaces the call; audited (who opened or changed it, before and after). Outside the window a student may still simulate and edit a draft, but not submit (409 `call-closed`). Each deadline's reminder is e-mailed `reminderDaysBefore` days before it (0 to 60, default 7) to the students whose documents it concerns are missing, once per request.",
  middleware: staff,
  request: {
    params: z.object({
      scheme: z.string().min(1).max(TEXT_LIMITS.id).meta({ example: "erasmus" }),
      academicYear: AcademicYearSchema,
    }),
    body: { required: true, content: { "application/json": { schema: CallTermsSchema } } },
  },
  responses: {
    200: {
      description: "The call as it stands",
      content: { "application/json": { schema: StaffCallSchema } },
    },
    ...denied,
    422: problemResponse(
      "A field is invalid: an unknown scheme (`scheme`), a window that closes before it opens (`closesOn`), a deadline before the window opens (`documentsDueOn`, `reportsDueOn`), reminder days outside 0 to 60 (`reminderDaysBefore`)",
    ),
  },
});
