/**
 * The headers every response carries, over real HTTP as @hono/node-server writes them: a route's
 * answer, an error, the API reference and the web app's own Hono app each get them.
 */
import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { databaseLessDeps } from "./testing/database-less-deps.ts";
import { type Listening, listen } from "./testing/listen.ts";

const web = new Hono().get("/*", (c) => c.html("<!doctype html><title>Envol</title>"));
const app = createApp(databaseLessDeps(), { web });

let server: Listening;
let base = "";
beforeAll(async () => {
  server = await listen(app);
  base = server.url;
});
afterAll(() => server.close());

const simulate = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/simulations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
const SITUATION = JSON.stringify({
  mobility: { host: { partner: "tu-berlin" }, start: "2027-02-01", end: "2027-06-30" },
});

const expectSecurityHeaders = (r: Response, csp: RegExp) => {
  expect(r.headers.get("content-security-policy")).toMatch(csp);
  expect(r.headers.get("x-content-type-options")).toBe("nosniff");
  expect(r.headers.get("x-frame-options")).toBe("DENY");
  expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(r.headers.get("cross-origin-opener-policy")).toBe("same-origin");
};
const APP_CSP =
  /^default-src 'self'; script-src 'self'; style-src 'self' 'sha256-.*frame-ancestors 'none'$/;

describe("headers over HTTP", () => {
  it("on a report, an invalid body, an unknown route and the web app", async () => {
    const report = await simulate(SITUATION, { "accept-language": "en" });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toBe("application/json");
    expect(report.headers.get("content-language")).toBe("en");
    expect(report.headers.get("vary")).toBe("Accept-Encoding, Accept-Language");
    expectSecurityHeaders(report, APP_CSP);
    expect(((await report.json()) as { fundedDays: number }).fundedDays).toBe(150);

    const invalid = await simulate("{}");
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(invalid.headers.get("content-language")).toBe("fr");
    expectSecurityHeaders(invalid, APP_CSP);

    const missing = await fetch(`${base}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing, APP_CSP);

    const page = await fetch(`${base}/some/page`);
    expect(await page.text()).toContain("<title>Envol</title>");
    expectSecurityHeaders(page, APP_CSP);
  });

  it("the reference page allows the inline styles Swagger UI sets, and nothing else does", async () => {
    const docs = await fetch(`${base}/api/docs`);
    expect(docs.status).toBe(200);
    expectSecurityHeaders(docs, /style-src 'self' 'unsafe-inline'/);
  });

  it("gzip when asked, still varying on both encoding and language", async () => {
    const raw = await new Promise<{
      headers: Record<string, string | string[] | undefined>;
      body: Buffer;
    }>((done, fail) => {
      // node's fetch decompresses on its own: a plain request shows what was sent
      import("node:http").then(({ request }) => {
        const req = request(
          `${base}/api/simulations`,
          {
            method: "POST",
            headers: { "content-type": "application/json", "accept-encoding": "gzip" },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        );
        req.on("error", fail);
        req.end(SITUATION);
      }, fail);
    });
    expect(raw.headers["content-encoding"]).toBe("gzip");
    expect(raw.headers.vary).toBe("Accept-Encoding, Accept-Language");
    expect(raw.headers["content-security-policy"]).toMatch(APP_CSP);
    expect(JSON.parse(gunzipSync(raw.body).toString("utf8")).fundedDays).toBe(150);
  });
});

describe("Strict-Transport-Security", () => {
  it("is sent for a year, subdomains included, only when Envol is served over https", async () => {
    const overHttps = await createApp(databaseLessDeps(), { https: true }).request("/api/health");
    expect(overHttps.headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    const overHttp = await fetch(`${base}/api/health`);
    expect(overHttp.headers.get("strict-transport-security")).toBeNull();
  });
});
