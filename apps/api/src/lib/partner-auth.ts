import { createHash } from "node:crypto";
import { PartnerKeys } from "@envol/db";
import { Cause, Exit } from "effect";
import { createMiddleware } from "hono/factory";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./env.ts";
import { problem, problemBody, TITLES } from "./problem.ts";

/** The OpenAPI security scheme of the partner API (registered by its router). */
export const PARTNER_SECURITY_SCHEME = "partnerKey";

const REALM = 'Bearer realm="envol-partner"';

/** `Authorization: Bearer <key>` → the key, or undefined when the header is absent or another scheme. */
const bearerOf = (header: string | undefined): string | undefined => {
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header ?? "");
  return match?.[1];
};

/**
 * A partner school calls with its API key: `Authorization: Bearer <key>`, verified against the
 * stored hashes (PartnerKeys.verify). A missing, unknown or revoked key is a 401 problem with
 * `WWW-Authenticate: Bearer` (RFC 6750: `error="invalid_token"` when a key was sent); the
 * route then reads the partner from `c.get("partnerId")`.
 */
export const partnerAuth = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const lang = c.get("lang");
    const secret = bearerOf(c.req.header("Authorization"));
    let partnerId: string | undefined;
    if (secret !== undefined) {
      const exit = await deps.run(PartnerKeys.use((k) => k.verify(secret)));
      // a database failure is the server's (500 through onError), not a wrong key
      if (Exit.isFailure(exit)) throw Cause.squash(exit.cause);
      partnerId = exit.value;
    }
    if (partnerId === undefined) {
      c.header(
        "WWW-Authenticate",
        secret === undefined ? REALM : `${REALM}, error="invalid_token"`,
      );
      return problem(
        c,
        problemBody(401, "unauthenticated", TITLES.partnerKeyRequired[lang], {
          detail:
            secret === undefined
              ? "send Authorization: Bearer <your API key>"
              : "the API key is unknown or has been revoked",
        }),
      );
    }
    c.set("partnerId", partnerId);
    // the key, for its rate limit: a digest, never the secret itself
    c.set(
      "partnerKey",
      createHash("sha256")
        .update(secret ?? "")
        .digest("hex")
        .slice(0, 32),
    );
    await next();
  });

/** The calling partner's id; the route is behind `partnerAuth`. */
export const partnerOf = (c: { get: (key: "partnerId") => string | undefined }): string => {
  const partnerId = c.get("partnerId");
  if (partnerId === undefined) throw new Error("route without partnerAuth");
  return partnerId;
};
