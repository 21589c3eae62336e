import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.ts";
import { issuesOf, problem, problemBody } from "./problem.ts";

/**
 * A router whose request validation fails the same way everywhere: 422, problem+json, each
 * field's path and message (a body that is not JSON at all: 400).
 */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const lang = c.get("lang");
      return problem(
        c,
        problemBody(
          422,
          "validation",
          lang === "en" ? "The request is not valid" : "La requête n'est pas valide",
          {
            errors: issuesOf(result.error),
          },
        ),
      );
    },
  });
