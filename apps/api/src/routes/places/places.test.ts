import { describe, expect, it } from "vitest";
import { createApp } from "../../app.ts";
import { databaseLessDeps } from "../../testing/database-less-deps.ts";
import { searchPlaces } from "./gazetteer.ts";

const app = createApp(databaseLessDeps());

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();
const places = (query: string) => app.request(`/api/places?${query}`);

interface Place {
  readonly name: string;
  readonly region: string | null;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
}

describe("GET /api/places: a city by its name, from an offline gazetteer", () => {
  it("finds a city of the country asked, with its region and coordinates", async () => {
    const r = await places("q=kyoto&country=JP");
    expect(r.status).toBe(200);
    const found: Place[] = await json(r);
    expect(found[0]).toMatchObject({ name: "Kyoto", country: "JP", region: "Kyoto" });
    expect(found[0]?.lat).toBeCloseTo(35.02, 1);
    expect(found[0]?.lon).toBeCloseTo(135.75, 1);
    expect(found.every((p) => p.country === "JP")).toBe(true);
  });

  it("ignores case and accents, and puts the exact name before longer ones", async () => {
    const found: Place[] = await json(await places("q=SAO%20PAULO&country=BR"));
    expect(found[0]?.name).toBe("São Paulo");
    const paris: Place[] = await json(await places("q=paris&country=FR"));
    expect(paris[0]).toMatchObject({ name: "Paris", region: "Île-de-France" });
  });

  it("finds a name from its start and from the start of any of its words", async () => {
    const start: Place[] = await json(await places("q=frankf&country=DE"));
    expect(start.map((p) => p.name)).toContain("Frankfurt am Main");
    const word: Place[] = await json(await places("q=main&country=DE&limit=50"));
    expect(word.map((p) => p.name)).toContain("Frankfurt am Main");
  });

  it("answers at most `limit` places, 10 by default", async () => {
    expect(await json(await places("q=san&country=US"))).toHaveLength(10);
    expect(await json(await places("q=san&country=US&limit=3"))).toHaveLength(3);
  });

  it("answers an empty list for a name it does not know", async () => {
    expect(await json(await places("q=zzzzqx&country=FR"))).toEqual([]);
  });

  it.each([
    ["q", "country=FR"],
    ["q", "q=a&country=FR"],
    ["country", "q=paris"],
    ["country", "q=paris&country=XX"],
    ["limit", "q=paris&country=FR&limit=0"],
    ["limit", "q=paris&country=FR&limit=51"],
  ])("refuses a bad %s with a field error", async (field, query) => {
    const r = await places(query);
    expect(r.status).toBe(422);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect((await json(r)).errors.map((e: { path: string }) => e.path)).toEqual([field]);
  });

  it("is in the OpenAPI document", async () => {
    const doc = await json(await app.request("/api/openapi.json"));
    expect(doc.paths).toHaveProperty("/api/places");
    expect(Object.keys(doc.paths["/api/places"].get.responses)).toEqual(
      expect.arrayContaining(["200", "422", "429"]),
    );
  });
});

describe("searchPlaces", () => {
  it("gives every place coordinates within their range", () => {
    for (const country of ["FJ", "NZ", "RU", "US", "AQ"])
      for (const p of searchPlaces({ q: "a", country, limit: 50 })) {
        expect(Math.abs(p.lat), p.name).toBeLessThanOrEqual(90);
        expect(Math.abs(p.lon), p.name).toBeLessThanOrEqual(180);
      }
  });
});
