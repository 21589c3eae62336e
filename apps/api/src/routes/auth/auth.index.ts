import { Sessions, type SessionView, SignInAttempts, Users } from "@envol/db";
import { getConnInfo } from "@hono/node-server/conninfo";
import { Duration, Effect } from "effect";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { SESSION_COOKIE } from "../../lib/auth.ts";
import { createRouter } from "../../lib/create-router.ts";
import { databaseUnavailable } from "../../lib/database-unavailable.ts";
import type { AppDeps } from "../../lib/deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import { DUMMY_HASH, verifyPassword } from "../../lib/passwords.ts";
import { problem, problemBody, TITLES } from "../../lib/problem.ts";
import { runEffect } from "../../lib/run-effect.ts";
import { currentSession, signIn, signOut } from "./auth.routes.ts";

export const SESSION_TTL = Duration.hours(8);

/** The client's address, when the request came over a socket (not an in-process call). */
const clientAddress = (c: Context<AppEnv>): string | undefined => {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
};

/**
 * Opens a session and sets its cookie: HttpOnly, SameSite=Lax, Secure over https. Answers with
 * the session, or with `respond` (single sign-on redirects instead).
 */
export const openSession = (
  c: Context<AppEnv>,
  deps: AppDeps,
  userId: string,
  https: boolean,
  respond: (session: SessionView | undefined) => Response = (session) => c.json(session, 200),
) =>
  runEffect(
    c,
    deps,
    Effect.gen(function* () {
      const sessions = yield* Sessions;
      const opened = yield* sessions.open(userId, SESSION_TTL);
      return { opened, session: yield* sessions.find(opened.token) };
    }),
    ({ opened, session }) => {
      setCookie(c, SESSION_COOKIE, opened.token, {
        httpOnly: true,
        sameSite: "Lax",
        secure: https,
        path: "/",
        expires: opened.expiresAt,
      });
      return respond(session);
    },
  );

export const authRouter = (deps: AppDeps, options: { readonly https: boolean }) =>
  createRouter()
    .openapi(signIn, async (c) => {
      const { email, password } = c.req.valid("json");
      const lang = c.get("lang");
      const address = clientAddress(c);
      const keys = [`email:${email.trim().toLowerCase()}`, ...(address ? [`ip:${address}`] : [])];
      const limited = await deps.run(
        Effect.forEach(keys, (k) => SignInAttempts.use((a) => a.isLimited(k))).pipe(
          Effect.map((xs) => xs.some(Boolean)),
        ),
      );
      if (limited._tag === "Success" && limited.value) {
        c.header("Retry-After", "900");
        return problem(
          c,
          problemBody(429, "rate-limited", TITLES.tooManyAttempts[lang], {
            detail: lang === "en" ? "Try again in 15 minutes." : "Réessayez dans 15 minutes.",
          }),
        ) as never;
      }
      const found = await deps.run(Users.use((u) => u.findByEmail(email)));
      const user = found._tag === "Success" ? found.value : undefined;
      const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), password);
      await deps.run(
        Effect.forEach(keys, (k) =>
          SignInAttempts.use((a) => a.record(k, ok && user !== undefined)),
        ),
      );
      if (!ok || !user?.passwordHash) {
        return problem(
          c,
          problemBody(401, "unauthenticated", TITLES.wrongCredentials[lang]),
        ) as never;
      }
      return (await openSession(c, deps, user.id, options.https)) as never;
    })
    .openapi(currentSession, (c) => {
      const session = c.get("session");
      const lang = c.get("lang");
      if (!session && c.get("sessionUnavailable")) return databaseUnavailable(c) as never;
      if (!session) {
        return problem(
          c,
          problemBody(401, "unauthenticated", TITLES.nobodySignedIn[lang]),
        ) as never;
      }
      return c.json(session, 200);
    })
    .openapi(signOut, async (c) => {
      const token = c.get("sessionToken");
      if (token) await deps.run(Sessions.use((s) => s.revoke(token)));
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    });
