/**
 * The real server (`node --import tsx apps/api/src/main.ts`) on PostgreSQL while its database
 * drops its connections (`pg_terminate_backend`: what a restart, a failover or an idle timeout
 * does) and while it is away altogether (a relay the test cuts): the process keeps serving,
 * requests that cannot reach the database get a 503 problem+json (never a 500, never a crash),
 * readiness says so, and once the database answers again so do the requests.
 * PostgreSQL only (DATABASE_URL).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_ACADEMIC_YEAR } from "@envol/db";
import { postgresEngine } from "@envol/db/testing";
import { freePort, type ServerProcess, spawnServerProcess } from "@envol/server-process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "./testing/tcp-proxy.ts";
import { DEMO } from "./testing/test-app.ts";

const DATABASE_URL = process.env.DATABASE_URL;
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const DIE_WITH_PARENT = fileURLToPath(new URL("./testing/die-with-parent.ts", import.meta.url));

const TERMINATIONS = 6;
const BUDGETS = `/api/staff/budgets?academicYear=${DEMO_ACADEMIC_YEAR}`;

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

describe.skipIf(!DATABASE_URL)(
  "the server when its PostgreSQL drops it (needs DATABASE_URL)",
  () => {
    let server: ServerProcess | undefined;
    let proxy: TcpProxy | undefined;
    let database: { readonly name: string; readonly drop: () => Promise<void> } | undefined;
    let admin: pg.Client | undefined;
    let filesDir: string | undefined;
    let staff: Record<string, string> = {};
    const kill = () => server?.child.kill("SIGKILL");

    beforeAll(async () => {
      process.once("exit", kill);
      const created = await postgresEngine(DATABASE_URL as string).create();
      const url = new URL(created.config.url as string);
      database = { name: url.pathname.slice(1), drop: created.drop };
      admin = new pg.Client({ connectionString: DATABASE_URL });
      await admin.connect();
      proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
      const viaProxy = new URL(url);
      viaProxy.hostname = "127.0.0.1";
      viaProxy.port = String(proxy.port);
      filesDir = await mkdtemp(join(tmpdir(), "envol-outage-"));
      server = spawnServerProcess({
        name: "the server",
        args: ["--import", "tsx", "--import", DIE_WITH_PARENT, "apps/api/src/main.ts"],
        cwd: ROOT,
        env: {
          DATABASE_URL: viaProxy.toString(),
          ENVOL_SEED: "demo",
          ENVOL_FILES_DIR: filesDir,
          LOG_LEVEL: "warn",
        },
        port: await freePort(),
      });
      // from the sources (tsx): 10–14 s on a loaded CI machine, up to 50 s under the suite's hook timeout
      await server.untilReady({ timeoutMs: 50_000, pollMs: 100 });
      const r = await fetch(`${server.url}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: DEMO.staff.email, password: DEMO.staff.password }),
      });
      expect(r.status).toBe(200);
      staff = { cookie: (r.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "" };
    });

    afterAll(async () => {
      kill();
      await server?.exited;
      process.off("exit", kill);
      await proxy?.close();
      await admin?.end();
      await database?.drop();
      if (filesDir) await rm(filesDir, { recursive: true, force: true });
    });

    const the = () => {
      if (!server || !proxy || !admin || !database) throw new Error("the server did not start");
      return { server, proxy, admin, database };
    };

    const get = async (path: string): Promise<Answer> => {
      const { server } = the();
      const r = await fetch(`${server.url}${path}`, {
        headers: { ...staff, "accept-language": "en" },
      }).catch(async (e: unknown) => {
        // a server that died: say how, with what it printed
        const exit = await Promise.race([server.exited, new Promise((r) => setTimeout(r, 2_000))]);
        throw new Error(`GET ${path}: ${e} (exit: ${JSON.stringify(exit)})\n${server.output()}`);
      });
      return {
        status: r.status,
        contentType: r.headers.get("content-type") ?? "",
        body: await r.text(),
      };
    };

    /** The server's connections, as PostgreSQL lists them (the test's own admin one excepted). */
    const terminateBackends = async () => {
      const { admin, database } = the();
      const killed = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [database.name],
      );
      return killed.rowCount ?? 0;
    };

    /** Polls until `path` answers 200 (the database is back), at most `ms`. */
    const until200 = async (path: string, ms: number) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const answer = await get(path);
        if (answer.status === 200 || Date.now() > deadline) return answer;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    it(`keeps serving through ${TERMINATIONS} rounds of pg_terminate_backend, each request answered 200 or 503 problem+json`, async () => {
      const { server } = the();
      const answers: Answer[] = [];
      let terminated = 0;
      for (let round = 0; round < TERMINATIONS; round++) {
        // requests in flight while the connections are cut, then the pool's idle ones are dead
        const inFlight = Array.from({ length: 8 }, () => get(BUDGETS));
        terminated += await terminateBackends();
        answers.push(...(await Promise.all(inFlight)));
        answers.push(...(await Promise.all(Array.from({ length: 4 }, () => get(BUDGETS)))));
        expect(server.child.exitCode, server.output()).toBeNull();
      }
      expect(terminated).toBeGreaterThan(0);
      const unexpected = answers.filter(
        (a) =>
          a.status !== 200 &&
          !(a.status === 503 && a.contentType.startsWith("application/problem+json")),
      );
      expect(unexpected, server.output()).toEqual([]);
      expect((await until200(BUDGETS, 5_000)).status, server.output()).toBe(200);
      expect(server.output()).not.toMatch(/Unhandled 'error' event/);
    });

    it("answers 503 problem+json and not ready while the database is away, then serves again once it is back", async () => {
      const { server, proxy } = the();
      await proxy.down();
      const during = await get(BUDGETS);
      expect(during.status, during.body).toBe(503);
      expect(during.contentType).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(during.body)).toMatchObject({
        status: 503,
        type: expect.stringMatching(/database-unavailable$/),
        title: "The database is temporarily unavailable",
      });
      expect((await get("/api/health/ready")).status).toBe(503);
      expect((await get("/api/health")).status).toBe(200);

      await proxy.up();
      expect((await until200("/api/health/ready", 10_000)).status).toBe(200);
      const after = await get(BUDGETS);
      expect(after.status, after.body).toBe(200);
      expect(server.child.exitCode, server.output()).toBeNull();
    });
  },
);
