import { isDatabaseUnavailable, Sessions, type UserRole } from "@envol/db";
import { APPLICANT_KINDS, type Applicant } from "@envol/domain";
import { Cause } from "effect";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { databaseUnavailable } from "./database-unavailable.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./env.ts";
import { problem, problemBody, TITLES } from "./problem.ts";

export const SESSION_COOKIE = "envol_session";

/**
 * How the session cookie is named and scoped. Over https it is `__Host-envol_session`: the
 * browser keeps it only if Secure, Path=/ and without Domain, so that no other subdomain of the
 * school can set or shadow it (session fixation). Over http (development) it stays
 * `envol_session`: browsers refuse `__Host-` without Secure.
 */
export const sessionCookie = (https: boolean) =>
  https
    ? ({ prefix: "host", secure: true, path: "/" } as const)
    : ({ secure: false, path: "/" } as const);
export const CSRF_HEADER = "X-CSRF-Token";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Reads who is calling: the session cookie of a student or staff member. A write made with the
 * cookie must carry the session's CSRF token in X-CSRF-Token (a cross-site form cannot).
 */
export const authenticate = (deps: AppDeps, options: { readonly https: boolean }) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = options.https
      ? getCookie(c, SESSION_COOKIE, "host")
      : getCookie(c, SESSION_COOKIE);
    if (token) {
      const exit = await deps.run(Sessions.use((s) => s.find(token)));
      // a session that cannot be looked up is not an absent one: the routes that need it
      // answer 503, not "sign in first"; the public ones (health, simulator) still answer
      if (exit._tag === "Failure" && isDatabaseUnavailable(Cause.squash(exit.cause))) {
        c.set("sessionUnavailable", true);
      }
      const session = exit._tag === "Success" ? exit.value : undefined;
      if (session) {
        if (!SAFE.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken) {
          const lang = c.get("lang");
          return problem(
            c,
            problemBody(403, "csrf", TITLES.csrf[lang], {
              detail: `send the session's csrfToken (GET /api/auth/session) in ${CSRF_HEADER}`,
            }),
          );
        }
        c.set("session", session);
        c.set("sessionToken", token);
      }
    }
    await next();
  });

/** Only a signed-in user of these roles (401 when nobody is signed in, 403 for another role). */
export const requireRole = (...roles: readonly UserRole[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const session = c.get("session");
    const lang = c.get("lang");
    if (!session && c.get("sessionUnavailable")) return databaseUnavailable(c);
    if (!session) {
      return problem(c, problemBody(401, "unauthenticated", TITLES.signInFirst[lang]));
    }
    if (!roles.includes(session.user.role)) {
      return problem(c, problemBody(403, "forbidden", TITLES.forbidden[lang]));
    }
    await next();
  });

/**
 * Only an applicant: a student, or a member of the school's personnel (ADR 016), on their own
 * applications; the office and anyone else get 403.
 */
export const requireApplicant = () => requireRole(...APPLICANT_KINDS);

/** Whether this user applies for funding (a student or a personnel member). */
export const isApplicantRole = (role: UserRole): role is Applicant["kind"] =>
  (APPLICANT_KINDS as readonly UserRole[]).includes(role);

/** The signed-in user's session; the route is behind `requireRole`. */
export const sessionOf = (c: { get: (key: "session") => AppEnv["Variables"]["session"] }) => {
  const session = c.get("session");
  if (!session) throw new Error("route without requireRole");
  return session;
};

/** The signed-in applicant as the lifecycle and the audit trail name them; the route is behind `requireApplicant`. */
export const applicantOf = (c: {
  get: (key: "session") => AppEnv["Variables"]["session"];
}): Applicant => {
  const { user } = sessionOf(c);
  if (!isApplicantRole(user.role)) throw new Error("route without requireApplicant");
  return { kind: user.role, userId: user.id };
};

/** The signed-in user as the lifecycle and the audit trail name them; the route is behind `requireRole(kind)`. */
export const actorOf = <K extends "staff">(
  c: { get: (key: "session") => AppEnv["Variables"]["session"] },
  kind: K,
): { readonly kind: K; readonly userId: string } => ({ kind, userId: sessionOf(c).user.id });
