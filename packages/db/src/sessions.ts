import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import { Context, DateTime, Duration, Effect, Layer } from "effect";
import { Database } from "./database.ts";
import { sessions, users } from "./schema/index.ts";
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
    /** Deletes the sessions expired or revoked before `at` (they open nothing); how many went. */
    readonly purge: (at: Date) => Effect.Effect<number>;
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

      const purge = Effect.fn("Sessions.purge")(function* (at: Date) {
        const gone = yield* Effect.promise(() =>
          db
            .delete(sessions)
            .where(or(lte(sessions.expiresAt, at), lte(sessions.revokedAt, at)))
            .returning({ id: sessions.id }),
        );
        return gone.length;
      });

      return Sessions.of({ open, find, revoke, purge });
    }),
  );
}
