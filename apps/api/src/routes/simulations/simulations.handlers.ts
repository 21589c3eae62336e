import { evaluate, UnknownPartner } from "@envol/domain";
import type { RouteHandler } from "@hono/zod-openapi";
import type { AppDeps } from "../../lib/deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import { problem } from "../../lib/problem.ts";
import { problemOf } from "../../lib/problems-of-errors.ts";
import type { simulate } from "./simulations.routes.ts";

export const simulateHandler =
  (deps: AppDeps): RouteHandler<typeof simulate, AppEnv> =>
  (c) => {
    const situation = c.req.valid("json");
    const registry = deps.registry();
    const lang = c.get("lang");
    const host = situation.mobility.host;
    if ("partner" in host && !registry.partners(host.partner)) {
      return problem(c, problemOf(new UnknownPartner({ partner: host.partner }), lang)) as never;
    }
    return c.json(evaluate(situation, registry, { asOf: deps.today(), lang }), 200);
  };
