import { randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "@envol/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import { Context, DateTime, Effect, Layer } from "effect";
import { recordAudit } from "./audit-log.ts";
import { Database } from "./database.ts";
import { PartnerKeyNotFound, PartnerNotFound } from "./errors.ts";
import { partnerApiKeys, partners } from "./schema/index.ts";
import { hashOf } from "./secret-hash.ts";
import { tagged, transact } from "./transact.ts";

/** Every key starts with this, so that a leaked one is recognisable (and secret scanners can match it). */
export const PARTNER_KEY_PREFIX = "envol_pk_";

/** The prefix plus six random characters: enough to tell keys apart in a list, far too few to guess one. */
const DISPLAY_LENGTH = PARTNER_KEY_PREFIX.length + 6;

/**
 * A partner polling its index would otherwise write the key's row on every request: the last
 * use is only recorded when the stored one is older than this.
 */
const LAST_USED_PRECISION_MS = 60_000;

/** A partner API key as staff see it: never the secret, never its hash. */
export interface PartnerKeyView {
  readonly id: string;
  readonly partnerId: string;
  readonly label: string;
  /** The key's first characters (`envol_pk_Ab3xY9`), to recognise it. */
  readonly prefix: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

const view = (k: typeof partnerApiKeys.$inferSelect): PartnerKeyView => ({
  id: k.id,
  partnerId: k.partnerId,
  label: k.label,
  prefix: k.prefix,
  createdBy: k.createdBy,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});

/** Partner API keys: each bound to one partner institution, shown once, stored hashed, revocable. */
export class PartnerKeys extends Context.Service<
  PartnerKeys,
  {
    /**
     * Issues a key for a partner. The secret is in the result and nowhere else: only its
     * SHA-256 and a short display prefix are stored. Audited.
     */
    readonly create: (
      partnerId: string,
      label: string,
      actor: Actor,
    ) => Effect.Effect<{ readonly key: PartnerKeyView; readonly secret: string }, PartnerNotFound>;
    /** The partner a live key belongs to, or undefined for an unknown or revoked key. */
    readonly verify: (secret: string) => Effect.Effect<string | undefined>;
    /** Revokes a key for good; revoking it again changes nothing. Audited. */
    readonly revoke: (
      keyId: string,
      actor: Actor,
    ) => Effect.Effect<PartnerKeyView, PartnerKeyNotFound>;
    /** The keys of one partner, or of all, oldest first. */
    readonly list: (partnerId?: string) => Effect.Effect<readonly PartnerKeyView[]>;
  }
>()("@envol/db/PartnerKeys") {
  static readonly layer = Layer.effect(
    PartnerKeys,
    Effect.gen(function* () {
      const { db } = yield* Database;

      const create = Effect.fn("PartnerKeys.create")(function* (
        partnerId: string,
        label: string,
        actor: Actor,
      ) {
        const at = yield* DateTime.nowAsDate;
        const secret = `${PARTNER_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
        const key = yield* transact(
          db,
          async (tx) => {
            const partner = await tx
              .select({ id: partners.id })
              .from(partners)
              .where(eq(partners.id, partnerId));
            if (partner.length === 0) throw new PartnerNotFound({ partnerId });
            const row = (
              await tx
                .insert(partnerApiKeys)
                .values({
                  id: randomUUID(),
                  partnerId,
                  keyHash: hashOf(secret),
                  prefix: secret.slice(0, DISPLAY_LENGTH),
                  label,
                  // only a signed-in staff member is a user; the seed or a script is not
                  createdBy: actor.kind === "staff" ? actor.userId : null,
                  createdAt: at,
                })
                .returning()
            )[0] as typeof partnerApiKeys.$inferSelect;
            await recordAudit(tx, {
              at,
              actor,
              action: "create-partner-key",
              entityType: "partner_api_key",
              entityId: row.id,
              after: { partnerId, label, prefix: row.prefix },
            });
            return view(row);
          },
          tagged<PartnerNotFound>("PartnerNotFound"),
        );
        return { key, secret };
      });

      const verify = Effect.fn("PartnerKeys.verify")(function* (secret: string) {
        if (!secret.startsWith(PARTNER_KEY_PREFIX)) return undefined;
        const at = yield* DateTime.nowAsDate;
        return yield* Effect.promise(async () => {
          const key = (
            await db
              .select({
                id: partnerApiKeys.id,
                partnerId: partnerApiKeys.partnerId,
                lastUsedAt: partnerApiKeys.lastUsedAt,
              })
              .from(partnerApiKeys)
              .where(
                and(eq(partnerApiKeys.keyHash, hashOf(secret)), isNull(partnerApiKeys.revokedAt)),
              )
          )[0];
          if (!key) return undefined;
          if (
            !key.lastUsedAt ||
            at.getTime() - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS
          ) {
            await db
              .update(partnerApiKeys)
              .set({ lastUsedAt: at })
              .where(eq(partnerApiKeys.id, key.id));
          }
          return key.partnerId;
        });
      });

      const revoke = Effect.fn("PartnerKeys.revoke")(function* (keyId: string, actor: Actor) {
        const at = yield* DateTime.nowAsDate;
        return yield* transact(
          db,
          async (tx) => {
            const current = (
              await tx
                .select()
                .from(partnerApiKeys)
                .where(eq(partnerApiKeys.id, keyId))
                .for("update")
            )[0];
            if (!current) throw new PartnerKeyNotFound({ id: keyId });
            if (current.revokedAt) return view(current);
            const row = (
              await tx
                .update(partnerApiKeys)
                .set({ revokedAt: at })
                .where(eq(partnerApiKeys.id, keyId))
                .returning()
            )[0] as typeof partnerApiKeys.$inferSelect;
            await recordAudit(tx, {
              at,
              actor,
              action: "revoke-partner-key",
              entityType: "partner_api_key",
              entityId: keyId,
              before: { revokedAt: null },
              after: { revokedAt: at.toISOString() },
            });
            return view(row);
          },
          tagged<PartnerKeyNotFound>("PartnerKeyNotFound"),
        );
      });

      const list = Effect.fn("PartnerKeys.list")(function* (partnerId?: string) {
        const rows = yield* Effect.promise(() =>
          db
            .select()
            .from(partnerApiKeys)
            .where(partnerId === undefined ? undefined : eq(partnerApiKeys.partnerId, partnerId))
            .orderBy(asc(partnerApiKeys.createdAt), asc(partnerApiKeys.id)),
        );
        return rows.map(view);
      });

      return PartnerKeys.of({ create, verify, revoke, list });
    }),
  );
}
