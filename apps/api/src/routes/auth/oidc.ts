/**
 * Single sign-on through the school's OpenID Connect provider.
 *
 * Between the start and the callback, the PKCE verifier, the state, the nonce and where to go
 * back are kept in a short-lived HttpOnly cookie (10 minutes, SameSite=Lax so that it comes back
 * with the provider's top-level redirect; `__Host-` over https so that no other subdomain can set
 * it). Not signed: the values are the browser's own secrets, only useful to it, and a cookie
 * tampered with fails the state or PKCE check; no server-side state, so any instance can finish
 * the flow another one started. The return path is checked again when it is read back.
 *
 * A failed sign-in (tampered or missing state, the provider's error, an email already bound to
 * another SSO identity) redirects to `/?signin=failed`: the browser is mid-navigation, and a JSON
 * page would strand the user. The reason goes to the log only. One exception: an address the
 * provider does not vouch for (`email_verified` not `true`, or the configured claim) creates no
 * account and links none; the answer is a 403 problem saying so in the reader's language, since
 * only the school's IT department can change it and retrying would not help.
 */
import { OidcEmailNotVerified, Users } from "@envol/db";
import { TEXT_LIMITS } from "@envol/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { Cause, Option } from "effect";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import {
  decodeFlow,
  encodeFlow,
  explain,
  makeOidcClient,
  OidcSignInFailed,
  safeReturnTo,
} from "../../lib/oidc-client.ts";
import { problem, problemBody, problemIn, problemResponse, TITLES } from "../../lib/problem.ts";
import { openSession } from "./auth.index.ts";

export const FLOW_COOKIE = "envol_oidc";
export const SIGN_IN_FAILED = "/?signin=failed";
const FLOW_TTL_SECONDS = 600;

const location = {
  headers: z.object({ Location: z.string().meta({ description: "Where the browser goes next" }) }),
};

export const oidcStart = createRoute({
  method: "get",
  path: "/auth/oidc/start",
  tags: ["Sign-in"],
  summary: "Sign in with the school's single sign-on (OpenID Connect)",
  description:
    "Redirects the browser to the school's sign-in page (authorization code flow with PKCE). Once signed in there, the provider sends it back to /api/auth/oidc/callback, which opens the session and goes to `returnTo`.",
  request: {
    query: z.object({
      returnTo: z.string().max(2048).optional().meta({
        description:
          "A path of this site to go back to once signed in (default `/`); anything else, such as an absolute URL, is replaced by `/`",
        example: "/applications",
      }),
    }),
  },
  responses: {
    302: { description: "To the provider's sign-in page", ...location },
    404: problemResponse("Single sign-on is not configured"),
    503: problemResponse("The provider cannot be reached"),
  },
});

export const oidcCallback = createRoute({
  method: "get",
  path: "/auth/oidc/callback",
  tags: ["Sign-in"],
  summary: "Where the single sign-on provider sends the browser back",
  description:
    "Checks the provider's answer (state, PKCE, ID token and its nonce), finds or creates the user, opens a session (HttpOnly cookie) and redirects to the `returnTo` given at the start. On any failure it redirects to `/?signin=failed`.",
  request: {
    query: z.object({
      // bounds far above what a provider sends
      code: z.string().max(4096).optional(),
      state: z.string().max(512).optional(),
      iss: z.string().max(2048).optional(),
      error: z.string().max(256).optional(),
      error_description: z.string().max(TEXT_LIMITS.text).optional(),
    }),
  },
  responses: {
    302: {
      description: "Signed in: to `returnTo`, with the session cookie; or to `/?signin=failed`",
      ...location,
    },
    403: problemResponse(
      "The provider does not vouch for the email (no account is created or linked by it)",
    ),
    404: problemResponse("Single sign-on is not configured"),
    422: problemResponse("A query parameter is longer than any provider sends"),
  },
});

const notConfigured = (c: Context<AppEnv>) =>
  problem(c, problemBody(404, "not-found", TITLES.ssoNotConfigured[c.get("lang")]));

const emailNotVerified = (c: Context<AppEnv>, email: string) =>
  problemIn(c, 403, "email-not-verified", {
    title: TITLES.ssoEmailNotVerified,
    detail: {
      fr: `Le service d'authentification de l'école ne confirme pas que l'adresse ${email} est vérifiée : Envol ne crée donc pas de compte et n'ouvre pas de compte existant avec elle. Demandez à la DSI de la vérifier, ou connectez-vous avec votre mot de passe.`,
      en: `The school's sign-in service does not confirm that ${email} is verified, so Envol neither creates an account nor opens an existing one with it. Ask the IT department to verify the address, or sign in with your password.`,
    },
  });

const logFailure = (c: Context<AppEnv>, reason: string) =>
  c.get("logger").warn({ reason }, "single sign-on failed");

export const oidcRouter = (deps: AppDeps, options: { readonly https: boolean }) => {
  // built once: a misconfigured issuer (plain http) stops the server at start
  const oidc = deps.oidc ? makeOidcClient(deps.oidc) : undefined;
  const cookie = options.https
    ? ({ prefix: "host", secure: true } as const)
    : ({ secure: false } as const);
  const flowCookie = {
    ...cookie,
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
  } as const;

  return createRouter()
    .openapi(oidcStart, async (c) => {
      if (!oidc) return notConfigured(c) as never;
      const { returnTo } = c.req.valid("query");
      let begun: Awaited<ReturnType<typeof oidc.begin>>;
      try {
        begun = await oidc.begin(safeReturnTo(returnTo));
      } catch (e) {
        logFailure(c, `discovery: ${explain(e)}`);
        return problemIn(c, 503, "sso-unavailable", {
          title: TITLES.ssoUnavailable,
          detail: { fr: "Réessayez dans un instant.", en: "Try again in a moment." },
        }) as never;
      }
      setCookie(c, FLOW_COOKIE, encodeFlow(begun.flow), {
        ...flowCookie,
        maxAge: FLOW_TTL_SECONDS,
      });
      return c.redirect(begun.url.href, 302) as never;
    })
    .openapi(oidcCallback, async (c) => {
      if (!oidc) return notConfigured(c) as never;
      const flow = decodeFlow(
        options.https ? getCookie(c, FLOW_COOKIE, "host") : getCookie(c, FLOW_COOKIE),
      );
      // one use only, whatever happens next
      deleteCookie(c, FLOW_COOKIE, flowCookie);
      const failed = (reason: string) => {
        logFailure(c, reason);
        return c.redirect(SIGN_IN_FAILED, 302) as never;
      };
      if (!flow) return failed("no sign-in in progress in this browser (missing flow cookie)");
      let identity: Awaited<ReturnType<typeof oidc.finish>>;
      try {
        identity = await oidc.finish(new URL(c.req.url).searchParams, flow);
      } catch (e) {
        return failed(e instanceof OidcSignInFailed ? e.reason : explain(e));
      }
      const user = await deps.run(
        Users.use((u) => u.ensureBySubject({ ...identity, lang: identity.lang ?? c.get("lang") })),
      );
      if (user._tag === "Failure") {
        const error = Cause.findErrorOption(user.cause);
        if (Option.isSome(error) && error.value instanceof OidcEmailNotVerified) {
          logFailure(c, `user: ${error.value.message}`);
          return emailNotVerified(c, error.value.email) as never;
        }
        return failed(`user: ${String(user.cause)}`);
      }
      return (await openSession(c, deps, user.value.id, options.https, () =>
        c.redirect(safeReturnTo(flow.returnTo), 302),
      )) as never;
    });
};
