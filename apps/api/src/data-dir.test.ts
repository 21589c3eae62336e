/**
 * The real server (`node --import tsx apps/api/src/main.ts`) on a PGlite data directory: one
 * process per directory (a second is refused, naming the first; a lock left by a dead process is
 * taken over; a clean stop frees it), and the start failures an operator meets (a port taken, a
 * directory that is someone else's, corrupt or unreadable) said in one line naming the port or
 * the path and the likely cause, the database closed and the exit code non-zero.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { freePort, type ServerProcess, spawnServerProcess } from "@envol/server-process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "./testing/test-app.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const DIE_WITH_PARENT = fileURLToPath(new URL("./testing/die-with-parent.ts", import.meta.url));
const LOCK = "envol.lock";

describe("the server on a PGlite data directory", () => {
  let scratch = "";
  const started: ServerProcess[] = [];
  const killAll = () => {
    for (const s of started) if (s.child.exitCode === null) s.child.kill("SIGKILL");
  };

  beforeAll(async () => {
    process.once("exit", killAll);
    scratch = await mkdtemp(join(tmpdir(), "envol-data-dir-"));
    // others may enter it, so that the unreadable case is the data directory's own mode
    chmodSync(scratch, 0o755);
  });

  afterAll(async () => {
    killAll();
    await Promise.all(started.map((s) => s.exited));
    process.off("exit", killAll);
    // the unreadable case leaves a folder only its owner may enter
    spawnSync("chmod", ["-R", "u+rwx", scratch]);
    await rm(scratch, { recursive: true, force: true });
  });

  const start = async (
    name: string,
    dataDir: string,
    options: { port?: number; uid?: number; seed?: string } = {},
  ): Promise<ServerProcess> => {
    const server = spawnServerProcess({
      name,
      args: ["--import", "tsx", "--import", DIE_WITH_PARENT, "apps/api/src/main.ts"],
      cwd: ROOT,
      env: {
        DATABASE_URL: "",
        ENVOL_DATA_DIR: dataDir,
        ENVOL_FILES_DIR: join(scratch, `${name}-files`),
        ENVOL_SEED: options.seed ?? "none",
        LOG_LEVEL: "warn",
      },
      port: options.port ?? (await freePort()),
    });
    started.push(server);
    return server;
  };

  /** Its exit and what it printed, once it has exited on its own (within 60 s). */
  const failure = async (server: ServerProcess) => {
    const exit = await Promise.race([
      server.exited,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 60_000)),
    ]);
    return { exit, output: server.output() };
  };

  /** A pid that was this host's and is no more. */
  const deadPid = () => {
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    return Number(child.stdout);
  };

  it("refuses a second process on the same directory, naming it and the first's pid; the first keeps serving", async () => {
    const dataDir = join(scratch, "shared");
    const first = await start("first", dataDir);
    await first.untilReady({ timeoutMs: 45_000 });
    const lock = JSON.parse(readFileSync(join(dataDir, LOCK), "utf8"));
    expect(lock).toMatchObject({ pid: first.child.pid, host: hostname() });

    const second = await start("second", dataDir);
    const { exit, output } = await failure(second);
    expect(exit?.code, output).toBe(1);
    expect(output).toContain(
      `the data directory ${dataDir} is in use by process ${first.child.pid}`,
    );
    expect(output).not.toMatch(/\n\s+at /);
    expect((await fetch(`${first.url}/api/health/ready`)).status).toBe(200);

    // a clean stop frees the directory
    expect(await first.stop()).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, LOCK))).toBe(false);
  });

  it("takes over a lock left by a process that is gone, and says so", async () => {
    const dataDir = join(scratch, "stale");
    mkdirSync(dataDir);
    const pid = deadPid();
    writeFileSync(
      join(dataDir, LOCK),
      JSON.stringify({ pid, host: hostname(), startedAt: "2026-01-01T00:00:00.000Z" }),
    );
    const server = await start("after a crash", dataDir);
    await server.untilReady({ timeoutMs: 45_000 });
    expect(server.output()).toContain("stale-lock-taken-over");
    expect(server.output()).toContain(`"pid":${pid}`);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK), "utf8")).pid).toBe(server.child.pid);
    await server.stop();
  });

  it("says in one line that the port is taken, closes the database (frees its lock) and exits 1", async () => {
    const taken = createServer();
    const port = await new Promise<number>((resolve) =>
      taken.listen(0, "127.0.0.1", () => resolve((taken.address() as { port: number }).port)),
    );
    try {
      const dataDir = join(scratch, "port-taken");
      const { exit, output } = await failure(await start("port taken", dataDir, { port }));
      expect(exit?.code, output).toBe(1);
      expect(output).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(output).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dataDir, LOCK))).toBe(false);
    } finally {
      taken.close();
    }
  });

  it("binds its port before touching the database: a start that finds the port taken seeds nothing, and the next start shows the demo credentials it seeds", async () => {
    const dataDir = join(scratch, "port-taken-demo");
    const taken = createServer();
    const port = await new Promise<number>((resolve) =>
      taken.listen(0, "127.0.0.1", () => resolve((taken.address() as { port: number }).port)),
    );
    try {
      const refused = await start("port taken, demo", dataDir, { port, seed: "demo" });
      const { exit, output } = await failure(refused);
      expect(exit?.code, output).toBe(1);
      expect(output).toContain(`port ${port} on 127.0.0.1 is already in use`);
      // no database made, so no demo accounts nobody was shown
      expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(false);
    } finally {
      taken.close();
    }

    const next = await start("port free, demo", dataDir, { seed: "demo" });
    // until the database is ready, the bound port says alive but not ready (503), then ready
    // each probe on a connection of its own: a kept-alive connection may be closed by the
    // server's keep-alive timer just as the next probe goes out on it (a reset, seen under load
    // while the server opens the database); a new connection waits in the backlog instead
    const fresh = { headers: { connection: "close" } };
    const statuses: number[] = [];
    const deadline = Date.now() + 45_000;
    while (statuses.at(-1) !== 200 && Date.now() < deadline && next.child.exitCode === null) {
      const r = await fetch(`${next.url}/api/health/ready`, fresh).catch(() => undefined);
      if (r) {
        statuses.push(r.status);
        if (r.status === 503) {
          expect(r.headers.get("retry-after")).toBe("5");
          expect(await r.json()).toEqual({ status: "unavailable" });
          expect((await fetch(`${next.url}/api/health`, fresh)).status).toBe(200);
        } else await r.body?.cancel();
      } else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statuses.at(-1), next.output()).toBe(200);
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set([503]));
    expect(await next.stop()).toEqual({ code: 0, signal: null });
    expect(next.output()).toContain(`${DEMO.staff.email} / ${DEMO.staff.password}`);
  });

  it("refuses a non-empty folder that is not a PGlite data directory, naming it", async () => {
    const dataDir = join(scratch, "someone-elses");
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, "thesis.pdf"), "not a database");
    const { exit, output } = await failure(await start("unrelated", dataDir));
    expect(exit?.code, output).toBe(1);
    expect(output).toContain(`cannot use ${dataDir} as the PGlite data directory`);
    expect(output).toContain("not a PGlite data directory");
    expect(readFileSync(join(dataDir, "thesis.pdf"), "utf8")).toBe("not a database");
  });

  it("refuses a corrupt data directory, naming it and the likely cause", async () => {
    const dataDir = join(scratch, "corrupt");
    const made = await PGlite.create(dataDir);
    await made.close();
    writeFileSync(join(dataDir, "global", "pg_control"), Buffer.alloc(8192, 0x5a));
    const { exit, output } = await failure(await start("corrupt", dataDir));
    expect(exit?.code, output).toBe(1);
    expect(output).toContain(`cannot use ${dataDir} as the PGlite data directory`);
    expect(output).toContain("corrupt");
    expect(existsSync(join(dataDir, LOCK))).toBe(false);
  });

  // root reads anything: then the server runs as nobody, to whom the folder is closed — which
  // needs a checkout that nobody may read (a clone inside a 0700 folder is not)
  const asRoot = process.getuid?.() === 0;
  const nobodyReadsTheCheckout =
    !asRoot ||
    spawnSync(
      process.execPath,
      [
        "-e",
        `require("node:fs").accessSync(${JSON.stringify(join(ROOT, "apps/api/src/main.ts"))})`,
      ],
      { uid: 65_534, gid: 65_534 },
    ).status === 0;

  it.runIf(nobodyReadsTheCheckout)(
    "refuses a directory it may not read, naming it and saying permission denied",
    async () => {
      const dataDir = join(scratch, "locked-away");
      mkdirSync(dataDir);
      chmodSync(dataDir, 0o000);
      const server = asRoot ? await startAs(65_534, dataDir) : await start("unreadable", dataDir);
      const { exit, output } = await failure(server);
      expect(exit?.code, output).toBe(1);
      expect(output).toContain(`cannot use ${dataDir} as the PGlite data directory`);
      expect(output).toContain("permission denied");
    },
  );

  /** The server run as another user (the test runs as root). */
  const startAs = async (uid: number, dataDir: string): Promise<ServerProcess> => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["--import", "tsx", "apps/api/src/main.ts"], {
      cwd: ROOT,
      uid,
      gid: uid,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: tmpdir(),
        ENVOL_DATA_DIR: dataDir,
        ENVOL_FILES_DIR: join(tmpdir(), "envol-nobody-files"),
        ENVOL_SEED: "none",
        PORT: String(await freePort()),
        HOST: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    const server = {
      name: "as nobody",
      child,
      exited,
      output: () => output,
    } as unknown as ServerProcess;
    started.push(server);
    return server;
  };
});
