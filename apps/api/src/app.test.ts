import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { describe, expect, it } from "vitest";
import { createApp } from "./app.ts";

const registry = loadRegistry(TELECOM_PARIS_CONFIG);

/** A response's JSON, loosely typed for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();
let ready = true;
const app = createApp({
  registry: () => registry,
  partners: async () => DEMO_PARTNER_CATALOGUE.partners,
  ready: async () => ready,
  today: () => "2026-11-26",
  // the public routes never touch the database
  run: () => Promise.reject(new Error("no database in these tests")),
});

const post = (body: string, headers: Record<string, string> = {}) =>
  app.request("/api/simulations", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

describe("the public API", () => {
  it("simulates a stay, in the language asked", async () => {
    const situation = {
      mobility: { host: { partner: "tu-berlin" }, start: "2027-02-01", end: "2027-06-30" },
    };
    const en = await post(JSON.stringify(situation), {
      "accept-language": "en-GB,en;q=0.9,fr;q=0.8",
    });
    expect(en.status).toBe(200);
    expect(en.headers.get("content-language")).toBe("en");
    const report = await json(en);
    expect(report).toMatchObject({ academicYear: "2026-2027", fundedDays: 150, distanceKm: 890 });
    expect(report.schemes.find((s: { scheme: string }) => s.scheme === "erasmus").name).toBe(
      "Erasmus+ Europe",
    );
    const fr = await json(await post(JSON.stringify(situation)));
    expect(fr.schemes.find((s: { scheme: string }) => s.scheme === "idf").name).toBe(
      "Bourse Mobilité Île-de-France",
    );
  });

  it("lists each invalid field as problem+json", async () => {
    const r = await post(
      JSON.stringify({
        mobility: { host: { country: "XX" }, start: "2027-02-30", end: "2027-01-01" },
        extra: 1,
      }),
    );
    expect(r.status).toBe(422);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = await json(r);
    expect(body).toMatchObject({ status: 422, type: expect.stringMatching(/validation$/) });
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(["mobility.host.country", "mobility.start", "(body)"]),
    );
  });

  it("names each text no database could store: a NUL character or half a surrogate pair", async () => {
    const r = await post(
      '{"mobility":{"host":{"name":"TU\\u0000Berlin","country":"DE","city":"\\ud800Berlin","lat":52.5,"lon":13.3},"start":"2027-02-01","end":"2027-06-30"}}',
    );
    expect(r.status).toBe(422);
    expect((await json(r)).errors).toEqual([
      {
        path: "mobility.host.name",
        message: "ne doit contenir ni caractère NUL ni demi-paire de substitution",
      },
      {
        path: "mobility.host.city",
        message: "ne doit contenir ni caractère NUL ni demi-paire de substitution",
      },
    ]);
  });

  it("names an unknown partner, refuses a body that is not JSON, and answers unknown routes with problem+json", async () => {
    const unknown = await post(
      JSON.stringify({
        mobility: { host: { partner: "nowhere" }, start: "2027-02-01", end: "2027-03-01" },
      }),
    );
    expect(unknown.status).toBe(422);
    expect((await json(unknown)).errors).toEqual([
      { path: "mobility.host.partner", message: "aucun partenaire « nowhere » dans le catalogue" },
    ]);
    const bad = await post("{not json");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    const missing = await app.request("/api/nothing-here");
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ status: 404, detail: "/api/nothing-here" });
  });

  it("titles a body that is not JSON in the reader's language, keeping the parser's words as detail", async () => {
    for (const [language, title] of [
      [undefined, "Corps de la requête illisible"],
      ["en", "Malformed request body"],
    ] as const) {
      const r = await post("{not json", language ? { "accept-language": language } : {});
      expect(r.status).toBe(400);
      expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(await json(r)).toMatchObject({
        status: 400,
        type: expect.stringMatching(/bad-request$/),
        title,
        detail: "Malformed JSON in request body",
      });
    }
  });

  it("refuses a compressed body with 415 before reading it, the document upload too", async () => {
    const situation = JSON.stringify({
      mobility: { host: { partner: "tu-berlin" }, start: "2027-02-01", end: "2027-06-30" },
    });
    const gzipped = gzipSync(situation);
    for (const [encoding, language, title] of [
      ["gzip", undefined, "Encodage du corps de la requête refusé"],
      ["br", "en", "Request body encoding not accepted"],
      ["GZIP, identity", "en", "Request body encoding not accepted"],
    ] as const) {
      const r = await app.request("/api/simulations", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-encoding": encoding,
          ...(language ? { "accept-language": language } : {}),
        },
        body: gzipped,
      });
      expect(r.status).toBe(415);
      expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(r.headers.get("accept-encoding")).toBe("identity");
      expect(await json(r)).toMatchObject({ status: 415, title });
    }
    // the upload, before its authentication and its own body limit
    const upload = await app.request(`/api/applications/${randomUUID()}/documents`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-encoding": "gzip" },
      body: gzipped,
    });
    expect(upload.status).toBe(415);
    // no encoding, said or not, is the body as it is
    const identity = await post(situation, { "content-encoding": "identity" });
    expect(identity.status).toBe(200);
  });

  it("describes the schemes with their rules and dated figures", async () => {
    const list = await json(
      await app.request("/api/schemes", { headers: { "accept-language": "en" } }),
    );
    expect(list.map((s: { id: string }) => s.id)).toEqual(registry.plugins.map((p) => p.id));
    expect(list.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(["idf", "erasmus", "mic", "fitec", "alumni"]),
    );
    const erasmus = await json(await app.request("/api/schemes/erasmus"));
    expect(erasmus.participant).toBe("student");
    expect(erasmus.criteria.map((c: { id: string }) => c.id)).toEqual([
      "participant",
      "eche",
      "level",
      "destination",
      "agreement",
      "duration",
      "cycle-cap",
      "period",
    ]);
    for (const f of erasmus.figures)
      expect(f).toMatchObject({
        since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        source: expect.any(String),
      });
    expect((await app.request("/api/schemes/nope")).status).toBe(404);
    expect((await app.request("/api/schemes?on=tomorrow")).status).toBe(422);
  });

  it("lists the partner catalogue and reports liveness and readiness", async () => {
    const partners = await json(await app.request("/api/partners"));
    expect(partners).toHaveLength(DEMO_PARTNER_CATALOGUE.partners.length);
    expect((await app.request("/api/health")).status).toBe(200);
    expect((await app.request("/api/health/ready")).status).toBe(200);
    ready = false;
    expect((await app.request("/api/health/ready")).status).toBe(503);
    ready = true;
  });

  it("documents itself: OpenAPI 3.1 and a reference page served by Envol, under a strict CSP", async () => {
    const doc = await json(await app.request("/api/openapi.json"));
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/simulations", "/api/schemes/{id}", "/api/partners"]),
    );
    expect(doc.components.schemas).toHaveProperty("Situation");
    const page = await app.request("/api/docs");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("/api/docs/swagger-ui-bundle.js");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const bundle = await app.request("/api/docs/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    const api = await app.request("/api/health");
    expect(api.headers.get("content-security-policy")).toMatch(
      /default-src 'self'.*frame-ancestors 'none'/,
    );
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
