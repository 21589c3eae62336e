/**
 * The limits on password guessing, over real HTTP (a socket, a client address, requests that
 * race): counted before the password is checked, per account and client, per client, and per
 * account with a progressive delay, each client waiting its own turn, that slows an attacker
 * without locking the owner out.
 */
import { testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustProxy } from "../../lib/client-address.ts";
import { listen } from "../../testing/listen.ts";
import { DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";
import { turnAfter } from "./sign-in-limits.ts";

const OWNER_PASSWORD = "the-owners-password";

describe("a client's turn on an account past its free guesses", () => {
  it.each([
    // [guesses checked on the account in its hour, wait before the client's next one]
    [1, 0],
    [9, 0],
    [10, 2_000],
    [11, 4_000],
    [17, 256_000],
    [18, 300_000],
    [10_000, 300_000],
  ])("after %i guesses: %i ms", (checked, waitMs) => {
    expect(turnAfter(checked)).toBe(waitMs);
  });
});

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
      // the account's 10 free guesses of the hour, then at most one per client: each client's
      // next guess waits its own turn
      expect(attack.filter((r) => r.status === 401).length).toBeLessThanOrEqual(10 + 12);
      expect(attack.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(60 - 22);
      expect((await signIn(email, OWNER_PASSWORD, "192.0.2.10")).status).toBe(200);
    });

    it("an attacker taking every slot of an account as it opens from rotating clients does not keep its owner out of a new client: following Retry-After, the owner gets in within the delay's cap", async () => {
      const email = await account();
      let guesses = 0;
      /** A wrong guess from the attacker's next address (it rotates through 20). */
      const attackerGuess = () => {
        guesses += 1;
        return signIn(email, `guess-${guesses}`, `203.0.113.${100 + (guesses % 20)}`);
      };
      // the attacker has spent the account's free guesses: the account is slowed down
      for (let i = 0; i < 12; i++) await attackerGuess();
      // the owner, on a client new to the account, mistypes once, then retries with the right
      // password as Retry-After says; the attacker guesses every 0.3 s, and also right at the
      // instant each wait ends, before the owner
      const owner = "192.0.2.98";
      await signIn(email, "the-owners-typo", owner);
      let waited = 0;
      let answer = await signIn(email, OWNER_PASSWORD, owner);
      for (let tries = 0; answer.status === 429 && tries < 8; tries++) {
        const retryAfterMs = Number(answer.headers.get("retry-after")) * 1000;
        expect(retryAfterMs).toBeGreaterThan(0);
        expect(retryAfterMs).toBeLessThanOrEqual(5 * 60_000);
        for (let step = 300; step < retryAfterMs; step += 300) {
          t.clock.advance(300);
          await attackerGuess();
        }
        t.clock.advance(retryAfterMs % 300 || 300);
        waited += retryAfterMs;
        await attackerGuess();
        answer = await signIn(email, OWNER_PASSWORD, owner);
      }
      expect(answer.status).toBe(200);
      expect(waited).toBeLessThanOrEqual(5 * 60_000);
    });

    it("polling an account past its free guesses costs the poller: its refused guesses count against its per-client limit", async () => {
      const email = await account();
      for (let i = 0; i < 12; i++) await signIn(email, `guess-${i}`, `203.0.113.${140 + i}`);
      const poller = "198.51.100.60";
      const polls = await Promise.all(
        Array.from({ length: 100 }, (_, i) => signIn(email, `poll-${i}`, poller)),
      );
      expect(polls.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(99);
      // its 100 guesses of the quarter hour are spent, on every account it is not known for
      const other = await account();
      expect((await signIn(other, "a-guess", poller)).status).toBe(429);
    });

    it("a client that tried 100 made-up accounts is stopped, but not for an account it signed in to before: its owner still gets in from the shared address", async () => {
      const shared = "198.51.100.50";
      expect((await signIn(DEMO.staff.email, DEMO.staff.password, shared)).status).toBe(200);
      for (let i = 0; i < 100; i++)
        expect((await signIn(`spray${i}@demo.envol.fr`, "a-guess", shared)).status).toBe(401);
      expect((await signIn("spray100@demo.envol.fr", "a-guess", shared)).status).toBe(429);
      expect((await signIn(DEMO.staff.email, DEMO.staff.password, shared)).status).toBe(200);
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
