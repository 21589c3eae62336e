import { clientLimitKey } from "../../lib/client-address.ts";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { rateLimit } from "../../lib/rate-limit.ts";
import { searchPlaces } from "./gazetteer.ts";
import { searchPlacesRoute } from "./places.routes.ts";

/** The simulator's city search, public and limited per client like the simulations. */
export const placesRouter = (deps: AppDeps) => {
  const router = createRouter();
  router.use(
    "/places",
    rateLimit(deps, {
      name: "places:client",
      per: "minute",
      limit: (l) => l.placesPerMinute,
      who: (c) => clientLimitKey(c.get("clientAddress")),
      what: { fr: "recherches de ville", en: "city searches" },
    }),
  );
  return router.openapi(searchPlacesRoute, (c) =>
    c.json([...searchPlaces(c.req.valid("query"))], 200),
  );
};
