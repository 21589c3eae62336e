/**
 * An Envol API over a real database for route tests: PGlite (and PostgreSQL with DATABASE_URL,
 * through @envol/db/testing's engines), the demo data seeded through the repositories, and
 * helpers that sign in like a browser (cookie + CSRF token) or call like a partner (API key).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PartnerKeys, Users } from "@envol/db";
import type { TestEngine } from "@envol/db/testing";
import { type AppOptions, createApp } from "../app.ts";
import { DEMO_PASSWORDS, makeEnvolRuntime } from "../envol-runtime.ts";
import type { AppDeps } from "../lib/deps.ts";
import { directoryFileStore } from "../lib/file-store.ts";
import { DEFAULT_LIMITS, type Limits } from "../lib/limits.ts";
import type { OidcSettings } from "../lib/oidc-client.ts";
import { hashPassword } from "../lib/passwords.ts";

export const DEMO = {
  student: { email: "etudiante@demo.envol.fr", password: DEMO_PASSWORDS.student },
  personnel: { email: "claire.martin@demo.envol.fr", password: DEMO_PASSWORDS.personnel },
  staff: { email: "dri@demo.envol.fr", password: DEMO_PASSWORDS.staff },
} as const;

export const TODAY = "2026-11-26";

/** A caller: the headers it sends (cookie and CSRF token, or an API key). */
export interface Caller {
  readonly headers: Record<string, string>;
  readonly userId?: string;
}

export const ANONYMOUS: Caller = { headers: {} };

/**
 * The test app's clock for the rate limits: it stands still (a window never ends by itself in
 * the middle of a test) until a test moves it on.
 */
export const testClock = (start = new Date(`${TODAY}T09:00:00+01:00`)) => {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
};

export const openTestApp = async (
  engine: TestEngine,
  options: AppOptions & {
    readonly oidc?: OidcSettings;
    readonly limits?: Partial<Limits>;
    /** What the server on PGlite lets the local CLI ask (POST /api/ops/backup); unset: 404. */
    readonly ops?: AppDeps["ops"];
  } = {},
) => {
  const { config, drop } = await engine.create();
  const envol = makeEnvolRuntime(config);
  const { runtime, registry } = envol;
  await envol.loadPartners();
  await envol.refreshRegistry();
  const seeded = await envol.seedDemo();
  // uploaded documents go to a folder of this test app's own, removed with it
  const filesDir = await mkdtemp(join(tmpdir(), "envol-files-"));
  const files = directoryFileStore(filesDir);
  const clock = testClock();
  const app = createApp(
    {
      ...envol.appDeps,
      ready: async () => true,
      today: () => TODAY,
      now: clock.now,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      files,
      ...(options.oidc ? { oidc: options.oidc } : {}),
      ...(options.ops ? { ops: options.ops } : {}),
    },
    options,
  );

  /** Signs in with a password, as the web app does; returns the cookie and the CSRF token to send. */
  const signIn = async (email: string, password: string): Promise<Caller> => {
    const r = await app.request("/api/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (r.status !== 200)
      throw new Error(`sign-in of ${email} failed: ${r.status} ${await r.text()}`);
    const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const session = (await r.json()) as { csrfToken: string; user: { id: string } };
    return { headers: { cookie, "x-csrf-token": session.csrfToken }, userId: session.user.id };
  };

  /** A new applicant (a fresh email) with a password, signed in: a student unless told. */
  const newStudent = async (
    email: string,
    password = "password-of-test",
    role: "student" | "personnel" = "student",
  ): Promise<Caller> => {
    const passwordHash = await hashPassword(password);
    await runtime.runPromise(
      Users.use((u) => u.ensure({ email, name: email.split("@")[0] ?? email, role, passwordHash })),
    );
    return signIn(email, password);
  };

  /** A new member of the school's personnel (a fresh email), signed in (ADR 016). */
  const newPersonnel = (email: string, password = "password-of-test") =>
    newStudent(email, password, "personnel");

  /** A partner school calling with a fresh API key of its own. */
  const partner = async (partnerId: string): Promise<Caller> => {
    const created = await runtime.runPromise(
      PartnerKeys.use((k) => k.create(partnerId, "test key", { kind: "system", process: "test" })),
    );
    return { headers: { authorization: `Bearer ${created.secret}` } };
  };

  /** A request as `caller`, with a JSON body when given. */
  const call = (
    caller: Caller,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method,
      headers: {
        ...caller.headers,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  return {
    app,
    clock,
    runtime,
    files,
    filesDir,
    registry,
    seeded,
    signIn,
    newStudent,
    newPersonnel,
    partner,
    call,
    dispose: async () => {
      await runtime.dispose();
      await rm(filesDir, { recursive: true, force: true });
      await drop();
    },
  };
};

export type TestApp = Awaited<ReturnType<typeof openTestApp>>;
