import { randomUUID } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import { Context, DateTime, Effect, Layer } from "effect";
import { Database } from "./database.ts";
import { OidcEmailNotVerified, OidcIdentityConflict } from "./errors.ts";
import { type UserRole, users } from "./schema/index.ts";

export { USER_ROLES, type UserRole } from "./schema/users.ts";

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly lang: "fr" | "en";
}

/** A user row as the API sees it: never the password's hash, never the SSO subject. */
export const userView = (u: typeof users.$inferSelect): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  lang: u.lang,
});

/** A new account's row: in French unless told otherwise, with no password or SSO subject unless given. */
const newUser = (
  at: Date,
  input: {
    readonly email: string;
    readonly name: string;
    readonly role: UserRole;
    readonly lang?: "fr" | "en" | undefined;
    readonly passwordHash?: string | null | undefined;
    readonly oidcSubject?: string | null | undefined;
  },
): typeof users.$inferInsert => ({
  id: randomUUID(),
  email: input.email,
  name: input.name,
  role: input.role,
  lang: input.lang ?? "fr",
  passwordHash: input.passwordHash ?? null,
  oidcSubject: input.oidcSubject ?? null,
  createdAt: at,
});

/** Students, personnel and staff. */
export class Users extends Context.Service<
  Users,
  {
    /** Creates the user, or returns the one with this email (idempotent, for the seed and SSO sign-in). */
    readonly ensure: (input: {
      readonly email: string;
      readonly name: string;
      readonly role: UserRole;
      readonly lang?: "fr" | "en";
      readonly passwordHash?: string | null;
      readonly oidcSubject?: string | null;
    }) => Effect.Effect<UserView>;
    /**
     * The user of a single sign-on identity (the provider's `sub`): found by subject; else the
     * account with this email, which gets linked to the subject if it had none (a demo or local
     * account); else a new one. The provider is the authority on the role and the name: they are
     * refreshed at each sign-in (so is the email when the new one is verified and free). An email
     * already linked to another subject fails with OidcIdentityConflict; creating or linking an
     * account by an email the provider does not vouch for fails with OidcEmailNotVerified.
     */
    readonly ensureBySubject: (input: {
      readonly subject: string;
      readonly email: string;
      readonly name: string;
      readonly role: UserRole;
      readonly lang?: "fr" | "en";
      /** The provider vouches for `email`: needed to create an account or link one by email. */
      readonly emailVerified: boolean;
    }) => Effect.Effect<UserView, OidcIdentityConflict | OidcEmailNotVerified>;
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
            .values(newUser(at, { ...input, email }))
            .onConflictDoNothing({ target: users.email });
          const row = (await db.select().from(users).where(eq(users.email, email)))[0];
          return userView(row as typeof users.$inferSelect);
        });
      });

      const ensureBySubject = Effect.fn("Users.ensureBySubject")(function* (
        input: Parameters<Users["Service"]["ensureBySubject"]>[0],
      ) {
        const at = yield* DateTime.nowAsDate;
        const email = normal(input.email);
        const found = yield* Effect.promise(async () => {
          const bySubject = (
            await db.select().from(users).where(eq(users.oidcSubject, input.subject))
          )[0];
          if (bySubject) {
            // the new address only if the provider vouches for it and nobody else has it
            const keepEmail =
              !input.emailVerified ||
              (email !== bySubject.email &&
                (
                  await db
                    .select({ id: users.id })
                    .from(users)
                    .where(and(eq(users.email, email), ne(users.id, bySubject.id)))
                ).length > 0);
            const rows = await db
              .update(users)
              .set({ name: input.name, role: input.role, ...(keepEmail ? {} : { email }) })
              .where(eq(users.id, bySubject.id))
              .returning();
            return rows[0] as typeof users.$inferSelect;
          }
          if (!input.emailVerified) return "unverified" as const;
          await db
            .insert(users)
            .values(newUser(at, { ...input, email, oidcSubject: input.subject }))
            .onConflictDoNothing();
          // linked only if it had no subject yet: a concurrent sign-in cannot steal it
          const linked = await db
            .update(users)
            .set({ oidcSubject: input.subject, name: input.name, role: input.role })
            .where(and(eq(users.email, email), isNull(users.oidcSubject)))
            .returning();
          if (linked[0]) return linked[0];
          return (await db.select().from(users).where(eq(users.email, email)))[0];
        });
        if (found === "unverified") return yield* new OidcEmailNotVerified({ email });
        if (!found || found.oidcSubject !== input.subject) {
          return yield* new OidcIdentityConflict({ email });
        }
        return userView(found);
      });

      const get = Effect.fn("Users.get")(function* (id: string) {
        const row = (yield* Effect.promise(() =>
          db.select().from(users).where(eq(users.id, id)),
        ))[0];
        return row ? userView(row) : undefined;
      });

      const findByEmail = Effect.fn("Users.findByEmail")(function* (email: string) {
        const row = (yield* Effect.promise(() =>
          db
            .select()
            .from(users)
            .where(eq(users.email, normal(email))),
        ))[0];
        return row ? { ...userView(row), passwordHash: row.passwordHash } : undefined;
      });

      return Users.of({ ensure, ensureBySubject, get, findByEmail });
    }),
  );
}
