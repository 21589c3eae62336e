/**
 * `POST /api/ops/backup` over real HTTP, wired as the server on PGlite wires it: a backup goes
 * only into a folder outside the served web folder, the data directory and the files folder
 * (after `..` and symbolic links), a folder that cannot be one is a 422 or a 409 naming it,
 * never a 500, and only a client on this machine's loopback (the socket's address) may ask.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenDatabase, openDatabase } from "@envol/db";
import { type TestEngine, testEngines } from "@envol/db/testing";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteOps } from "../../lib/pglite-ops.ts";
import { type Listening, listen } from "../../testing/listen.ts";
import { openTestApp, type TestApp } from "../../testing/test-app.ts";
import { webRoutes } from "../../web.ts";

const TOKEN = "the-token-of-the-lock-file";

/** This machine's first address that is not loopback, if it has one. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === "IPv4" && !i.internal)?.address;

describe("POST /api/ops/backup", () => {
  let scratch = "";
  let dataDir = "";
  let filesDir = "";
  let webDir = "";
  let database: OpenDatabase;
  let t: TestApp;
  let http: Listening;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "envol-ops-"));
    dataDir = join(scratch, "pglite");
    filesDir = join(scratch, "files");
    webDir = join(scratch, "web");
    mkdirSync(filesDir);
    writeFileSync(join(filesDir, "a-document"), "bytes");
    mkdirSync(webDir);
    writeFileSync(join(webDir, "index.html"), "<!doctype html><title>Envol</title>");
    database = await openDatabase({ dataDir, migrate: false });
    const dump = database.dumpDataDir as NonNullable<OpenDatabase["dumpDataDir"]>;
    // the route is PGlite's, whatever engine the other suites run on
    t = await openTestApp(testEngines()[0] as TestEngine, {
      web: webRoutes(webDir),
      ops: pgliteOps({
        token: TOKEN,
        dump,
        folders: { data: dataDir, files: filesDir, web: webDir },
      }),
    });
    http = await listen(t.app);
  });

  afterAll(async () => {
    await http?.close();
    await t?.dispose();
    await database?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  const backup = (dir: unknown, headers: Record<string, string> = {}, url = http.url) =>
    fetch(`${url}/api/ops/backup`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${TOKEN}`,
        "content-type": "application/json",
        "accept-language": "en",
        ...headers,
      },
      body: JSON.stringify({ dir }),
      // a request that never ends is a failure of its own, not the suite's timeout
      signal: AbortSignal.timeout(15_000),
    });

  /** A 422 problem whose field is `dir`. */
  const expectDirRefused = async (r: Response) => {
    expect(r.status, await r.clone().text()).toBe(422);
    expect(r.headers.get("content-type")).toContain("application/problem+json");
    const body = (await r.json()) as { errors?: { path: string; message: string }[] };
    expect(body.errors?.map((e) => e.path)).toEqual(["dir"]);
  };

  it("writes a backup into an empty folder elsewhere, for a loopback client holding the token", async () => {
    const dir = join(scratch, "backups", "one");
    const r = await backup(dir);
    expect(r.status, await r.clone().text()).toBe(201);
    expect(await r.json()).toMatchObject({ format: 1, files: 1 });
    expect(existsSync(join(dir, "pglite.tar.gz"))).toBe(true);
  });

  it("refuses a folder inside the served web folder (422 naming dir): the database is never served", async () => {
    await expectDirRefused(await backup(join(webDir, "leak")));
    expect(existsSync(join(webDir, "leak"))).toBe(false);
    const served = await fetch(`${http.url}/leak/pglite.tar.gz`);
    const bytes = new Uint8Array(await served.arrayBuffer());
    // not a gzip stream (1f 8b): at most the web app's page
    expect([bytes[0], bytes[1]]).not.toEqual([0x1f, 0x8b]);
  });

  it("refuses a folder that reaches the web folder through `..` or a symbolic link", async () => {
    mkdirSync(join(scratch, "elsewhere"));
    await expectDirRefused(await backup(`${scratch}/elsewhere/../web/leak`));
    symlinkSync(webDir, join(scratch, "to-web"));
    await expectDirRefused(await backup(join(scratch, "to-web", "leak")));
    await expectDirRefused(await backup(join(scratch, "to-web")));
    expect(existsSync(join(webDir, "leak"))).toBe(false);
  });

  it("refuses a folder inside the data directory or the files folder", async () => {
    await expectDirRefused(await backup(join(dataDir, "backup")));
    await expectDirRefused(await backup(dataDir));
    await expectDirRefused(await backup(join(filesDir, "backup")));
    expect(existsSync(join(dataDir, "backup"))).toBe(false);
    expect(existsSync(join(filesDir, "backup"))).toBe(false);
  });

  it("answers a path that cannot be a folder with a 422 naming dir, never a 500", async () => {
    const file = join(scratch, "a-file");
    writeFileSync(file, "not a folder");
    await expectDirRefused(await backup(file)); // ENOTDIR
    await expectDirRefused(await backup(join(file, "below"))); // ENOTDIR
    await expectDirRefused(await backup(join(scratch, "x".repeat(300)))); // ENAMETOOLONG
    await expectDirRefused(await backup(`/${"x".repeat(5000)}`)); // longer than PATH_MAX
    await expectDirRefused(await backup("relative/path"));
  });

  it.skipIf(process.platform !== "linux")(
    "answers a folder the system will not create with a problem, never a 500 nor a hang",
    async () => {
      // /proc says ENOENT under a folder that exists: Node's recursive mkdir spins there forever
      await expectDirRefused(await backup("/proc/envol-backup/one"));
      // sysfs makes no folders: EPERM
      const sys = await backup("/sys/envol-backup");
      expect(sys.status, await sys.clone().text()).toBe(409);
      expect(sys.headers.get("content-type")).toContain("application/problem+json");
    },
  );

  it("answers 404 to a request a proxy on this machine forwarded, even with the token", async () => {
    for (const [name, value] of [
      ["x-forwarded-for", "203.0.113.9"],
      ["forwarded", "for=203.0.113.9"],
      ["x-real-ip", "203.0.113.9"],
    ] as const) {
      const r = await backup(join(scratch, "forwarded"), { [name]: value });
      expect(r.status).toBe(404);
    }
    expect(existsSync(join(scratch, "forwarded"))).toBe(false);
  });

  it.skipIf(outsideAddress === undefined)(
    "answers 404 to a client that is not on loopback, whatever X-Forwarded-For says",
    async () => {
      const server = serve({ fetch: t.app.fetch, port: 0, hostname: "0.0.0.0" });
      await new Promise((resolve) => server.once("listening", resolve));
      const { port } = server.address() as AddressInfo;
      try {
        const url = `http://${outsideAddress}:${port}`;
        expect((await backup(join(scratch, "remote"), {}, url)).status).toBe(404);
        const spoofed = await backup(
          join(scratch, "remote"),
          { "x-forwarded-for": "127.0.0.1" },
          url,
        );
        expect(spoofed.status).toBe(404);
        expect(existsSync(join(scratch, "remote"))).toBe(false);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    },
  );

  it("answers 404 without the token", async () => {
    const r = await backup(join(scratch, "no-token"), { authorization: "Bearer wrong" });
    expect(r.status).toBe(404);
  });
});
