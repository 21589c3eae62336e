/**
 * The limits on password guessing, over real HTTP (a socket, a client address, requests that
 * race): counted before the password is checked, per account and client, per client, and per
 * account with a progressive delay that slows an attacker without locking the owner out.
 */
import { testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustProxy } from "../../lib/client-address.ts";
import { listen } from "../../testing/listen.ts";
import { DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

const OWNER_PASSWORD = "the-owners-password";

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "sign-in limits over HTTP on %s",
  (_name, engine) => {
    let t: TestApp;
    let server: Awaited<ReturnType<typeof listen>>;
    beforeAll(async () => {
      // the tests play the school's reverse proxy on 127.0.0.1, naming clients in X-Forwarded-For
      t = await openTestApp(engine, { trustProxy: parseTrustProxy("127.0.0.1") });
      server = await listen(t.app);
    });
    afterAll(async () => {
      await server?.close();
      await t?.dispose();
    });

    /** A sign-in from `client` (an address the proxy names), or straight from the socket. */
    const signIn = (email: string, password: string, client?: string) =>
      fetch(`${server.url}/api/auth/sign-in`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(client ? { "x-forwarded-for": client } : {}),
        },
        body: JSON.stringify({ email, password }),
      });

    let accounts = 0;
    /** A student account of its own for each test, with OWNER_PASSWORD. */
    const account = async () => {
      accounts += 1;
      const email = `limits${accounts}@example.org`;
      await t.newStudent(email, OWNER_PASSWORD);
      return email;
    };

    it("40 wrong passwords sent at once for one account: at most 5 are checked, the rest are 429, and the right one then does not get in", async () => {
      const email = await account();
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => signIn(email, `wrong-${i}`, "198.51.100.7")),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(35);
      const refused = answers.find((r) => r.status === 429);
      expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused?.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const right = await signIn(email, OWNER_PASSWORD, "198.51.100.7");
      expect(right.status).toBe(429);
      expect(right.headers.get("set-cookie")).toBeNull();
    });

    it("an attacker hammering an account from other clients does not keep its owner out of their own client", async () => {
      const email = await account();
      // the owner has signed in from their laptop before
      expect((await signIn(email, OWNER_PASSWORD, "192.0.2.10")).status).toBe(200);
      const attack = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          signIn(email, `guess-${i}`, `203.0.113.${1 + (i % 12)}`),
        ),
      );
      // the account's own limit let a few guesses through, then slowed the rest down
      expect(attack.filter((r) => r.status === 401).length).toBeLessThanOrEqual(10);
      expect(attack.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(50);
      expect((await signIn(email, OWNER_PASSWORD, "192.0.2.10")).status).toBe(200);
    });

    it("an owner on a client new to the account waits the progressive delay, never longer than its cap, then gets in", async () => {
      const email = await account();
      for (let i = 0; i < 12; i++) await signIn(email, `guess-${i}`, `203.0.113.${20 + i}`);
      const waiting = await signIn(email, OWNER_PASSWORD, "192.0.2.20");
      expect(waiting.status).toBe(429);
      const retryAfter = Number(waiting.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(300);
      t.clock.advance(retryAfter * 1000);
      expect((await signIn(email, OWNER_PASSWORD, "192.0.2.20")).status).toBe(200);
    });

    it("one client's mistakes do not block other accounts' owners, from other clients or from the same address", async () => {
      const victim = await account();
      for (let i = 0; i < 8; i++) await signIn(victim, `oops-${i}`, "198.51.100.30");
      expect((await signIn(victim, OWNER_PASSWORD, "198.51.100.30")).status).toBe(429);
      const other = await account();
      expect((await signIn(other, OWNER_PASSWORD, "198.51.100.31")).status).toBe(200);
      // behind one shared address (a proxy not declared in TRUST_PROXY), one person's typos do
      // not block everybody else's accounts, the office's included
      expect((await signIn(DEMO.staff.email, DEMO.staff.password, "198.51.100.30")).status).toBe(
        200,
      );
    });

    it("honours X-Forwarded-For from a trusted proxy: another client is not the one that was limited", async () => {
      const email = await account();
      for (let i = 0; i < 5; i++) await signIn(email, `x-${i}`, "198.51.100.40");
      expect((await signIn(email, OWNER_PASSWORD, "198.51.100.40")).status).toBe(429);
      expect((await signIn(email, OWNER_PASSWORD, "198.51.100.41")).status).toBe(200);
    });
  },
);

describe("sign-in limits without TRUST_PROXY", () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    const [engine] = testEngines();
    if (!engine) throw new Error("no engine");
    t = await openTestApp(engine);
    server = await listen(t.app);
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  it("ignores X-Forwarded-For: a client cannot name itself another to escape its limit", async () => {
    await t.newStudent("spoofer@example.org", OWNER_PASSWORD);
    const signIn = (password: string, forwardedFor: string) =>
      fetch(`${server.url}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ email: "spoofer@example.org", password }),
      });
    for (let i = 0; i < 5; i++) expect((await signIn(`x-${i}`, `203.0.113.${i}`)).status).toBe(401);
    expect((await signIn(OWNER_PASSWORD, "203.0.113.99")).status).toBe(429);
  });
});
