import { clientLimitKey } from "../../lib/client-address.ts";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { rateLimit } from "../../lib/rate-limit.ts";
import { simulateHandler } from "./simulations.handlers.ts";
import { simulate } from "./simulations.routes.ts";

/**
 * The public simulator, limited per client (an IPv4 address or an IPv6 /64): anonymous callers
 * have nothing else.
 */
export const simulationsRouter = (deps: AppDeps) => {
  const router = createRouter();
  router.use(
    "/simulations",
    rateLimit(deps, {
      name: "simulations:client",
      per: "minute",
      limit: (l) => l.simulationsPerMinute,
      who: (c) => clientLimitKey(c.get("clientAddress")),
      what: { fr: "simulations", en: "simulations" },
    }),
  );
  return router.openapi(simulate, simulateHandler(deps));
};
