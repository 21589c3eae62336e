/**
 * The audit trail's hash chain: each event carries the hash of the one before it, appends are
 * serialised so concurrent writers (several connections, several processes) never fork the
 * chain, and `verify` names the first link that an owner of the tables broke out of band (a row
 * altered, deleted or inserted with the triggers disabled).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { Actor } from "@envol/domain";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Effect } from "effect";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Applications } from "./applications.ts";
import { GENESIS_HASH, verifyAuditChain } from "./audit-chain.ts";
import { recordAudit } from "./audit-log.ts";
import { AuditTrail } from "./audit-trail.ts";
import { Budgets } from "./budgets.ts";
import { type AppDatabase, Database } from "./database.ts";
import {
  openTestRuntime,
  postgresEngine,
  BERLIN_SEMESTER as situation,
  type TestEngine,
  testEngines,
} from "./testing/index.ts";
import { spawnWorker } from "./testing/workers.ts";
import type { WriteJob, WriteReply } from "./testing/write-worker.ts";
import { Users } from "./users.ts";

const STAFF: Actor = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" };

/** A runtime over a fresh database, and SQL run as the tables' owner (what an intruder with the owner's password could do). */
const open = async (engine: TestEngine) => {
  const t = await openTestRuntime(engine);
  const ownerUrl = t.config.migrationUrl ?? t.config.url;
  const asOwner = async (statements: readonly string[]) => {
    if (!ownerUrl) {
      // PGlite: the process is the owner
      for (const s of statements)
        await t.run(Database.use(({ db }) => Effect.promise(() => db.execute(sql.raw(s)))));
      return;
    }
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      for (const s of statements) await client.query(s);
    } finally {
      await client.end();
    }
  };
  const verify = () => t.run(AuditTrail.use((a) => a.verify()));
  return { ...t, asOwner, verify };
};

/** Writes `n` audit events: envelopes set one after the other, or all at once when `concurrent`. */
const setEnvelopes = async (
  t: Awaited<ReturnType<typeof open>>,
  n: number,
  concurrent: boolean,
  year = "2026-2027",
) => {
  const one = (i: number) =>
    t.run(Budgets.use((b) => b.setEnvelope("erasmus", year, 100_000 + i, STAFF)));
  if (concurrent) await Promise.all(Array.from({ length: n }, (_, i) => one(i)));
  else for (let i = 0; i < n; i++) await one(i);
};

const withoutTriggers = (statement: string) => [
  "ALTER TABLE audit_events DISABLE TRIGGER USER",
  statement,
  "ALTER TABLE audit_events ENABLE TRIGGER USER",
];

const MIGRATIONS = fileURLToPath(new URL("../drizzle", import.meta.url));

/** The migrations folder as it was before the chain (up to 0002), in a temporary folder. */
const migrationsBeforeChain = () => {
  const dir = mkdtempSync(join(tmpdir(), "envol-migrations-"));
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journal = JSON.parse(readFileSync(join(dir, "meta/_journal.json"), "utf8"));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < "0003");
  writeFileSync(join(dir, "meta/_journal.json"), JSON.stringify(journal));
  return dir;
};

