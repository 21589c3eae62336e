/**
 * `pnpm envol backup` while the real server (`apps/api/src/main.ts`, a child process) serves
 * from its PGlite directory, then a wipe, `pnpm envol restore`, and the server started again
 * on what was restored: the same rows and the same file bytes as at the backup.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_ACADEMIC_YEAR } from "@envol/db";
import { freePort, type ServerProcess, spawnServerProcess } from "@envol/server-process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const MAIN = resolve(import.meta.dirname, "main.ts");
const TSX = resolve(import.meta.dirname, "../node_modules/.bin/tsx");
const DIE_WITH_PARENT = join(ROOT, "apps/api/src/testing/die-with-parent.ts");
const BUDGET = `/api/staff/budgets/alumni/${DEMO_ACADEMIC_YEAR}`;

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

describe("pnpm envol backup and restore, on PGlite", () => {
  let scratch = "";
  let dataDir = "";
  let filesDir = "";
  const servers: ServerProcess[] = [];
  const killAll = () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill("SIGKILL");
  };

  beforeAll(async () => {
    process.once("exit", killAll);
    scratch = await mkdtemp(join(tmpdir(), "envol-backup-"));
    dataDir = join(scratch, "pglite");
    filesDir = join(scratch, "files");
  });

  afterAll(async () => {
    killAll();
    await Promise.all(servers.map((s) => s.exited));
    process.off("exit", killAll);
    await rm(scratch, { recursive: true, force: true });
  });

  const env = () => ({ ENVOL_DATA_DIR: dataDir, ENVOL_FILES_DIR: filesDir });

  /** The real CLI, as `pnpm envol` runs it. */
  const envol = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const { DATABASE_URL: _, ...parent } = process.env;
      execFile(
        TSX,
        [MAIN, ...args],
        { cwd: ROOT, env: { ...parent, ...env() } },
        (error, stdout, stderr) =>
          done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  const startServer = async () => {
    const server = spawnServerProcess({
      args: ["--import", "tsx", "--import", DIE_WITH_PARENT, "apps/api/src/main.ts"],
      cwd: ROOT,
      env: { DATABASE_URL: "", ...env(), ENVOL_SEED: "demo", LOG_LEVEL: "warn" },
      port: await freePort(),
    });
    servers.push(server);
    // one that never answered must not hold the data directory for the next test; under CI's
    // load (every package's suite at once on two cores) a start from the sources, PGlite's
    // migrations and the demo data measured 13 s idle and over 50 s loaded, as the browser
    // tests' server is given 100 s (apps/web/e2e/server.ts)
    await server.untilReady({ timeoutMs: 100_000 }).catch(async (e: unknown) => {
      await server.stop();
      throw e;
    });
    return server;
  };

  const signIn = async (server: ServerProcess, email: string, password: string) => {
    const r = await fetch(`${server.url}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    expect(r.status).toBe(200);
    const cookie = (r.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const { csrfToken } = (await r.json()) as { csrfToken: string };
    return { cookie, "x-csrf-token": csrfToken };
  };

  const setEnvelope = async (
    server: ServerProcess,
    staff: Record<string, string>,
    cents: number,
  ) => {
    const r = await fetch(`${server.url}${BUDGET}`, {
      method: "PUT",
      headers: { ...staff, "content-type": "application/json" },
      body: JSON.stringify({ envelopeCents: cents }),
    });
    expect(r.status, await r.clone().text()).toBe(200);
  };

  const envelopeOf = async (server: ServerProcess, staff: Record<string, string>) => {
    const r = await fetch(`${server.url}/api/staff/budgets?academicYear=${DEMO_ACADEMIC_YEAR}`, {
      headers: staff,
    });
    const budgets = (await r.json()) as { scheme: string; envelopeCents: number }[];
    return budgets.find((b) => b.scheme === "alumni")?.envelopeCents;
  };

  it("backs up while the server serves; after a wipe, restore brings back the same rows and file bytes", async () => {
    const first = await startServer();
    const staff = await signIn(first, "dri@demo.envol.fr", "demo-dri");
    const student = await signIn(first, "etudiante@demo.envol.fr", "demo-etudiante");
    await setEnvelope(first, staff, 123_456);

    // a document of the student's, its bytes in the files folder
    const [application] = (await (
      await fetch(`${first.url}/api/applications`, { headers: student })
    ).json()) as { id: string }[];
    const detail = (await (
      await fetch(`${first.url}/api/applications/${application?.id}`, { headers: student })
    ).json()) as { checklist: { id: string }[] };
    const form = new FormData();
    form.set("kind", detail.checklist[0]?.id ?? "");
    form.set("file", new File([PNG], "rib.png", { type: "image/png" }));
    const uploaded = await fetch(`${first.url}/api/applications/${application?.id}/documents`, {
      method: "POST",
      headers: student,
      body: form,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const document = (await uploaded.json()) as { id: string };

    const backupDir = join(scratch, "backup");
    const backup = await envol("backup", backupDir);
    expect(backup, backup.stderr).toMatchObject({ code: 0 });
    expect(backup.stdout).toContain(`written by the running server (pid ${first.child.pid})`);
    expect(readdirSync(backupDir).sort()).toEqual(["files", "manifest.json", "pglite.tar.gz"]);

    // what happens after the backup is what the restore undoes
    await setEnvelope(first, staff, 999);

    const whileServing = await envol("restore", backupDir, "--force");
    expect(whileServing.code).toBe(1);
    expect(whileServing.stderr).toContain(`is in use by process ${first.child.pid}`);

    expect(await first.stop()).toEqual({ code: 0, signal: null });
    await rm(dataDir, { recursive: true });
    await rm(filesDir, { recursive: true });

    const restore = await envol("restore", backupDir);
    expect(restore, restore.stderr).toMatchObject({ code: 0 });
    expect(existsSync(join(dataDir, "envol.lock"))).toBe(false);
    const again = await envol("restore", backupDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`the data directory ${dataDir} is not empty`);

    const second = await startServer();
    const staffAgain = await signIn(second, "dri@demo.envol.fr", "demo-dri");
    expect(await envelopeOf(second, staffAgain)).toBe(123_456);
    const studentAgain = await signIn(second, "etudiante@demo.envol.fr", "demo-etudiante");
    const download = await fetch(
      `${second.url}/api/applications/${application?.id}/documents/${document.id}`,
      { headers: studentAgain },
    );
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    await second.stop();
  }, 240_000);

  it("backs up with no server running, opening the directory itself; restore --force replaces", async () => {
    const backupDir = join(scratch, "offline-backup");
    const backup = await envol("backup", backupDir);
    expect(backup, backup.stderr).toMatchObject({ code: 0 });
    expect(backup.stdout).toContain(`backup written into ${backupDir}`);
    const refused = await envol("backup", backupDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is not empty");
    const forced = await envol("restore", backupDir, "--force");
    expect(forced, forced.stderr).toMatchObject({ code: 0 });
  }, 120_000);

  it("migrate applies the migrations and exits; PostgreSQL backups are pg_dump's", async () => {
    const migrate = await envol("migrate");
    expect(migrate, migrate.stderr).toMatchObject({ code: 0 });
    expect(migrate.stdout).toContain(`migrated: PGlite in ${dataDir}`);
    expect(existsSync(join(dataDir, "envol.lock"))).toBe(false);
    const { DATABASE_URL } = process.env;
    process.env.DATABASE_URL = "postgres://nowhere/envol";
    try {
      const pg = await new Promise<{ code: number; stderr: string }>((done) =>
        execFile(
          TSX,
          [MAIN, "backup", join(scratch, "pg")],
          { cwd: ROOT, env: { ...process.env } },
          (e, _o, stderr) => done({ code: e ? Number(e.code) : 0, stderr }),
        ),
      );
      expect(pg.code).toBe(2);
      expect(pg.stderr).toContain("pg_dump");
    } finally {
      if (DATABASE_URL === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = DATABASE_URL;
    }
  }, 120_000);
});
