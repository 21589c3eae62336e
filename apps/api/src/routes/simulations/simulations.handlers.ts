import { evaluate } from "@envol/domain";
import type { RouteHandler } from "@hono/zod-openapi";
import type { AppDeps } from "../../lib/deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import { problem, problemBody } from "../../lib/problem.ts";
import type { simulate } from "./simulations.routes.ts";

export const simulateHandler =
  (deps: AppDeps): RouteHandler<typeof simulate, AppEnv> =>
  (c) => {
    const situation = c.req.valid("json");
    const registry = deps.registry();
    const lang = c.get("lang");
    const host = situation.mobility.host;
    if ("partner" in host && !registry.partners(host.partner)) {
      return problem(
        c,
        problemBody(
          422,
          "validation",
          lang === "en" ? "The request is not valid" : "La requête n'est pas valide",
          {
            errors: [
              {
                path: "mobility.host.partner",
                message: `no partner "${host.partner}" in the catalogue`,
              },
            ],
          },
        ),
      ) as never;
    }
    return c.json(evaluate(situation, registry, { asOf: deps.today(), lang }), 200);
  };
