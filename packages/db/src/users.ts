import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { Context, DateTime, Effect, Layer } from "effect";
import { Database } from "./database.ts";
import { users } from "./schema/index.ts";

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: "student" | "staff";
  readonly lang: "fr" | "en";
}

const view = (u: typeof users.$inferSelect): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  lang: u.lang,
});

/** Students and staff. */
export class Users extends Context.Service<
  Users,
  {
    /** Creates the user, or returns the one with this email (idempotent, for the seed and SSO sign-in). */
    readonly ensure: (input: {
      readonly email: string;
      readonly name: string;
      readonly role: "student" | "staff";
      readonly lang?: "fr" | "en";
      readonly passwordHash?: string | null;
      readonly oidcSubject?: string | null;
    }) => Effect.Effect<UserView>;
    readonly get: (id: string) => Effect.Effect<UserView | undefined>;
    readonly findByEmail: (
      email: string,
    ) => Effect.Effect<(UserView & { readonly passwordHash: string | null }) | undefined>;
  }
>()("@envol/db/Users") {
  static readonly layer = Layer.effect(
    Users,
    Effect.gen(function* () {
      const { db } = yield* Database;
      const normal = (email: string) => email.trim().toLowerCase();

      const ensure = Effect.fn("Users.ensure")(function* (
        input: Parameters<Users["Service"]["ensure"]>[0],
      ) {
        const at = yield* DateTime.nowAsDate;
        const email = normal(input.email);
        return yield* Effect.promise(async () => {
          await db
            .insert(users)
            .values({
              id: randomUUID(),
              email,
              name: input.name,
              role: input.role,
              lang: input.lang ?? "fr",
              passwordHash: input.passwordHash ?? null,
              oidcSubject: input.oidcSubject ?? null,
              createdAt: at,
            })
            .onConflictDoNothing({ target: users.email });
          const row = (await db.select().from(users).where(eq(users.email, email)))[0];
          return view(row as typeof users.$inferSelect);
        });
      });

      const get = Effect.fn("Users.get")(function* (id: string) {
        const row = (yield* Effect.promise(() =>
          db.select().from(users).where(eq(users.id, id)),
        ))[0];
        return row ? view(row) : undefined;
      });

      const findByEmail = Effect.fn("Users.findByEmail")(function* (email: string) {
        const row = (yield* Effect.promise(() =>
          db
            .select()
            .from(users)
            .where(eq(users.email, normal(email))),
        ))[0];
        return row ? { ...view(row), passwordHash: row.passwordHash } : undefined;
      });

      return Users.of({ ensure, get, findByEmail });
    }),
  );
}
