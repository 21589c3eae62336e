import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, isNull, sql } from "drizzle-orm";
import { ManagedRuntime } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { Applications } from "./applications.ts";
import { Database } from "./database.ts";
import { applications, auditEvents, schemeRequests } from "./schema/index.ts";
import { repositoriesLayer, type TestEngine, testEngines } from "./testing/index.ts";
import { spawnWorker, type Worker } from "./testing/workers.ts";
import type { WriteJob, WriteReply } from "./testing/write-worker.ts";

/** How many acknowledged applications the writer gets through before it is killed. */
const ACKNOWLEDGED = 30;

/** A PGlite data directory on disk: the in-memory engine of `testEngines` has nothing to reopen. */
const pgliteDirectory: Pick<TestEngine, "create"> = {
  create: async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "envol-durability-"));
    return {
      config: { dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  },
};

const postgres = testEngines().find((e) => e.name === "postgres");
const engines = [
  // PGlite runs one connection: its writes are one after the other whatever the loops
  { name: "a PGlite directory", engine: pgliteDirectory, writers: 1 },
  ...(postgres ? [{ name: "PostgreSQL", engine: postgres, writers: 4 }] : []),
];

describe.each(engines.map((e) => [e.name, e] as const))(
  "a writer killed with SIGKILL on %s",
  (_name, { engine, writers }) => {
    const cleanup: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step();
    });

    it("loses no acknowledged application and leaves none half-written", async () => {
      const { config, drop } = await engine.create();
      cleanup.push(drop);
      const writer: Worker = spawnWorker("./write-worker.ts");
      cleanup.push(async () => {
        writer.kill("SIGKILL");
        await writer.exited;
      });
      writer.send({ config, writers } satisfies WriteJob);

      const replies: WriteReply[] = [];
      const acked = () =>
        replies.filter((r): r is Extract<WriteReply, { acked: string }> => "acked" in r);
      // killed just after it began a write, so that a transaction is under way
      let last: WriteReply | undefined;
      while (acked().length < ACKNOWLEDGED || !(last && "begin" in last)) {
        last = await writer.next<WriteReply>();
        replies.push(last);
      }
      writer.kill("SIGKILL");
      expect(await writer.exited).toEqual({ code: null, signal: "SIGKILL" });
      // what it printed before it died was acknowledged too
      replies.push(...(writer.drain() as WriteReply[]));
      const begun = replies.filter((r) => "begin" in r).length;
      const acknowledged = acked();

      const runtime = ManagedRuntime.make(repositoriesLayer(config));
      cleanup.push(() => runtime.dispose());
      const { db } = await runtime.runPromise(Database);

      for (const { acked: id, requests } of acknowledged) {
        const app = await runtime.runPromise(Applications.use((a) => a.get(id)));
        expect(app.requests, `acknowledged application ${id}`).toHaveLength(requests);
      }

      const requestCounts = await db
        .select({
          id: applications.id,
          requests: sql<number>`count(${schemeRequests.id})::int`,
        })
        .from(applications)
        .leftJoin(schemeRequests, eq(schemeRequests.applicationId, applications.id))
        .groupBy(applications.id);
      // the schemes each application was created with, recorded in the same transaction
      const created = new Map(
        (
          await db
            .select({ id: auditEvents.entityId, after: auditEvents.after })
            .from(auditEvents)
            .where(
              and(
                eq(auditEvents.entityType, "application"),
                eq(auditEvents.action, "create-application"),
              ),
            )
        ).map((e) => [e.id, (e.after as { schemes: string[] }).schemes.length]),
      );
      const halfWritten = requestCounts.filter((a) => created.get(a.id) !== a.requests);
      expect(halfWritten).toEqual([]);
      expect(created.size).toBe(requestCounts.length);
      // every write it began is there or not at all: acknowledged ones must be, the rest may be
      expect(requestCounts.length).toBeGreaterThanOrEqual(acknowledged.length);
      expect(requestCounts.length).toBeLessThanOrEqual(begun);

      const orphans = await db
        .select({ id: schemeRequests.id })
        .from(schemeRequests)
        .leftJoin(applications, eq(applications.id, schemeRequests.applicationId))
        .where(isNull(applications.id));
      expect(orphans).toEqual([]);
    });
  },
);
