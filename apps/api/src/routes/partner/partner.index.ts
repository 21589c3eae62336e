import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { PARTNER_SECURITY_SCHEME, partnerAuth } from "../../lib/partner-auth.ts";
import { rateLimit } from "../../lib/rate-limit.ts";
import { decideHandler, getHandler, listHandler } from "./partner.handlers.ts";
import { decideOMobility, getOMobility, listOMobilities } from "./partner.routes.ts";

/**
 * The partner schools' API, mounted at /api/partner/v1: EWP-shaped outgoing mobilities, every
 * route behind a partner API key (`Authorization: Bearer …`), each partner seeing only the
 * mobilities to its own institution.
 */
export const partnerRouter = (deps: AppDeps) => {
  const router = createRouter();
  router.openAPIRegistry.registerComponent("securitySchemes", PARTNER_SECURITY_SCHEME, {
    type: "http",
    scheme: "bearer",
    description:
      "A partner API key, issued by the international relations office (shown once, revocable), bound to one partner institution",
  });
  router.use("*", partnerAuth(deps));
  router.use(
    "*",
    rateLimit(deps, {
      name: "partner:key",
      per: "minute",
      limit: (l) => l.partnerCallsPerMinute,
      who: (c) => c.get("partnerKey"),
      what: { fr: "appels", en: "calls" },
    }),
  );
  return router
    .openapi(listOMobilities, listHandler(deps))
    .openapi(getOMobility, getHandler(deps))
    .openapi(decideOMobility, decideHandler(deps));
};
