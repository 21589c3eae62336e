/**
 * The typed client against the real server: `apps/api/src/main.ts` started as a child process
 * on a free port over a fresh embedded database, called over real HTTP.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEnvolClient, type EnvolClient } from "./index.ts";

const root = resolve(import.meta.dirname, "../../..");

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

let server: ChildProcess;
let base: string;
let client: EnvolClient;
const dataDir = mkdtempSync(join(tmpdir(), "envol-client-"));

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["--import", "tsx", "apps/api/src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      ENVOL_DATA_DIR: join(dataDir, "db"),
      ENVOL_FILES_DIR: join(dataDir, "files"),
      DATABASE_URL: "",
      ENVOL_SEED: "false",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let exited = false;
  server.once("exit", () => {
    exited = true;
  });
  // on a loaded machine (every suite at once on two cores) the first start can take a while
  for (let ready = false; !ready; ) {
    if (exited) throw new Error("the server exited before answering");
    ready = await fetch(`${base}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  client = createEnvolClient(base);
}, 120_000);

afterAll(async () => {
  // "exit" is emitted once: a server that already exited, or died of a signal (its exitCode
  // stays null then), would be waited for forever
  if (server?.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the typed client", () => {
  it("simulates a stay over HTTP, typed from the server's routes", async () => {
    const res = await client.simulations.$post(
      {
        json: {
          mobility: { host: { partner: "tu-berlin" }, start: "2027-02-01", end: "2027-06-30" },
        },
      },
      { headers: { "Accept-Language": "en" } },
    );
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const report = await res.json();
    expect(report.fundedDays).toBe(150);
    expect(report.schemes.map((s) => s.scheme)).toContain("erasmus");
  });

  it("reads the scheme catalogue and a problem on an invalid situation", async () => {
    const schemes = await client.schemes.$get({ query: {} });
    expect(schemes.status).toBe(200);
    const bad = await client.simulations.$post({
      json: {
        mobility: { host: { partner: "tu-berlin" }, start: "2027-02-30", end: "2027-06-30" },
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
  });
});
