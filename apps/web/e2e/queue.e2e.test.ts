import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launch } from "./browser.ts";
import { contextIn, DEMO, signIn } from "./demo.ts";
import { hasChromium, ROOT, startServer } from "./server.ts";

/**
 * The office's queue at 1280 px, the width of a clerk's laptop: the "to process" view it opens
 * on, a search, several states ticked at once, the documents column and the dates as tables
 * write them; every control on one screen's width, nothing scrolled sideways. Screenshots in
 * `e2e/screenshots/queue-*.png`.
 */

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
const WAIT = { timeout: 30_000 };
const WIDTH = 1280;

describe.skipIf(!hasChromium)("the queue at 1280 px in Debian's Chromium", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens on the requests to process, searches a student, ticks two states, and fits the width", async () => {
    const context = await contextIn(browser, "fr", { width: WIDTH, height: 900 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const settled = () =>
      expect
        .poll(() => page.locator(".staff-queue__status").textContent(), WAIT)
        .toMatch(/^[^…]+$/);
    const fits = async () => {
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        filters: document.querySelector(".staff-filters")?.getBoundingClientRect().right ?? 0,
      }));
      expect(widths.page).toBeLessThanOrEqual(WIDTH);
      expect(widths.filters).toBeLessThanOrEqual(WIDTH);
    };

    await page.goto(`${server.url}/staff/queue`);
    await signIn(page, DEMO.staff.email, DEMO.staff.password);
    await page.locator("table tbody tr").first().waitFor(WAIT);
    await settled();
    // the default view: submitted and under review only, states and dates as people read them
    await expect.poll(() => page.getByLabel("Vue").inputValue()).toBe("to-process");
    const states = await page.locator("tbody .staff-state").allTextContents();
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) expect(["Envoyée", "En instruction"]).toContain(state.trim());
    expect(await page.locator("tbody").textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    await page.getByRole("columnheader", { name: "Pièces" }).waitFor(WAIT);
    await fits();
    await page.screenshot({ path: join(SHOTS, "queue-to-process-fr.png"), fullPage: true });
    expect.soft(await axeViolations(page), "to process").toEqual([]);

    await page.getByLabel("Candidat ou candidate").fill("camille mar");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.waitForURL(/search=camille/, WAIT);
    await settled();
    const found = await page.locator("tbody th a").allTextContents();
    expect(found.length).toBeGreaterThan(0);
    for (const name of found) expect(name).toBe("Camille Martin");

    await page.getByRole("button", { name: /Effacer/ }).click();
    await page.getByText("Ceux de la vue").click();
    await page.getByLabel("Accordée", { exact: true }).check();
    await page.waitForURL(/state=approved/, WAIT);
    await page.getByLabel("Brouillon", { exact: true }).check();
    await page.waitForURL(/state=draft(%2C|,)approved/, WAIT);
    await settled();
    await fits();
    await page.screenshot({ path: join(SHOTS, "queue-states-open-fr.png"), fullPage: true });
    expect.soft(await axeViolations(page), "two states").toEqual([]);
    const chosen = await page.locator("tbody .staff-state").allTextContents();
    expect(new Set(chosen.map((s) => s.trim()))).toEqual(new Set(["Brouillon", "Accordée"]));

    expect(errors).toEqual([]);
    await context.close();
  });
});
