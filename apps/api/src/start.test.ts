/**
 * The real server (`node --import tsx apps/api/src/main.ts`) started as an operator starts it:
 * what it seeds into an empty database, what its banner prints, and what its log lines hold.
 * On an embedded PGlite folder and, with DATABASE_URL, on a fresh PostgreSQL database.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Database, schema } from "@envol/db";
import { postgresEngine } from "@envol/db/testing";
import { freePort, type ServerProcess, spawnServerProcess } from "@envol/server-process";
import { afterEach, describe, expect, it } from "vitest";
import { makeEnvolRuntime } from "./envol-runtime.ts";
import { DEMO } from "./testing/test-app.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const DIE_WITH_PARENT = fileURLToPath(new URL("./testing/die-with-parent.ts", import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL;

/** An empty database for one server: its settings, and the same database for the test to read. */
interface Place {
  readonly env: Record<string, string>;
  readonly config: { readonly url?: string; readonly dataDir?: string };
  readonly drop: () => Promise<void>;
}

const places: Record<"pglite" | "postgres", () => Promise<Place>> = {
  pglite: async () => {
    const dir = await mkdtemp(join(tmpdir(), "envol-start-"));
    const dataDir = join(dir, "db");
    return {
      env: { DATABASE_URL: "", ENVOL_DATA_DIR: dataDir, ENVOL_FILES_DIR: join(dir, "files") },
      config: { dataDir },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  },
  postgres: async () => {
    const created = await postgresEngine(DATABASE_URL as string).create();
    const dir = await mkdtemp(join(tmpdir(), "envol-start-"));
    return {
      env: { DATABASE_URL: created.config.url as string, ENVOL_FILES_DIR: dir },
      config: { url: created.config.url as string },
      drop: async () => {
        await rm(dir, { recursive: true, force: true });
        await created.drop();
      },
    };
  },
};
const engines = DATABASE_URL ? (["pglite", "postgres"] as const) : (["pglite"] as const);

// a start on a loaded machine (two cores, every suite at once) can take half a minute
const READY_MS = 100_000;

/** A started server and everything it printed, from its first byte. */
const start = async (port: number, env: Record<string, string>) => {
  const server = spawnServerProcess({
    name: "the server",
    args: ["--import", "tsx", "--import", DIE_WITH_PARENT, "apps/api/src/main.ts"],
    cwd: ROOT,
    env,
    port,
  });
  let printed = "";
  server.child.stdout.on("data", (chunk: Buffer | string) => {
    printed += chunk.toString();
  });
  server.child.stderr.on("data", (chunk: Buffer | string) => {
    printed += chunk.toString();
  });
  return { server, printed: () => printed };
};

/** The structured log lines (pino's JSON), and the rest: the human banner. */
const split = (printed: string) => {
  const lines = printed.split("\n").filter((l) => l.trim() !== "");
  const isJson = (l: string) => {
    try {
      return typeof JSON.parse(l) === "object";
    } catch {
      return false;
    }
  };
  return { logs: lines.filter(isJson), banner: lines.filter((l) => !isJson(l)) };
};

/** Polls `condition` every 100 ms until it holds, or fails naming `what` after `ms`. */
const until = async (what: string, condition: () => boolean, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const running: ServerProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop("SIGKILL");
  for (const c of cleanups.splice(0)) await c();
});

describe.each(engines.map((e) => [e] as const))(
  "a server started on an empty %s database",
  (engine) => {
    it("in production (NODE_ENV=production), seeds no demo data and prints no demo credentials", async () => {
      const place = await places[engine]();
      cleanups.push(place.drop);
      const { server, printed } = await start(await freePort(), {
        ...place.env,
        NODE_ENV: "production",
        LOG_LEVEL: "info",
      });
      running.push(server);
      await server.untilReady({ timeoutMs: READY_MS });
      expect((await server.stop()).code).toBe(0);

      const output = printed();
      expect(output).toContain("Envol is listening");
      for (const secret of [DEMO.staff.password, DEMO.student.password, "envol_pk_"])
        expect(output).not.toContain(secret);
      expect(output).not.toContain("@demo.envol.fr");

      const envol = makeEnvolRuntime(place.config);
      try {
        const { db } = await envol.runtime.runPromise(Database);
        expect(await db.select().from(schema.users)).toEqual([]);
        expect(await db.select().from(schema.partnerApiKeys)).toEqual([]);
      } finally {
        await envol.runtime.dispose();
      }
    }, 150_000);
  },
);

