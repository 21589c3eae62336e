import { describeScheme, describeSchemeRules } from "@envol/domain";
import { clientLimitKey } from "../../lib/client-address.ts";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { problem, problemBody, TITLES } from "../../lib/problem.ts";
import { rateLimit } from "../../lib/rate-limit.ts";
import { getScheme, getSchemeRules, listSchemes } from "./schemes.routes.ts";

export const schemesRouter = (deps: AppDeps) => {
  const router = createRouter();
  // a rule page evaluates the scheme's worked examples: limited per client like simulations,
  // with a counter of its own so that reading the rules never uses up the simulator's
  router.use(
    "/schemes/:id/rules",
    rateLimit(deps, {
      name: "rules:client",
      per: "minute",
      limit: (l) => l.simulationsPerMinute,
      who: (c) => clientLimitKey(c.get("clientAddress")),
      what: { fr: "pages de règles", en: "rule pages" },
    }),
  );
  return router
    .openapi(listSchemes, (c) => {
      const on = c.req.valid("query").on ?? deps.today();
      return c.json(
        deps.registry().plugins.map((p) => describeScheme(p, c.get("lang"), on)),
        200,
      );
    })
    .openapi(getScheme, (c) => {
      const plugin = deps.registry().byId.get(c.req.valid("param").id);
      if (!plugin) {
        const lang = c.get("lang");
        return problem(c, problemBody(404, "not-found", TITLES.noSuchScheme[lang])) as never;
      }
      return c.json(
        describeScheme(plugin, c.get("lang"), c.req.valid("query").on ?? deps.today()),
        200,
      );
    })
    .openapi(getSchemeRules, (c) => {
      const registry = deps.registry();
      const lang = c.get("lang");
      const plugin = registry.byId.get(c.req.valid("param").id);
      if (!plugin)
        return problem(c, problemBody(404, "not-found", TITLES.noSuchScheme[lang])) as never;
      // read on the API's today (the rule page's "in force"), as a simulation is
      return c.json(describeSchemeRules(plugin, registry, lang, deps.today()), 200);
    });
};
