/**
 * `pnpm envol audit verify` in a child process, on a database another process wrote: PGlite in a
 * data folder, and PostgreSQL when DATABASE_URL is set.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type DatabaseConfig, openDatabase, recordAudit } from "@envol/db";
import { testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const main = resolve(import.meta.dirname, "main.ts");
const tsx = resolve(import.meta.dirname, "../node_modules/.bin/tsx");

/** The CLI with only the database's variables in its environment. */
const verify = (config: DatabaseConfig, args = ["audit", "verify"]) => {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "" };
  if (config.url) env.DATABASE_URL = config.url;
  if (config.migrationUrl) env.MIGRATION_DATABASE_URL = config.migrationUrl;
  if (config.dataDir) env.ENVOL_DATA_DIR = config.dataDir;
  const r = spawnSync(tsx, [main, ...args], { env, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** Runs `work` on the database, as its owner, and closes it (PGlite: one process at a time). */
const withDatabase = async (
  config: DatabaseConfig,
  work: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<unknown>,
) => {
  const owner = await openDatabase(config.migrationUrl ? { url: config.migrationUrl } : config);
  try {
    await work(owner.db);
  } finally {
    await owner.close();
  }
};

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "pnpm envol audit verify on %s",
  (name, engine) => {
    let config: DatabaseConfig;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      if (name === "pglite") {
        const dataDir = mkdtempSync(join(tmpdir(), "envol-audit-"));
        config = { dataDir };
        drop = async () => rmSync(dataDir, { recursive: true, force: true });
      } else {
        ({ config, drop } = await engine.create());
      }
      await withDatabase(config, async (db) => {
        for (let i = 1; i <= 4; i++)
          await recordAudit(db, {
            at: new Date(Date.UTC(2026, 11, i)),
            actor: { kind: "system", process: "test" },
            action: "set-envelope",
            entityType: "budget",
            entityId: "erasmus/2026-2027",
            after: { envelopeCents: i * 1000 },
          });
      });
    }, 60_000);
    afterAll(async () => drop?.());

    it("exits 0 and says the chain is intact", () => {
      const r = verify(config);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(
        /^audit trail intact: 4 events, chain head at position 4 \(hash [0-9a-f]{64}\)/,
      );
    });

    it("exits 1 naming the event, its position and what differs, once an event was altered", async () => {
      let id = 0;
      await withDatabase(config, async (db) => {
        const rows = (await db.execute(
          "select id from audit_events where position = 2",
        )) as unknown as {
          rows: { id: string | number }[];
        };
        id = Number(rows.rows[0]?.id);
        await db.execute("alter table audit_events disable trigger user");
        await db.execute(
          "update audit_events set after = '{\"envelopeCents\": 999999}' where position = 2",
        );
        await db.execute("alter table audit_events enable trigger user");
      });
      const r = verify(config);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`audit trail BROKEN at position 2 (event ${id}): hash`);
      expect(r.stderr).toMatch(/changed after it was written/);
      expect(r.stderr).toContain("the 1 events before it are intact");
    });

    it("exits 2 with the usage on an unknown audit command", () => {
      const r = verify(config, ["audit", "rewrite"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("usage: pnpm envol audit verify");
    });
  },
);