/** A database migrated up to 0002, then through `migrate` to the current schema. */
const openBeforeChain = async (engine: TestEngine) => {
  const before = migrationsBeforeChain();
  if (engine.name === "pglite") {
    const client = await PGlite.create("memory://");
    const db = drizzlePglite({ client }) as unknown as AppDatabase;
    await migratePglite(drizzlePglite({ client }), { migrationsFolder: before });
    return {
      db,
      migrate: () => migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS }),
      close: async () => {
        await client.close();
        rmSync(before, { recursive: true });
      },
    };
  }
  const { config, drop } = await engine.create();
  const pool = new pg.Pool({ connectionString: config.migrationUrl ?? config.url });
  const db = drizzlePg({ client: pool }) as unknown as AppDatabase;
  await migratePg(drizzlePg({ client: pool }), { migrationsFolder: before });
  return {
    db,
    migrate: () => migratePg(drizzlePg({ client: pool }), { migrationsFolder: MIGRATIONS }),
    close: async () => {
      await pool.end();
      await drop();
      rmSync(before, { recursive: true });
    },
  };
};

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "the audit chain on %s",
  (_name, engine) => {
    it("chains the events of an existing database as it migrates, in id order", async () => {
      const d = await openBeforeChain(engine);
      try {
        // as the code before the chain wrote them (no position nor hash columns yet)
        for (let i = 0; i < 5; i++)
          await d.db.execute(sql`
            insert into audit_events (at, actor_kind, actor_id, action, entity_type, entity_id, after, reason)
            values (${new Date(Date.UTC(2026, 0, 5 - i)).toISOString()}, 'staff', 'dri', 'set-envelope',
              'budget', ${`erasmus/202${i}`}, ${JSON.stringify({ envelopeCents: i })}::jsonb,
              ${i === 2 ? "l'année « 2022 »" : null})`);
        await d.migrate();
        expect(await verifyAuditChain(d.db)).toMatchObject({
          ok: true,
          events: 5,
          head: { position: 5 },
        });
        const order = await d.db.execute(sql`select id, position from audit_events order by id`);
        expect(
          (order as unknown as { rows: { id: string; position: string }[] }).rows.map((r) =>
            Number(r.position),
          ),
        ).toEqual([1, 2, 3, 4, 5]);
        // and appends go on after them
        await recordAudit(d.db, {
          at: new Date(),
          actor: STAFF,
          action: "set-envelope",
          entityType: "budget",
          entityId: "erasmus/2030",
        });
        expect(await verifyAuditChain(d.db)).toMatchObject({ ok: true, events: 6 });
      } finally {
        await d.close();
      }
    });

    describe("appends", () => {
      let t: Awaited<ReturnType<typeof open>>;
      beforeAll(async () => {
        t = await open(engine);
      });
      afterAll(async () => t?.dispose());

      it("starts empty and intact", async () => {
        expect(await t.verify()).toEqual({
          ok: true,
          events: 0,
          head: { position: 0, hash: GENESIS_HASH },
        });
      });

      it("stays intact after many appends, sequential and concurrent, each linked to the one before", async () => {
        await setEnvelopes(t, 20, false);
        await setEnvelopes(t, 40, true, "2027-2028");
        const student = await t.run(
          Users.use((u) => u.ensure({ email: "chain@example.org", name: "C", role: "student" })),
        );
        await Promise.all(
          ["idf", "erasmus"].map((scheme) =>
            t.run(
              Applications.use((a) =>
                a.create({ studentId: student.id, situation, schemes: [scheme] }),
              ),
            ),
          ),
        );
        // awkward text and data: quotes, new lines, a control character, accents, emoji, keys
        // in no order, numbers jsonb writes its own way
        await t.run(
          Database.use(({ db }) =>
            Effect.promise(() =>
              recordAudit(db, {
                at: new Date("2026-12-01T09:00:00.123Z"),
                actor: STAFF,
                action: "reject",
                entityType: "scheme_request",
                entityId: "é/ü",
                before: { z: 1, a: [1.5, 1e21, -0], 'clé "x"': { ñ: null } },
                after: "déjà 🎉",
                reason: 'Refusé : "incomplet"\n\tvoir \u0001 l\'annexe \\ 😀',
              }),
            ),
          ),
        );
        const verdict = await t.verify();
        if (!verdict.ok) throw new Error(verdict.broken.detail);
        expect(verdict).toMatchObject({ ok: true, events: 63 });
        const events = await t.run(AuditTrail.use((a) => a.recent({ limit: 200 })));
        expect(events).toHaveLength(63);
        if (!verdict.ok) return;
        expect(verdict.head.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(verdict.head.position).toBe(63);
      });
    });

    describe("tampering by the owner, triggers disabled", () => {
      let t: Awaited<ReturnType<typeof open>>;
      beforeAll(async () => {
        t = await open(engine);
        await setEnvelopes(t, 6, false);
      });
      afterAll(async () => t?.dispose());

      const positionOf = async (n: number) => {
        const events = await t.run(AuditTrail.use((a) => a.recent({ limit: 200 })));
        // newest first: the n-th event written
        return events[events.length - n]?.id as number;
      };

      it("names an altered event: its content no longer matches its hash", async () => {
        const id = await positionOf(3);
        await t.asOwner(
          withoutTriggers(
            `UPDATE audit_events SET after = '{"envelopeCents": 1}' WHERE id = ${id}`,
          ),
        );
        const verdict = await t.verify();
        expect(verdict).toMatchObject({
          ok: false,
          broken: { eventId: id, position: 3, problem: "hash" },
        });
        if (!verdict.ok) expect(verdict.broken.detail).toMatch(/changed/);
        // put back as it was: intact again
        await t.asOwner(
          withoutTriggers(
            `UPDATE audit_events SET after = '{"envelopeCents": 100002}' WHERE id = ${id}`,
          ),
        );
        expect(await t.verify()).toMatchObject({ ok: true, events: 6 });
      });

      it("names a deleted event: a position is missing before the next one", async () => {
        const id = await positionOf(4);
        const next = await positionOf(5);
        await t.asOwner(withoutTriggers(`DELETE FROM audit_events WHERE id = ${id}`));
        const verdict = await t.verify();
        expect(verdict).toMatchObject({
          ok: false,
          broken: { eventId: next, position: 5, problem: "missing" },
        });
        if (!verdict.ok) expect(verdict.broken.detail).toMatch(/position 4/);
      });
    });

    describe("an event inserted out of band", () => {
      let t: Awaited<ReturnType<typeof open>>;
      beforeAll(async () => {
        t = await open(engine);
        await setEnvelopes(t, 3, false);
      });
      afterAll(async () => t?.dispose());

      it("is named, with a made-up hash or with the right one but the head left behind", async () => {
        // a forged staff decision, linked after the last event, its hash made up
        await t.asOwner(
          withoutTriggers(`INSERT INTO audit_events
            (at, actor_kind, actor_id, action, entity_type, entity_id, after, position, prev_hash, hash)
            SELECT now(), 'staff', 'forger', 'approve', 'scheme_request', 'x', '{}', 4, hash,
              repeat('a', 64)
            FROM audit_events WHERE position = 3`),
        );
        const forged = await t.verify();
        expect(forged).toMatchObject({ ok: false, broken: { position: 4, problem: "hash" } });
        // with the hash computed as the trigger would: the chain head still ends at 3
        await t.asOwner(
          withoutTriggers(
            `UPDATE audit_events SET hash = audit_event_hash(audit_events) WHERE position = 4`,
          ),
        );
        const behind = await t.verify();
        expect(behind).toMatchObject({ ok: false, broken: { position: 4, problem: "head" } });
      });
    });
  },
);

const DATABASE_URL = process.env.DATABASE_URL;

describe.skipIf(!DATABASE_URL)("the audit chain with two writer processes on PostgreSQL", () => {
  let t: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    t = await open(postgresEngine(DATABASE_URL as string));
  });
  afterAll(async () => t?.dispose());

  it("never forks: two processes appending at once leave one intact chain", async () => {
    const workers = [spawnWorker("./write-worker.ts"), spawnWorker("./write-worker.ts")];
    try {
      for (const w of workers) w.send({ config: t.config, writers: 3 } satisfies WriteJob);
      for (const w of workers) await w.next<WriteReply>();
      // each process acknowledges 30 applications (one audit event each), in parallel
      await Promise.all(
        workers.map(async (w) => {
          let acked = 0;
          while (acked < 30) if ("acked" in (await w.next<WriteReply>())) acked++;
        }),
      );
    } finally {
      for (const w of workers) w.kill("SIGKILL");
      await Promise.all(workers.map((w) => w.exited));
    }
    const verdict = await t.verify();
    expect(verdict.ok).toBe(true);
    expect(verdict.events).toBeGreaterThanOrEqual(60);
  });
});
