/**
 * The PostgreSQL pool's two waits: for a PostgreSQL that does not answer (a request gives up
 * soon, a 503 for the reader) and for one of the pool's connections while all are busy (a burst
 * of writes queued on one envelope: each waits its turn). PostgreSQL only (DATABASE_URL).
 */
import { createServer, type Server } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "./database.ts";
import { testEngines } from "./testing/index.ts";

const postgres = testEngines().find((e) => e.name === "postgres");

describe.skipIf(!postgres)("the PostgreSQL pool (needs DATABASE_URL)", () => {
  let opened: OpenDatabase | undefined;
  let drop: (() => Promise<void>) | undefined;
  let silent: Server | undefined;
  beforeAll(async () => {
    const created = await postgres?.create();
    drop = created?.drop;
    if (created) opened = await openDatabase({ ...created.config, migrate: false });
  });
  afterAll(async () => {
    await opened?.close();
    await drop?.();
    silent?.close();
  });

  it("serves a burst longer than the connection timeout, each transaction waiting its turn for a connection", async () => {
    const db = opened?.db;
    if (!db) throw new Error("no PostgreSQL");
    // 40 transactions holding their connection 2 s each: the pool's 10 serve them in four
    // rounds, the last waiting 6 s for a connection, longer than a connection may take to open
    const burst = await Promise.allSettled(
      Array.from({ length: 40 }, () => db.transaction((tx) => tx.execute(sql`select pg_sleep(2)`))),
    );
    expect(burst.filter((r) => r.status === "rejected")).toEqual([]);
  }, 60_000);

  it("gives up within seconds on a PostgreSQL that accepts the connection and never answers", async () => {
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent?.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    const mute = await openDatabase({
      url: `postgres://envol@127.0.0.1:${address.port}/envol`,
      migrate: false,
    });
    const started = Date.now();
    await expect(mute.db.execute(sql`select 1`)).rejects.toThrow();
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(4_000);
    expect(waited).toBeLessThan(15_000);
    await mute.close();
  }, 30_000);
});
