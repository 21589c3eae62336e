import { USER_ROLES } from "@envol/db";
import { TEXT_LIMITS } from "@envol/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponse, tooManyResponse } from "../../lib/problem.ts";

export const SessionSchema = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(USER_ROLES).meta({
        description:
          "student and personnel apply for funding (their own applications only); staff is the international office",
      }),
      lang: z.enum(["fr", "en"]),
    }),
    csrfToken: z.string().meta({
      description: "Send it in X-CSRF-Token with every write made with the session cookie",
    }),
    expiresAt: z.string(),
  })
  .meta({ id: "Session" });

export const signIn = createRoute({
  method: "post",
  path: "/auth/sign-in",
  tags: ["Sign-in"],
  summary: "Sign in with an email and a password (demo and local accounts)",
  description:
    "Opens a session in an HttpOnly cookie. Students and staff of the school sign in with its single sign-on (/api/auth/oidc/start) when it is configured.",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            email: z.email().max(TEXT_LIMITS.email),
            password: z.string().min(1).max(1024),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: SessionSchema } } },
    401: problemResponse("Wrong email or password"),
    422: problemResponse("A field is invalid"),
    429: tooManyResponse(
      "Too many guesses for this account from this client, from this client on accounts it is not known for, or for this account (then this client waits its own turn, a progressive delay): wait Retry-After seconds",
    ),
  },
});

export const currentSession = createRoute({
  method: "get",
  path: "/auth/session",
  tags: ["Sign-in"],
  summary: "Who is signed in, and the CSRF token for writes",
  responses: {
    200: { description: "The session", content: { "application/json": { schema: SessionSchema } } },
    401: problemResponse("Nobody is signed in"),
  },
});

export const signOut = createRoute({
  method: "post",
  path: "/auth/sign-out",
  tags: ["Sign-in"],
  summary: "Sign out: the session stops working at once, on every instance",
  responses: {
    204: { description: "Signed out" },
    403: problemResponse("Missing or wrong CSRF token"),
  },
});
