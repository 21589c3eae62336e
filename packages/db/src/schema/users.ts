import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { nameWords } from "../student-search.ts";

/**
 * Who signs in: a student or a member of the school's personnel, who apply for funding (ADR
 * 016), or a member of the international office (`staff`).
 */
export const USER_ROLES = ["student", "personnel", "staff"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Students, personnel and staff. A user signs in with the school's SSO (oidc_subject) or, for demos, a password. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull(),
    lang: text("lang", { enum: ["fr", "en"] })
      .notNull()
      .default("fr"),
    /** argon2id, only for the seeded demo accounts and local use. */
    passwordHash: text("password_hash"),
    oidcSubject: text("oidc_subject").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    // the queue's search: word prefixes of the name, a prefix of the e-mail (student-search.ts)
    index("users_name_words").using("gin", nameWords(t.name)),
    index("users_email_prefix").using("btree", sql`lower(${t.email}) text_pattern_ops`),
    check("users_role", sql`${t.role} in ('student', 'personnel', 'staff')`),
    check("users_lang", sql`${t.lang} in ('fr', 'en')`),
  ],
);

/** Signed-in sessions, in the database so that several API instances share them. */
export const sessions = pgTable(
  "sessions",
  {
    /** The SHA-256 of the cookie's token: a stolen table gives no usable session. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Sent back in X-CSRF-Token on every write made with the cookie. */
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("sessions_user").on(t.userId), index("sessions_expires_at").on(t.expiresAt)],
);
