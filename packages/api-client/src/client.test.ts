/**
 * The typed client against the real server: `apps/api/src/main.ts` started as a child process
 * on a free port over a fresh embedded database, called over real HTTP.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type ServerProcess, startServerProcess } from "@envol/server-process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEnvolClient, type EnvolClient } from "./index.ts";

const root = resolve(import.meta.dirname, "../../..");

let server: ServerProcess | undefined;
let client: EnvolClient;
const dataDir = mkdtempSync(join(tmpdir(), "envol-client-"));

beforeAll(async () => {
  server = await startServerProcess({
    name: "the API",
    args: ["--import", "tsx", "apps/api/src/main.ts"],
    cwd: root,
    env: {
      ENVOL_DATA_DIR: join(dataDir, "db"),
      ENVOL_FILES_DIR: join(dataDir, "files"),
      DATABASE_URL: "",
      ENVOL_SEED: "none",
      LOG_LEVEL: "warn",
    },
    showStderr: true,
    // on a loaded machine (every suite at once on two cores) the first start can take a while
    timeoutMs: 110_000,
  });
  client = createEnvolClient(server.url);
}, 120_000);

afterAll(async () => {
  await server?.stop();
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
