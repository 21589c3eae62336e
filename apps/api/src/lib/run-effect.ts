import { isDatabaseUnavailable } from "@envol/db";
import { Cause, type Effect, Exit, Option } from "effect";
import type { Context } from "hono";
import { databaseUnavailable } from "./database-unavailable.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./env.ts";
import { problem, problemBody, TITLES } from "./problem.ts";
import { problemOf } from "./problems-of-errors.ts";
import type { AppServices } from "./services.ts";

/**
 * Runs an Effect on the app's runtime and answers: `respond` on success; a typed failure
 * through `problemOf`; a database that cannot be reached as a 503; any other defect as a bare
 * 500 (its details go to the log only).
 */
export const runEffect = async <A, E>(
  c: Context<AppEnv>,
  deps: AppDeps,
  effect: Effect.Effect<A, E, AppServices>,
  respond: (value: A) => Response | Promise<Response>,
): Promise<Response> => {
  const exit = await deps.run(effect);
  if (Exit.isSuccess(exit)) return respond(exit.value);
  const error = Cause.findErrorOption(exit.cause);
  const lang = c.get("lang");
  if (
    Option.isSome(error) &&
    typeof error.value === "object" &&
    error.value !== null &&
    "_tag" in error.value
  ) {
    return problem(c, problemOf(error.value as { _tag: string }, lang));
  }
  if (isDatabaseUnavailable(Cause.squash(exit.cause))) {
    c.get("logger").warn({ path: c.req.path }, "database unavailable");
    return databaseUnavailable(c);
  }
  c.get("logger").error({ path: c.req.path, cause: Cause.pretty(exit.cause) }, "defect");
  return problem(c, problemBody(500, "internal", TITLES.internal[lang]));
};