describe("what a demo server logs", () => {
  it("keeps passwords, keys, tokens, cookies and mail bodies out of every log line; the banner alone shows the demo credentials it seeded", async () => {
    const place = await places.pglite();
    cleanups.push(place.drop);
    const { server, printed } = await start(await freePort(), {
      ...place.env,
      ENVOL_SEED: "demo",
      LOG_LEVEL: "debug",
    });
    running.push(server);
    await server.untilReady({ timeoutMs: READY_MS });

    // a staff member signs in (a password in, a session cookie and a CSRF token out)
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "start-test-sign-in" },
      body: JSON.stringify(DEMO.staff),
    });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("x-request-id")).toBe("start-test-sign-in");
    const cookie = (signIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const staff = { cookie, "x-csrf-token": csrfToken };
    // issues a partner key (a secret out), which the partner then sends
    const issued = await fetch(`${server.url}/api/staff/partner-keys`, {
      method: "POST",
      headers: { ...staff, "content-type": "application/json" },
      body: JSON.stringify({ partnerId: "kth", label: "log test" }),
    });
    expect(issued.status).toBe(201);
    const { secret } = (await issued.json()) as { secret: string };
    const partnerCall = await fetch(`${server.url}/api/partner/v1/omobilities`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(partnerCall.status).toBe(200);
    // a wrong password is no excuse to log it either
    const wrong = await fetch(`${server.url}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: DEMO.staff.email, password: "not-the-password-xyz" }),
    });
    expect(wrong.status).toBe(401);
    // the demo's notifications go out through the log transport (no SMTP_URL)
    await until("a notification delivered", () =>
      printed().includes('"msg":"notification delivered"'),
    );
    expect((await server.stop()).code).toBe(0);

    const { logs, banner } = split(printed());
    const envol = makeEnvolRuntime(place.config);
    const bodies = await envol.runtime
      .runPromise(Database)
      .then(({ db }) => db.select().from(schema.outbox))
      .finally(() => envol.runtime.dispose());
    const delivered = bodies.filter((m) => m.sentAt !== null);
    expect(delivered.length).toBeGreaterThan(0);

    // the banner shows what this start seeded: the demo accounts and the demo partner key
    const bannerText = banner.join("\n");
    expect(bannerText).toContain(`${DEMO.staff.email} / ${DEMO.staff.password}`);
    // the student's classmates on one line, not one each
    expect(bannerText).toMatch(
      /^Demo students +lucas\.bernard@demo\.envol\.fr, ines\.moreau@demo\.envol\.fr, emma\.wilson@demo\.envol\.fr \/ the student's password$/m,
    );
    const demoKey = /envol_pk_[A-Za-z0-9_-]+/.exec(bannerText)?.[0];
    expect(demoKey).toBeDefined();

    const secrets = [
      DEMO.staff.password,
      DEMO.student.password,
      "not-the-password-xyz",
      secret,
      demoKey as string,
      cookie.split("=")[1] as string,
      csrfToken,
      ...delivered.map((m) => m.body),
    ];
    expect(logs.length).toBeGreaterThan(5);
    // the request's line carries the id it was sent with
    expect(
      logs.map((l) => JSON.parse(l)).filter((l) => l.requestId === "start-test-sign-in"),
    ).toMatchObject([{ msg: "request", path: "/api/auth/sign-in", status: 200 }]);
    for (const line of logs) for (const s of secrets) expect(line).not.toContain(s);
    expect(logs.join("\n")).not.toMatch(/envol_pk_/);
  }, 150_000);
});
