import { createHash } from "node:crypto";
import type { Actor } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { eq } from "drizzle-orm";
import { Cause, Effect, Exit, Layer, ManagedRuntime } from "effect";
import { TestClock } from "effect/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "./database.ts";
import { PartnerKeys } from "./partner-keys.ts";
import { Partners } from "./partners.ts";
import { auditEvents, partnerApiKeys } from "./schema/index.ts";
import { repositoriesLayer, type TestEngine, testEngines } from "./testing/index.ts";
import { Users } from "./users.ts";

const errorOf = <A, E>(exit: Exit.Exit<A, E>): unknown =>
  Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined;

/** Runs `effect` with the clock at `iso`. */
const at =
  (iso: string) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.andThen(TestClock.setTime(Date.parse(iso)), effect).pipe(
      Effect.provide(TestClock.layer()),
    );

const open = async (engine: TestEngine) => {
  const { config, drop } = await engine.create();
  const runtime = ManagedRuntime.make(
    PartnerKeys.layer.pipe(Layer.provideMerge(repositoriesLayer(config))),
  );
  await runtime.runPromise(Partners.use((p) => p.seed(DEMO_PARTNER_CATALOGUE)));
  return {
    run: runtime.runPromise,
    runExit: runtime.runPromiseExit,
    dispose: async () => {
      await runtime.dispose();
      await drop();
    },
  };
};

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "partner keys on %s",
  (_name, engine) => {
    let t: Awaited<ReturnType<typeof open>>;
    let staff: Actor;
    beforeAll(async () => {
      t = await open(engine);
      const user = await t.run(
        Users.use((u) => u.ensure({ email: "dri@example.org", name: "DRI", role: "staff" })),
      );
      staff = { kind: "staff", userId: user.id };
    });
    afterAll(async () => t?.dispose());

    it("shows the secret once and stores only its SHA-256 and a short prefix", async () => {
      const { key, secret } = await t.run(
        PartnerKeys.use((k) => k.create("tu-berlin", "EWP sync", staff)),
      );
      expect(secret).toMatch(/^envol_pk_[A-Za-z0-9_-]{43}$/);
      expect(key).toMatchObject({
        partnerId: "tu-berlin",
        label: "EWP sync",
        prefix: secret.slice(0, 15),
        createdBy: staff.kind === "staff" ? staff.userId : null,
        revokedAt: null,
        lastUsedAt: null,
      });
      const { db } = await t.run(Database);
      const rows = await db.select().from(partnerApiKeys).where(eq(partnerApiKeys.id, key.id));
      expect(rows[0]?.keyHash).toBe(createHash("sha256").update(secret).digest("hex"));
      const random = secret.slice("envol_pk_".length);
      const everything = JSON.stringify([
        await db.select().from(partnerApiKeys),
        await db.select().from(auditEvents),
        await t.run(PartnerKeys.use((k) => k.list())),
      ]);
      // the display prefix shows six of the random characters, never the rest
      expect(everything).not.toContain(random.slice(6));
      expect(everything).not.toContain(random.slice(0, 12));
    });

    it("verifies a live key to its partner and records when it was used, once a minute at most", async () => {
      const { key, secret } = await t.run(
        at("2027-01-10T09:00:00Z")(PartnerKeys.use((k) => k.create("kth", "sync", staff))),
      );
      const verify = (iso: string, s = secret) =>
        t.run(at(iso)(PartnerKeys.use((k) => k.verify(s))));
      const lastUsed = async () =>
        (await t.run(PartnerKeys.use((k) => k.list("kth")))).find((k) => k.id === key.id)
          ?.lastUsedAt;

      expect(await verify("2027-01-10T10:00:00Z")).toBe("kth");
      expect(await lastUsed()).toBe("2027-01-10T10:00:00.000Z");
      expect(await verify("2027-01-10T10:00:30Z")).toBe("kth");
      expect(await lastUsed()).toBe("2027-01-10T10:00:00.000Z");
      expect(await verify("2027-01-10T10:01:00Z")).toBe("kth");
      expect(await lastUsed()).toBe("2027-01-10T10:01:00.000Z");

      const last = secret.at(-1) === "A" ? "B" : "A";
      expect(await verify("2027-01-10T10:02:00Z", `${secret.slice(0, -1)}${last}`)).toBeUndefined();
      expect(await verify("2027-01-10T10:02:00Z", secret.slice(9))).toBeUndefined();
      expect(await verify("2027-01-10T10:02:00Z", "")).toBeUndefined();
    });

    it("revokes a key for good, auditing it once", async () => {
      const { key, secret } = await t.run(
        PartnerKeys.use((k) => k.create("polimi", "old integration", staff)),
      );
      const revoked = await t.run(
        at("2027-02-01T08:00:00Z")(PartnerKeys.use((k) => k.revoke(key.id, staff))),
      );
      expect(revoked).toMatchObject({ id: key.id, revokedAt: "2027-02-01T08:00:00.000Z" });
      expect(await t.run(PartnerKeys.use((k) => k.verify(secret)))).toBeUndefined();
      const again = await t.run(PartnerKeys.use((k) => k.revoke(key.id, staff)));
      expect(again.revokedAt).toBe("2027-02-01T08:00:00.000Z");

      const { db } = await t.run(Database);
      const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, key.id));
      expect(
        audit.map((e) => [e.action, e.actorKind, e.actorId, e.entityType, e.before, e.after]),
      ).toEqual([
        [
          "create-partner-key",
          "staff",
          staff.kind === "staff" && staff.userId,
          "partner_api_key",
          null,
          { partnerId: "polimi", label: "old integration", prefix: key.prefix },
        ],
        [
          "revoke-partner-key",
          "staff",
          staff.kind === "staff" && staff.userId,
          "partner_api_key",
          { revokedAt: null },
          { revokedAt: "2027-02-01T08:00:00.000Z" },
        ],
      ]);
    });

    it("refuses a key for an unknown partner and revoking an unknown key", async () => {
      const { db } = await t.run(Database);
      const before = (await db.select().from(partnerApiKeys)).length;
      const create = await t.runExit(PartnerKeys.use((k) => k.create("atlantis", "x", staff)));
      expect(errorOf(create)).toMatchObject({ _tag: "PartnerNotFound", partnerId: "atlantis" });
      expect((await db.select().from(partnerApiKeys)).length).toBe(before);
      const revoke = await t.runExit(
        PartnerKeys.use((k) => k.revoke("00000000-0000-4000-8000-00000000dead", staff)),
      );
      expect(errorOf(revoke)).toMatchObject({
        _tag: "PartnerKeyNotFound",
        id: "00000000-0000-4000-8000-00000000dead",
      });
    });

    it("lists the keys of one partner or of all, oldest first, without secrets", async () => {
      const system: Actor = { kind: "system", process: "test" };
      const first = await t.run(
        at("2027-03-01T00:00:00Z")(PartnerKeys.use((k) => k.create("epfl", "first", system))),
      );
      const second = await t.run(
        at("2027-03-02T00:00:00Z")(PartnerKeys.use((k) => k.create("epfl", "second", system))),
      );
      const epfl = await t.run(PartnerKeys.use((k) => k.list("epfl")));
      expect(epfl.map((k) => [k.label, k.createdBy])).toEqual([
        ["first", null],
        ["second", null],
      ]);
      expect(Object.keys(epfl[0] ?? {}).sort()).toEqual([
        "createdAt",
        "createdBy",
        "id",
        "label",
        "lastUsedAt",
        "partnerId",
        "prefix",
        "revokedAt",
      ]);
      const all = await t.run(PartnerKeys.use((k) => k.list()));
      expect(new Set(all.map((k) => k.partnerId))).toEqual(
        new Set(["tu-berlin", "kth", "polimi", "epfl"]),
      );
      expect(all.map((k) => k.id)).toEqual(expect.arrayContaining([first.key.id, second.key.id]));
      expect(await t.run(PartnerKeys.use((k) => k.list("mcgill")))).toEqual([]);
    });
  },
);
