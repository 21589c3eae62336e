import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { describe, expect, it } from "vitest";
import { createApp } from "../../app.ts";

const registry = loadRegistry(TELECOM_PARIS_CONFIG);

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();
const app = createApp({
  registry: () => registry,
  partners: async () => DEMO_PARTNER_CATALOGUE.partners,
  ready: async () => true,
  today: () => "2026-11-26",
  run: () => Promise.reject(new Error("no database in these tests")),
});

const simulate = (mobility: object, lang = "fr") =>
  app.request("/api/simulations", {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": lang },
    body: JSON.stringify({ mobility: { start: "2027-02-01", end: "2027-06-30", ...mobility } }),
  });

interface Scheme {
  readonly scheme: string;
  readonly verdict: string;
  readonly upToCents: number | null;
  readonly missing: readonly string[];
}

describe("POST /api/simulations: what the open questions could still bring", () => {
  it("gives the best combination at its most as soon as the destination and dates are known", async () => {
    const r = await simulate({ host: { partner: "tu-berlin" } });
    expect(r.status).toBe(200);
    const report = await json(r);
    const open = report.schemes.filter((s: Scheme) => s.verdict === "incomplete");
    expect(open.length).toBeGreaterThan(0);
    // nothing the open questions could still close is counted as acquired (a scheme with no
    // question, a plugin added later, may be)
    const isOpen = (i: { scheme: string }) => open.some((s: Scheme) => s.scheme === i.scheme);
    expect(report.plan.items.filter(isOpen)).toEqual([]);
    for (const s of open as Scheme[]) {
      expect(s.upToCents, s.scheme).toBeGreaterThan(0);
      // the questions that would settle it
      expect(s.missing.length, s.scheme).toBeGreaterThan(0);
    }
    const upTo = report.plan.upTo;
    expect(upTo.totalCents).toBe(
      upTo.items.reduce((sum: number, i: { amountCents: number }) => sum + i.amountCents, 0),
    );
    // what is still open is pending; what is acquired is not
    for (const i of upTo.items as { scheme: string; pending: boolean }[])
      expect(i.pending, i.scheme).toBe(isOpen(i));
    // exclusive schemes are never added up
    for (const a of upTo.items)
      for (const b of upTo.items)
        expect(registry.exclusive(a.scheme, b.scheme), `${a.scheme} + ${b.scheme}`).toBe(false);
  });

  it("documents the upper bounds in the OpenAPI document", async () => {
    const doc = await json(await app.request("/api/openapi.json"));
    const report = doc.components.schemas.SimulationReport;
    const scheme = report.properties.schemes.items;
    expect(scheme.properties).toHaveProperty("upToCents");
    expect(report.properties.plan.properties).toHaveProperty("upTo");
  });
});

describe("POST /api/simulations: coordinates of a destination typed by hand", () => {
  it.each([
    ["mobility.host.lat", { lat: 91, lon: 2 }],
    ["mobility.host.lat", { lat: -90.5, lon: 2 }],
    ["mobility.host.lon", { lat: 48, lon: 180.01 }],
    ["mobility.host.lon", { lat: 48, lon: -181 }],
  ])("refuses %s out of range with a field error, never clamped", async (path, coords) => {
    const r = await simulate({ host: { country: "JP", city: "Tokyo", ...coords } }, "en");
    expect(r.status).toBe(422);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = await json(r);
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });

  it("measures the distance from coordinates at the very edges of their range", async () => {
    const r = await simulate({ host: { country: "FJ", city: "Fiji", lat: -17.8, lon: 180 } });
    expect(r.status).toBe(200);
    expect((await json(r)).distanceKm).toBeGreaterThan(15_000);
  });
});
