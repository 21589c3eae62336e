import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * Errors as RFC 9457 problem details, everywhere: a validation error lists each field and why;
 * nothing internal (stack, SQL) ever reaches a client.
 */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: "https://envol.example/problems/validation" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({
        description: "For a validation error: each field (dotted path) and what is wrong with it",
      }),
  })
  .meta({ id: "Problem" });

export type Problem = z.output<typeof ProblemSchema>;

export const PROBLEM_TYPE = "https://envol.telecom-paris.fr/problems/";

export const problemBody = (
  status: ContentfulStatusCode,
  kind: string,
  title: string,
  extra: { detail?: string; errors?: Problem["errors"] } = {},
): Problem => ({ type: `${PROBLEM_TYPE}${kind}`, title, status, ...extra });

/** Sends a problem with its media type. */
export const problem = (c: Context, body: Problem): Response =>
  c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    "Content-Type": "application/problem+json; charset=utf-8",
  });

/** The OpenAPI description of a problem response. */
export const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

/** Zod issues as problem fields: `mobility.start: must be a calendar date written YYYY-MM-DD`. */
export const issuesOf = (error: z.ZodError): NonNullable<Problem["errors"]> =>
  error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", message: i.message }));
