/**
 * The limits on every door but sign-in (issue #10): anonymous simulations per client, application
 * creation and uploads per student, partner calls per API key, each a 429 problem+json with
 * Retry-After in the reader's language; and each application's document quota. The limits are
 * set low here (the app takes them from its configuration); the test app's clock stands still
 * until a test moves it.
 */
import { BERLIN_SEMESTER, testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustProxy } from "./lib/client-address.ts";
import { listen } from "./testing/listen.ts";
import { type Caller, openTestApp, type TestApp } from "./testing/test-app.ts";

const SITUATION = BERLIN_SEMESTER;

/** `size` bytes that are a PDF by their content (its header), padded with spaces. */
const pdf = (size = 64) => {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode("%PDF-1.4\n"));
  return bytes;
};

const MINUTE = 60_000;

interface ProblemBody {
  readonly title: string;
  readonly detail?: string;
}

const expectTooMany = async (r: Response, lang: "fr" | "en", limit: RegExp) => {
  expect(r.status).toBe(429);
  expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  const body = (await r.json()) as ProblemBody;
  expect(body).toMatchObject({ status: 429, type: expect.stringMatching(/rate-limited$/) });
  expect(body.title).toBe(lang === "en" ? "Too many requests" : "Trop de requêtes");
  expect(body.detail).toMatch(limit);
  return body;
};

