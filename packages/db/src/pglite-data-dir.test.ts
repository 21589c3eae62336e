/**
 * The PGlite data directory is its owner's only: the folder 0700 (which alone keeps every other
 * user away from the files), and its folders 0700 and files 0600 — at creation, at every start
 * (an existing folder left open is tightened, and the log says so), for the files PostgreSQL
 * creates while it serves, and after a restore. PGlite's file system writes a new database's
 * files 0666 whatever the umask: these tests run under the usual umask 0022.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restoreBackup, writeBackup } from "./backup.ts";
import { type DatabaseWarning, openDatabase } from "./database.ts";

const modeOf = (path: string) => lstatSync(path).mode & 0o777;

/** Every entry of `dir` (itself included) whose mode is not 0700 for a folder, 0600 for a file. */
const openToOthers = (dir: string): string[] => {
  const loose = modeOf(dir) === 0o700 ? [] : [`${modeOf(dir).toString(8)} ${dir}`];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(e.parentPath, e.name);
    const expected = e.isDirectory() ? 0o700 : 0o600;
    if (modeOf(path) !== expected) loose.push(`${modeOf(path).toString(8)} ${path}`);
  }
  return loose;
};

const filesOf = (dir: string) =>
  new Set(
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
  );

describe("the PGlite data directory's permissions", () => {
  let scratch = "";
  let umask = 0;

  beforeAll(async () => {
    umask = process.umask(0o022);
    scratch = await mkdtemp(join(tmpdir(), "envol-data-dir-modes-"));
  });

  afterAll(async () => {
    process.umask(umask);
    await rm(scratch, { recursive: true, force: true });
  });

  it("creates the data directory 0700, and once open every folder in it 0700 and every file 0600", async () => {
    const dataDir = join(scratch, "new", "pglite");
    const open = await openDatabase({ dataDir });
    try {
      // the folder first: closed to others, it keeps them from every file in it
      expect(modeOf(dataDir).toString(8)).toBe("700");
      expect(modeOf(join(scratch, "new")).toString(8)).toBe("700");
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await open.close();
    }
    expect(openToOthers(dataDir)).toEqual([]);
    // already its owner's only: the next start has nothing to say
    const warnings: DatabaseWarning[] = [];
    await (await openDatabase({ dataDir, migrate: false, warn: (w) => warnings.push(w) })).close();
    expect(warnings).toEqual([]);
  });

  it("tightens an existing data directory left open to others at the next start, and says so", async () => {
    const dataDir = join(scratch, "left-open");
    await (await openDatabase({ dataDir, migrate: false })).close();
    chmodSync(dataDir, 0o777);
    chmodSync(join(dataDir, "PG_VERSION"), 0o666);
    chmodSync(join(dataDir, "base"), 0o755);
    const warnings: DatabaseWarning[] = [];
    const open = await openDatabase({ dataDir, migrate: false, warn: (w) => warnings.push(w) });
    try {
      expect(openToOthers(dataDir)).toEqual([]);
      expect(warnings).toEqual([{ event: "data-dir-tightened", dataDir, entries: 3 }]);
    } finally {
      await open.close();
    }
  });

  it("keeps the files PostgreSQL creates while it serves (new tables, new WAL segments) 0600", async () => {
    const dataDir = join(scratch, "growing");
    const open = await openDatabase({ dataDir, migrate: false });
    try {
      const before = filesOf(dataDir);
      // about 50 MB of rows: new relation files, and WAL beyond the first 16 MB segment
      await open.db.execute(sql`create table filler (line text)`);
      await open.db.execute(
        sql`insert into filler select repeat('x', 1000) from generate_series(1, 50000)`,
      );
      await open.db.execute(sql`checkpoint`);
      const created = [...filesOf(dataDir)].filter((f) => !before.has(f));
      expect(created.some((f) => f.includes("pg_wal"))).toBe(true);
      expect(created.some((f) => f.includes(`${join(dataDir, "base")}/`))).toBe(true);
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await open.close();
    }
    expect(openToOthers(dataDir)).toEqual([]);
  });

  it("restores a backup into a data directory that is 0700, its files 0600", async () => {
    const source = join(scratch, "to-back-up");
    const filesDir = join(scratch, "files");
    mkdirSync(filesDir);
    const open = await openDatabase({ dataDir: source, migrate: false });
    const backup = join(scratch, "backup");
    try {
      const dump = open.dumpDataDir;
      if (!dump) throw new Error("PGlite gives a dump");
      await writeBackup(backup, { dump, filesDir });
    } finally {
      await open.close();
    }
    const restored = join(scratch, "restored");
    await restoreBackup(backup, { dataDir: restored, filesDir: join(scratch, "files-back") });
    expect(readdirSync(restored)).toContain("PG_VERSION");
    expect(openToOthers(restored)).toEqual([]);
  });
});
