import { Sessions, type SessionView, Users } from "@envol/db";
import { Duration, Effect } from "effect";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { SESSION_COOKIE, sessionCookie } from "../../lib/auth.ts";
import { createRouter } from "../../lib/create-router.ts";
import { databaseUnavailable } from "../../lib/database-unavailable.ts";
import type { AppDeps } from "../../lib/deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import { DUMMY_HASH, verifyPassword } from "../../lib/passwords.ts";
import { problem, problemBody, TITLES } from "../../lib/problem.ts";
import { tooManyRequests, waitText } from "../../lib/rate-limit.ts";
import { runEffect } from "../../lib/run-effect.ts";
import { currentSession, signIn, signOut } from "./auth.routes.ts";
import { reserveGuess } from "./sign-in-limits.ts";

export const SESSION_TTL = Duration.hours(8);

/**
 * Opens a session and sets its cookie: HttpOnly, SameSite=Lax, `__Host-` and Secure over https
 * (`sessionCookie`). Answers with
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
        ...sessionCookie(https),
        httpOnly: true,
        sameSite: "Lax",
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
      // counted before the password is checked: parallel guesses cannot all slip under the limit
      const guess = await reserveGuess(deps, email, c.get("clientAddress"));
      if (!guess.allowed) {
        return tooManyRequests(
          c,
          guess.retryAfterMs,
          TITLES.tooManyAttempts,
          (l, seconds) =>
            ({
              fr: `Réessayez dans ${waitText(seconds)}.`,
              en: `Try again in ${waitText(seconds)}.`,
            })[l],
        ) as never;
      }
      const found = await deps.run(Users.use((u) => u.findByEmail(email)));
      const user = found._tag === "Success" ? found.value : undefined;
      const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), password);
      const signedIn = ok && Boolean(user?.passwordHash);
      await guess.settle(signedIn);
      if (!signedIn || !user) {
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
      deleteCookie(c, SESSION_COOKIE, sessionCookie(options.https));
      return c.body(null, 204);
    });
