import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Database, schema } from "@envol/db";
import { testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Listening, listen } from "../testing/listen.ts";
import { DEMO, openTestApp, type TestApp } from "../testing/test-app.ts";
import { webRoutes } from "../web.ts";

const TOKEN = "metrics-token-of-the-tests";

/** The value of the series `name{labels}` in Prometheus text, if any. */
const seriesValue = (text: string, series: string): number | undefined => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "GET /metrics on %s",
  (name, engine) => {
    let t: TestApp;
    let off: TestApp;
    let server: Listening;
    // a built web app, as in production: its pages answer every path outside /api
    const webDir = mkdtempSync(join(tmpdir(), "envol-metrics-web-"));
    writeFileSync(join(webDir, "index.html"), "<p>simulator</p>");
    beforeAll(async () => {
      t = await openTestApp(engine, { metricsToken: TOKEN, web: webRoutes(webDir) });
      off = await openTestApp(engine);
      server = await listen(t.app);
    });
    afterAll(async () => {
      await server?.close();
      await t?.dispose();
      await off?.dispose();
      rmSync(webDir, { recursive: true, force: true });
    });

    const scrape = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
      t.app.request("/metrics", { headers });

    it("is not there without METRICS_TOKEN, and wants the token when there is one", async () => {
      const absent = await off.app.request("/metrics", {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(absent.status).toBe(404);
      expect(absent.headers.get("content-type")).toContain("application/problem+json");

      for (const headers of [
        {} as Record<string, string>,
        { authorization: "Bearer not-the-token-of-the-tests" },
        { authorization: `Basic ${TOKEN}` },
        { authorization: `Bearer ${TOKEN}x` },
      ]) {
        const r = await scrape(headers);
        expect(r.status).toBe(401);
        expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(((await r.json()) as { title: string }).title).toMatch(/jeton des métriques/);
      }
      const english = await scrape({ "accept-language": "en" });
      expect(((await english.json()) as { title: string }).title).toMatch(
        /metrics token is required/,
      );

      const r = await scrape();
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    });

    it("counts requests and their latency per route pattern, never per raw path", async () => {
      const get = (path: string, headers: Record<string, string> = {}) =>
        fetch(`${server.url}${path}`, { headers });
      const staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const id of ids) {
        const r = await get(`/api/staff/requests/${id}/ledger`, staff.headers);
        expect(r.status).toBe(404);
      }
      const student = await t.signIn(DEMO.student.email, DEMO.student.password);
      const other = randomUUID();
      expect((await get(`/api/applications/${other}`, student.headers)).status).toBe(404);
      // refused before its handler: still counted under its route
      expect((await get(`/api/applications/${other}`)).status).toBe(401);
      for (const path of ["/api/no-such-thing", "/api/no-such-thing/either"])
        expect((await get(path)).status).toBe(404);
      for (const path of ["/", "/student/applications", "/staff/queue?state=submitted"])
        expect((await get(path)).status).toBe(200);

      const text = await (await scrape()).text();
      const route = "/api/staff/requests/:id/ledger";
      expect(
        seriesValue(text, `envol_http_requests_total{method="GET",route="${route}",status="404"}`),
      ).toBe(3);
      const application = "/api/applications/:id";
      const count = (route: string, status: number) =>
        seriesValue(
          text,
          `envol_http_requests_total{method="GET",route="${route}",status="${status}"}`,
        );
      expect(count(application, 404)).toBe(1);
      expect(count(application, 401)).toBe(1);
      // the few labels of what no API route answered: the web app's pages, unknown paths
      expect(count("web", 200)).toBe(3);
      expect(count("unmatched", 404)).toBe(2);
      expect(text).not.toMatch(/route="[^"]*\*/);
      expect(
        seriesValue(
          text,
          `envol_http_request_duration_seconds_count{method="GET",route="${route}"}`,
        ),
      ).toBe(3);
      expect(text).toContain(
        `envol_http_request_duration_seconds_bucket{le="0.1",method="GET",route="${route}"}`,
      );
      for (const id of [...ids, other]) expect(text).not.toContain(id);
      expect(text).not.toContain("no-such-thing");
      expect(text).not.toContain("/student/applications");
      // Node's own: memory, CPU, event loop
      expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    });

    it("reports the outbox's backlog as the database holds it", async () => {
      const { db } = await t.runtime.runPromise(Database);
      const waiting = (await db.select().from(schema.outbox)).filter((m) => m.sentAt === null);
      const unsent = waiting.length;
      const failing = waiting.filter((m) => m.attempts > 0).length;
      // the seed's decisions wrote notifications nobody sent in this test app
      expect(unsent).toBeGreaterThan(0);
      const text = await (await scrape()).text();
      expect(seriesValue(text, 'envol_outbox_messages{state="unsent"}')).toBe(unsent);
      expect(seriesValue(text, 'envol_outbox_messages{state="failing"}')).toBe(failing);
      expect(seriesValue(text, "envol_outbox_oldest_unsent_age_seconds")).toBeGreaterThan(0);
    });

    it(`reports the connection pool on PostgreSQL, nothing on PGlite (${name})`, async () => {
      const text = await (await scrape()).text();
      const total = seriesValue(text, 'envol_db_pool_connections{state="total"}');
      if (name === "postgres") {
        expect(total).toBeGreaterThan(0);
        expect(seriesValue(text, 'envol_db_pool_connections{state="idle"}')).toBeLessThanOrEqual(
          total as number,
        );
        // the scrape's own outbox query may be waiting for a connection being opened
        expect(
          seriesValue(text, 'envol_db_pool_connections{state="waiting"}'),
        ).toBeGreaterThanOrEqual(0);
      } else {
        expect(total).toBeUndefined();
      }
    });
  },
);
