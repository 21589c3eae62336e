import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { webRoutes } from "./web.ts";

const dir = mkdtempSync(join(tmpdir(), "envol-web-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, "assets"));
writeFileSync(join(dir, "index.html"), '<html lang="fr"><h1>Quelles aides ?</h1></html>');
writeFileSync(join(dir, "index.en.html"), '<html lang="en"><h1>Which grants?</h1></html>');
writeFileSync(join(dir, "assets", "app-1234.js"), "export {};");

const get = (path: string, cookie?: string) =>
  webRoutes(dir).request(path, cookie ? { headers: { cookie } } : {});

describe("the web app's files", () => {
  it("sends the page in the language of the cookie, French without one", async () => {
    for (const path of [
      "/",
      "/index.html",
      "/student/applications",
      "/staff/queue?state=submitted",
    ]) {
      const french = await get(path);
      expect(french.status).toBe(200);
      expect(await french.text()).toContain('lang="fr"');
      expect(french.headers.get("cache-control")).toBe("no-cache");
      expect(french.headers.get("vary")).toBe("Cookie");
      expect(await (await get(path, "envol_lang=en")).text()).toContain("Which grants?");
      expect(await (await get(path, "other=1; envol_lang=fr")).text()).toContain('lang="fr"');
      expect(await (await get(path, "envol_lang=de")).text()).toContain('lang="fr"');
    }
  });

  it("serves the hashed assets for a year", async () => {
    const asset = await get("/assets/app-1234.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("sends the French page when the build has no English one, and a placeholder before any build", async () => {
    const old = mkdtempSync(join(tmpdir(), "envol-web-old-"));
    writeFileSync(join(old, "index.html"), '<html lang="fr"><h1>Quelles aides ?</h1></html>');
    const page = await webRoutes(old).request("/", { headers: { cookie: "envol_lang=en" } });
    expect(await page.text()).toContain('lang="fr"');
    const none = await webRoutes(join(old, "missing")).request("/");
    expect(await none.text()).toContain("/api/docs");
    rmSync(old, { recursive: true, force: true });
  });
});
