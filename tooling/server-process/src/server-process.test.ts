import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  freePort,
  type ServerProcess,
  spawnServerProcess,
  startServerProcess,
} from "./server-process.ts";

/** A server that answers 503 to its first two probes, then 200; GET /env shows its settings. */
const SLOW_SERVER = `
let probes = 0;
require("node:http").createServer((req, res) => {
  if (req.url === "/env") {
    const { PORT, HOST, HOSTNAME, ENVOL_SEED, SHELL_ONLY, GIVEN } = process.env;
    return res.end(
      JSON.stringify({ PORT, HOST, HOSTNAME, ENVOL_SEED: ENVOL_SEED ?? null, SHELL_ONLY, GIVEN }),
    );
  }
  res.statusCode = ++probes > 2 ? 200 : 503;
  res.end();
}).listen(Number(process.env.PORT), process.env.HOST);
`;

/** Never listens. */
const SILENT_SERVER = "setInterval(() => {}, 1000);";

const started: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop("SIGKILL")));
});

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("startServerProcess", () => {
  it("resolves once the probe answers 200, with the caller's settings and not the shell's", async () => {
    const shell = { ...process.env };
    process.env.ENVOL_SEED = "from-the-shell";
    process.env.SHELL_ONLY = "kept";
    // a name that only starts like one of the server's settings is the shell's own
    process.env.HOSTNAME = "a-machine";
    try {
      const server = await startServerProcess({
        args: ["-e", SLOW_SERVER],
        cwd: tmpdir(),
        env: { GIVEN: "yes" },
        pollMs: 20,
      });
      started.push(server);
      const env = await (await fetch(`${server.url}/env`)).json();
      expect(env).toEqual({
        PORT: new URL(server.url).port,
        HOST: "127.0.0.1",
        HOSTNAME: "a-machine",
        ENVOL_SEED: null,
        SHELL_ONLY: "kept",
        GIVEN: "yes",
      });
    } finally {
      process.env = shell;
    }
  });

  it("starts a server again on another free port when its port was taken meanwhile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "server-process-"));
    const tries = join(dir, "tries");
    // finds its port taken the first time, as when another suite binds it first
    const clashOnce = `
      const fs = require("node:fs");
      fs.appendFileSync(${JSON.stringify(tries)}, "x");
      if (fs.readFileSync(${JSON.stringify(tries)}, "utf8").length === 1) {
        console.error("Error: listen EADDRINUSE: address already in use");
        process.exit(1);
      }
      ${SLOW_SERVER}`;
    try {
      const server = await startServerProcess({ args: ["-e", clashOnce], cwd: dir, pollMs: 20 });
      started.push(server);
      expect(readFileSync(tries, "utf8")).toBe("xx");
      // and a port the caller chose is not changed behind its back
      rmSync(tries);
      await expect(
        startServerProcess({ args: ["-e", clashOnce], cwd: dir, port: await freePort() }),
      ).rejects.toThrow(/EADDRINUSE/);
      expect(readFileSync(tries, "utf8")).toBe("x");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails with the server's output when it exits before answering", async () => {
    await expect(
      startServerProcess({
        name: "the broken one",
        args: ["-e", "console.error('invalid configuration: PORT'); process.exit(3)"],
        cwd: tmpdir(),
      }),
    ).rejects.toThrow(/the broken one exited \(code 3\) before answering:\ninvalid configuration/);
  });

  it("kills a server that does not answer in time, and says what it printed", async () => {
    const failure = await startServerProcess({
      args: ["-e", SILENT_SERVER],
      cwd: tmpdir(),
      timeoutMs: 300,
      pollMs: 20,
    }).catch((e: Error) => e);
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toMatch(/\(pid \d+\) did not answer \/api\/health\/ready within 300 ms/);
    const pid = Number(/\(pid (\d+)\)/.exec(message)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(isRunning(pid)).toBe(false);
  });
});

describe("spawnServerProcess", () => {
  it("stops with SIGTERM, and a second stop of an exited server resolves at once", async () => {
    const server = spawnServerProcess({ args: ["-e", SLOW_SERVER], cwd: tmpdir(), port: 0 });
    started.push(server);
    expect(await server.stop()).toEqual({ code: null, signal: "SIGTERM" });
    expect(await server.stop()).toEqual({ code: null, signal: "SIGTERM" });
  });
});
