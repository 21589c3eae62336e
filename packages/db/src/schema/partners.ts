import { doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

/** The host institutions catalogue, seeded from the versioned demo catalogue; staff edit it. */
export const partners = pgTable("partners", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  country: text("country").notNull(),
  city: text("city").notNull(),
  lat: doublePrecision("lat").notNull(),
  lon: doublePrecision("lon").notNull(),
  agreements: jsonb("agreements").$type<string[]>().notNull(),
  /** The catalogue version the row came from, or null once staff changed it. */
  catalogueVersion: text("catalogue_version"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** Partner API keys: shown once, stored as a hash, each bound to one partner, revocable. */
export const partnerApiKeys = pgTable(
  "partner_api_keys",
  {
    id: uuid("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    /** SHA-256 of the key: keys are long random secrets, so a fast hash is enough. */
    keyHash: text("key_hash").notNull().unique(),
    /** The key's first characters, to recognise it in a list. */
    prefix: text("prefix").notNull(),
    label: text("label").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("partner_api_keys_partner").on(t.partnerId)],
);
