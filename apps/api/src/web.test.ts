import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listen } from "./testing/listen.ts";
import { webRoutes } from "./web.ts";

const dir = mkdtempSync(join(tmpdir(), "envol-web-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, "assets"));
const PAGES = {
  "index.html": "simulator fr",
  "index.en.html": "simulator en",
  "page.html": "page fr",
  "page.en.html": "page en",
  "rules.html": "rules fr",
  "rules.en.html": "rules en",
  "scheme-rules.html": "scheme rules fr",
  "scheme-rules.en.html": "scheme rules en",
};
for (const [file, text] of Object.entries(PAGES)) writeFileSync(join(dir, file), `<p>${text}</p>`);
writeFileSync(join(dir, "assets", "app-1234.js"), "export {};");

const text = async (path: string, cookie?: string) => {
  const res = await webRoutes(dir).request(path, cookie ? { headers: { cookie } } : {});
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-cache");
  expect(res.headers.get("vary")).toBe("Cookie");
  return res.text();
};

describe("the web app's files", () => {
  it("sends the simulator's page or the other pages', in the language of the cookie, French without one", async () => {
    for (const path of ["/", "/index.html"]) {
      expect(await text(path)).toContain("simulator fr");
      expect(await text(path, "envol_lang=en")).toContain("simulator en");
      expect(await text(path, "other=1; envol_lang=fr")).toContain("simulator fr");
      expect(await text(path, "envol_lang=de")).toContain("simulator fr");
    }
    for (const path of ["/student/applications", "/staff/queue?state=submitted", "/nowhere"]) {
      expect(await text(path)).toContain("page fr");
      expect(await text(path, "envol_lang=en")).toContain("page en");
    }
  });

  it("sends a rule page in its address's language, whatever the cookie says", async () => {
    const page = async (path: string, cookie: string) => {
      const res = await webRoutes(dir).request(path, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      return res.text();
    };
    expect(await page("/regles", "envol_lang=en")).toContain("<p>rules fr</p>");
    expect(await page("/regles/erasmus", "envol_lang=en")).toContain("scheme rules fr");
    expect(await page("/regles/erasmus", "")).toContain("scheme rules fr");
    expect(await page("/rules", "envol_lang=fr")).toContain("<p>rules en</p>");
    expect(await page("/rules/erasmus", "envol_lang=fr")).toContain("scheme rules en");
  });

  it("serves the hashed assets for a year", async () => {
    const asset = await webRoutes(dir).request("/assets/app-1234.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("answers 404 for a file missing under /assets, never the page kept for a year", async () => {
    // over HTTP: a browser or proxy in a rolling deploy asks the old instance for a new script
    const http = await listen(webRoutes(dir));
    try {
      for (const path of ["/assets/nope.js", "/assets/app-5678.js", "/assets/sub/app-1234.js"]) {
        const r = await fetch(`${http.url}${path}`);
        expect(r.status).toBe(404);
        expect(r.headers.get("content-type")).not.toContain("text/html");
        expect(r.headers.get("cache-control")).toBe("no-store");
        expect(await r.text()).not.toContain("page fr");
      }
      const asset = await fetch(`${http.url}/assets/app-1234.js`);
      expect(asset.status).toBe(200);
      expect(await asset.text()).toBe("export {};");
    } finally {
      await http.close();
    }
  });

  it("sends index.html everywhere from a build without the other pages, a placeholder before any build", async () => {
    const old = mkdtempSync(join(tmpdir(), "envol-web-old-"));
    writeFileSync(join(old, "index.html"), "<p>simulator fr</p>");
    for (const path of ["/", "/student/", "/rules/erasmus"]) {
      const page = await webRoutes(old).request(path, { headers: { cookie: "envol_lang=en" } });
      expect(await page.text()).toContain("simulator fr");
    }
    const none = await webRoutes(join(old, "missing")).request("/");
    expect(await none.text()).toContain("/api/docs");
    rmSync(old, { recursive: true, force: true });
  });
});
