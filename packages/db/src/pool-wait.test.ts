/**
 * The PostgreSQL pool's wait for a connection: for a PostgreSQL that accepts and never answers,
 * and for one of the pool's while all are busy. Either ends within seconds in an error the API
 * answers with a 503 worth retrying (`isDatabaseUnavailable`), never a 500 and never a request
 * left hanging past a proxy's timeout. PostgreSQL only (DATABASE_URL).
 */
import { createServer, type Server } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "./database.ts";
import { isDatabaseUnavailable } from "./database-unavailable.ts";
import { testEngines } from "./testing/index.ts";

const postgres = testEngines().find((e) => e.name === "postgres");

/** What a promise failed with, and after how long. */
const failure = async (promise: Promise<unknown>) => {
  const started = Date.now();
  try {
    await promise;
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  throw new Error("expected a failure");
};

describe.skipIf(!postgres)(
  "the PostgreSQL pool's wait for a connection (needs DATABASE_URL)",
  () => {
    let opened: OpenDatabase | undefined;
    let drop: (() => Promise<void>) | undefined;
    let mute: Server | undefined;
    beforeAll(async () => {
      const created = await postgres?.create();
      drop = created?.drop;
      if (created) opened = await openDatabase({ ...created.config, migrate: false });
    });
    afterAll(async () => {
      await opened?.close();
      await drop?.();
      mute?.close();
    });

    it("gives up on a PostgreSQL that accepts the connection and never answers within seconds, as unavailable", async () => {
      mute = createServer(() => undefined);
      await new Promise<void>((resolve) => mute?.listen(0, "127.0.0.1", resolve));
      const address = mute.address();
      if (address === null || typeof address === "string") throw new Error("no port");
      const silent = await openDatabase({
        url: `postgres://envol@127.0.0.1:${address.port}/envol`,
        migrate: false,
      });
      const { error, ms } = await failure(silent.db.execute(sql`select 1`));
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(4_000);
      expect(ms).toBeLessThan(15_000);
      await silent.close();
    }, 30_000);

    it("gives up within seconds on a connection of a pool whose ten are busy longer, as unavailable", async () => {
      const db = opened?.db;
      if (!db) throw new Error("no PostgreSQL");
      // the pool's ten connections held 8 s each: the eleventh request waits for one, then fails
      const busy = Array.from({ length: 10 }, () =>
        db.transaction((tx) => tx.execute(sql`select pg_sleep(8)`)),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      const { error, ms } = await failure(db.execute(sql`select 1`));
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect(ms).toBeLessThan(8_000);
      await Promise.all(busy);
    }, 30_000);
  },
);
