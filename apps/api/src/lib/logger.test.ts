import { pgliteEngine } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../testing/listen.ts";
import { openTestApp, type TestApp } from "../testing/test-app.ts";
import { parseTrustProxy } from "./client-address.ts";
import { type Logger, makeLogger, REQUEST_ID_MAX_LENGTH } from "./logger.ts";

/** A logger whose lines are kept, parsed. */
const capturing = (): { logger: Logger; lines: Record<string, unknown>[] } => {
  const lines: Record<string, unknown>[] = [];
  const logger = makeLogger("info", { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the logger", () => {
  it("censors secrets and bodies by field name, at the top, one level down and in lists", () => {
    const { logger, lines } = capturing();
    logger.info(
      {
        password: "pw-top",
        accounts: [{ email: "a@b.c", password: "pw-in-list" }],
        headers: { authorization: "Bearer envol_pk_x", cookie: "envol_session=s3cr3t" },
        mail: { to: "a@b.c", text: "Dear Camille, your grant…" },
        partnerKey: "envol_pk_demo",
        csrfToken: "csrf-123",
        kept: "visible",
      },
      "something",
    );
    const line = JSON.stringify(lines);
    for (const secret of [
      "pw-top",
      "pw-in-list",
      "envol_pk_",
      "s3cr3t",
      "Dear Camille",
      "csrf-123",
    ])
      expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({ kept: "visible", password: "[redacted]" });
  });
});

describe("request ids", () => {
  let t: TestApp;
  const { logger, lines } = capturing();
  beforeAll(async () => {
    t = await openTestApp(pgliteEngine, { logger });
  });
  afterAll(async () => t?.dispose());

  /** The X-Request-Id answered, and the id on the request's log line. */
  const idsOf = async (sent?: string) => {
    const r = await t.app.request("/api/health", {
      headers: sent === undefined ? {} : { "x-request-id": sent },
    });
    expect(r.status).toBe(200);
    const line = lines.at(-1);
    expect(line).toMatchObject({ msg: "request", path: "/api/health", status: 200 });
    return { header: r.headers.get("x-request-id"), logged: line?.requestId };
  };

  it("gives every request an id, in X-Request-Id and on its log line", async () => {
    const { header, logged } = await idsOf();
    expect(header).toMatch(UUID);
    expect(logged).toBe(header);
    expect((await idsOf()).header).not.toBe(header);
  });

  it("keeps a caller's id when it is short and safe", async () => {
    const safe = "lb-7f3a_2026=1";
    expect(await idsOf(safe)).toEqual({ header: safe, logged: safe });
    const longest = "a".repeat(REQUEST_ID_MAX_LENGTH);
    expect((await idsOf(longest)).header).toBe(longest);
  });

  it.each([
    ["too long", "a".repeat(REQUEST_ID_MAX_LENGTH + 1)],
    ["with a space", "a b"],
    ["with markup", "<script>"],
    ["forging a log field", 'x","level":60'],
  ])("replaces a caller's id %s with a new one", async (_what, sent) => {
    const { header, logged } = await idsOf(sent);
    expect(header).toMatch(UUID);
    expect(logged).toBe(header);
  });
});

describe("the request's log line over HTTP", () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  const { logger, lines } = capturing();
  beforeAll(async () => {
    // the test plays the school's reverse proxy on 127.0.0.1 (TRUST_PROXY)
    t = await openTestApp(pgliteEngine, { logger, trustProxy: parseTrustProxy("127.0.0.1") });
    server = await listen(t.app);
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  /** The request line of a sign-in with a wrong password (what a brute force sends). */
  const lineOf = async (forwardedFor?: string) => {
    const r = await fetch(`${server.url}/api/auth/sign-in`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      },
      body: JSON.stringify({ email: "etudiante@demo.envol.fr", password: "a-guess" }),
    });
    expect(r.status).toBe(401);
    return lines.find((l) => l.msg === "request" && l.requestId === r.headers.get("x-request-id"));
  };

  it("carries the client's address, as TRUST_PROXY makes it: X-Forwarded-For's from a trusted proxy, else the socket's", async () => {
    expect(await lineOf("198.51.100.7")).toMatchObject({
      status: 401,
      clientAddress: "198.51.100.7",
    });
    expect(await lineOf()).toMatchObject({ status: 401, clientAddress: "127.0.0.1" });
  });
});
