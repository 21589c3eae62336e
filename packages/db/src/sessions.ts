import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { Context, DateTime, Duration, Effect, Layer } from "effect";
import { Database } from "./database.ts";
import { sessions, signInAttempts, users } from "./schema/index.ts";
import { hashOf } from "./secret-hash.ts";
import { type UserView, userView } from "./users.ts";

const token = () => randomBytes(32).toString("base64url");

/** A session as the API sees it once the cookie's token matched. */
export interface SessionView {
  readonly user: UserView;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** Signed-in sessions, shared by every API instance; only the token's hash is stored. */
export class Sessions extends Context.Service<
  Sessions,
  {
    /** Opens a session; the token goes in the cookie and is never stored as such. */
    readonly open: (
      userId: string,
      ttl: Duration.Duration,
    ) => Effect.Effect<{
      readonly token: string;
      readonly csrfToken: string;
      readonly expiresAt: Date;
    }>;
    readonly find: (token: string) => Effect.Effect<SessionView | undefined>;
    /** Signs out: the token stops working at once, on every instance. */
    readonly revoke: (token: string) => Effect.Effect<void>;
  }
>()("@envol/db/Sessions") {
  static readonly layer = Layer.effect(
    Sessions,
    Effect.gen(function* () {
      const { db } = yield* Database;

      const open = Effect.fn("Sessions.open")(function* (userId: string, ttl: Duration.Duration) {
        const now = yield* DateTime.nowAsDate;
        const secret = token();
        const csrfToken = token();
        const expiresAt = new Date(now.getTime() + Duration.toMillis(ttl));
        yield* Effect.promise(() =>
          db
            .insert(sessions)
            .values({ id: hashOf(secret), userId, csrfToken, createdAt: now, expiresAt }),
        );
        return { token: secret, csrfToken, expiresAt };
      });

      const find = Effect.fn("Sessions.find")(function* (secret: string) {
        const now = yield* DateTime.nowAsDate;
        const row = (yield* Effect.promise(() =>
          db
            .select({ session: sessions, user: users })
            .from(sessions)
            .innerJoin(users, eq(users.id, sessions.userId))
            .where(
              and(
                eq(sessions.id, hashOf(secret)),
                isNull(sessions.revokedAt),
                gt(sessions.expiresAt, now),
              ),
            ),
        ))[0];
        if (!row) return undefined;
        const { user, session } = row;
        return {
          user: userView(user),
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt.toISOString(),
        };
      });

      const revoke = Effect.fn("Sessions.revoke")(function* (secret: string) {
        const now = yield* DateTime.nowAsDate;
        yield* Effect.promise(() =>
          db
            .update(sessions)
            .set({ revokedAt: now })
            .where(and(eq(sessions.id, hashOf(secret)), isNull(sessions.revokedAt))),
        );
      });

      return Sessions.of({ open, find, revoke });
    }),
  );
}

/** The limit on sign-in attempts: so many failures per key within a window. */
export interface SignInPolicy {
  readonly maxFailures: number;
  readonly window: Duration.Duration;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  maxFailures: 5,
  window: Duration.minutes(15),
};

/** Sign-in attempts, counted in the database so that the limit holds across instances. */
export class SignInAttempts extends Context.Service<
  SignInAttempts,
  {
    /** Whether `key` (an email, a client address) has used up its failures in the window. */
    readonly isLimited: (key: string, policy?: SignInPolicy) => Effect.Effect<boolean>;
    readonly record: (key: string, succeeded: boolean) => Effect.Effect<void>;
  }
>()("@envol/db/SignInAttempts") {
  static readonly layer = Layer.effect(
    SignInAttempts,
    Effect.gen(function* () {
      const { db } = yield* Database;

      const isLimited = Effect.fn("SignInAttempts.isLimited")(function* (
        key: string,
        policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY,
      ) {
        const now = yield* DateTime.nowAsDate;
        const since = new Date(now.getTime() - Duration.toMillis(policy.window));
        const rows = yield* Effect.promise(() =>
          db
            .select({ n: sql<string>`count(*)` })
            .from(signInAttempts)
            .where(
              and(
                eq(signInAttempts.key, key),
                eq(signInAttempts.succeeded, false),
                gt(signInAttempts.at, since),
              ),
            ),
        );
        return Number(rows[0]?.n ?? 0) >= policy.maxFailures;
      });

      const record = Effect.fn("SignInAttempts.record")(function* (
        key: string,
        succeeded: boolean,
      ) {
        const now = yield* DateTime.nowAsDate;
        yield* Effect.promise(async () => {
          await db.insert(signInAttempts).values({ key, at: now, succeeded });
          // a day is more than any window: older rows only take room
          await db
            .delete(signInAttempts)
            .where(lt(signInAttempts.at, new Date(now.getTime() - 86_400_000)));
        });
      });

      return SignInAttempts.of({ isLimited, record });
    }),
  );
}