describe.each(testEngines().map((e) => [e.name, e] as const))("limits on %s", (_name, engine) => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    t = await openTestApp(engine, {
      trustProxy: parseTrustProxy("127.0.0.1"),
      limits: {
        simulationsPerMinute: 3,
        placesPerMinute: 2,
        applicationsPerDay: 2,
        uploadsPerHour: 4,
        partnerCallsPerMinute: 2,
        documentsPerApplication: 2,
        documentBytesPerApplication: 1_000,
      },
    });
    server = await listen(t.app);
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  const simulate = (client: string, lang = "fr") =>
    fetch(`${server.url}/api/simulations`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": client,
        "accept-language": lang,
      },
      body: JSON.stringify(SITUATION),
    });

  const createApplication = (caller: Caller) =>
    t.call(caller, "POST", "/api/applications", {
      situation: SITUATION,
      schemes: ["erasmus", "idf"],
    });

  const upload = (caller: Caller, applicationId: string, bytes: Uint8Array, lang = "fr") => {
    const form = new FormData();
    form.set("kind", "learning-agreement");
    form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], "la.pdf"));
    return t.app.request(`/api/applications/${applicationId}/documents`, {
      method: "POST",
      headers: { ...caller.headers, "accept-language": lang },
      body: form,
    });
  };

  it("anonymous simulations: so many per client and minute, over HTTP; another client is not counted with it", async () => {
    for (let i = 0; i < 3; i++) expect((await simulate("198.51.100.1")).status).toBe(200);
    await expectTooMany(await simulate("198.51.100.1", "en"), "en", /3 simulations per minute/);
    expect((await simulate("198.51.100.2")).status).toBe(200);
    t.clock.advance(MINUTE);
    expect((await simulate("198.51.100.1")).status).toBe(200);
  });

  it("city searches: so many per client and minute, like the simulations", async () => {
    const search = (client: string, lang = "fr") =>
      fetch(`${server.url}/api/places?q=kyoto&country=JP`, {
        headers: { "x-forwarded-for": client, "accept-language": lang },
      });
    for (let i = 0; i < 2; i++) expect((await search("198.51.100.9")).status).toBe(200);
    await expectTooMany(await search("198.51.100.9", "en"), "en", /2 city searches per minute/);
    expect((await search("198.51.100.10")).status).toBe(200);
    t.clock.advance(MINUTE);
    expect((await search("198.51.100.9")).status).toBe(200);
  });

  it("rule pages: as many per client and minute as simulations, counted apart from them", async () => {
    const rules = (client: string, lang = "fr") =>
      fetch(`${server.url}/api/schemes/erasmus/rules`, {
        headers: { "x-forwarded-for": client, "accept-language": lang },
      });
    for (let i = 0; i < 3; i++) expect((await rules("198.51.100.20")).status).toBe(200);
    await expectTooMany(await rules("198.51.100.20", "en"), "en", /3 rule pages per minute/);
    // the simulator's own count is untouched, and the catalogue is not limited
    expect((await simulate("198.51.100.20")).status).toBe(200);
    const catalogue = await fetch(`${server.url}/api/schemes/erasmus`, {
      headers: { "x-forwarded-for": "198.51.100.20" },
    });
    expect(catalogue.status).toBe(200);
    t.clock.advance(MINUTE);
    expect((await rules("198.51.100.20")).status).toBe(200);
  });

  it("simulations sent at once by one client: no more than the limit are answered", async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => simulate("198.51.100.3").then((r) => r.status)),
    );
    expect(answers.filter((s) => s === 200)).toHaveLength(3);
    expect(answers.filter((s) => s === 429)).toHaveLength(9);
  });

  it("simulations from one IPv6 /64 are counted together, whatever the address; another /64 is not; an IPv4-mapped address is its IPv4", async () => {
    for (let i = 1; i <= 3; i++) expect((await simulate(`2001:db8:1:2::${i}`)).status).toBe(200);
    await expectTooMany(await simulate("2001:db8:1:2:ffff::4"), "fr", /3 simulations/);
    expect((await simulate("2001:db8:1:3::1")).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await simulate("198.51.100.4")).status).toBe(200);
    await expectTooMany(await simulate("::ffff:198.51.100.4"), "fr", /3 simulations/);
  });

  it("applications: so many per student and day; another student is not counted with them", async () => {
    const ana = await t.newStudent("ana@example.org");
    for (let i = 0; i < 2; i++) expect((await createApplication(ana)).status).toBe(201);
    await expectTooMany(await createApplication(ana), "fr", /2 dossiers par jour/);
    const bo = await t.newStudent("bo@example.org");
    expect((await createApplication(bo)).status).toBe(201);
  });

  it("uploads: so many per student and hour, refused before the file is read", async () => {
    const cy = await t.newStudent("cy@example.org");
    const apps = await Promise.all([createApplication(cy), createApplication(cy)]);
    const [one, two] = (await Promise.all(apps.map((r) => r.json()))) as { id: string }[];
    if (!one || !two) throw new Error("no applications");
    for (const id of [one.id, one.id, two.id, two.id])
      expect((await upload(cy, id, pdf())).status).toBe(201);
    await expectTooMany(await upload(cy, two.id, pdf(), "en"), "en", /4 uploads per hour/);
    t.clock.advance(60 * MINUTE);
    // the hour is over, but the application is full: its quota answers now
    expect((await upload(cy, two.id, pdf())).status).toBe(409);
  });

  it("document quota: so many documents per application, and so many bytes, each named when reached", async () => {
    const di = await t.newStudent("di@example.org");
    const full = (await (await createApplication(di)).json()) as { id: string };
    for (let i = 0; i < 2; i++) expect((await upload(di, full.id, pdf())).status).toBe(201);
    const third = await upload(di, full.id, pdf(), "en");
    expect(third.status).toBe(409);
    expect(third.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await third.json()).toMatchObject({
      status: 409,
      type: expect.stringMatching(/document-quota$/),
      title: "The application's document quota is reached",
      detail: expect.stringMatching(/2 documents/),
    });

    const ed = await t.newStudent("ed@example.org");
    const heavy = (await (await createApplication(ed)).json()) as { id: string };
    expect((await upload(ed, heavy.id, pdf(600))).status).toBe(201);
    const over = await upload(ed, heavy.id, pdf(600));
    expect(over.status).toBe(409);
    expect(((await over.json()) as ProblemBody).detail).toMatch(/1000 octets/);
    // what is left still fits
    expect((await upload(ed, heavy.id, pdf(400))).status).toBe(201);
  });

  it("partner calls: so many per API key and minute; another key is not counted with it", async () => {
    const berlin = await t.partner("tu-berlin");
    for (let i = 0; i < 2; i++)
      expect((await t.call(berlin, "GET", "/api/partner/v1/omobilities")).status).toBe(200);
    await expectTooMany(
      await t.call(berlin, "GET", "/api/partner/v1/omobilities"),
      "fr",
      /2 appels par minute/,
    );
    const again = await t.partner("tu-berlin");
    expect((await t.call(again, "GET", "/api/partner/v1/omobilities")).status).toBe(200);
  });
});
