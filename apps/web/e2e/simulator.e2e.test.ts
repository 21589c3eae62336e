import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { formatMoney } from "@envol/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSituation } from "../src/simulator/situation-link.ts";
import { axeViolations, launch } from "./browser.ts";
import { EXAMPLE, exampleTotal, written } from "./demo.ts";
import { countReactCommits } from "./react-commits.ts";
import { hasChromium, ROOT, startServer } from "./server.ts";

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
/**
 * For what waits on the app's scripts (the page's language, a reloaded draft): expect.poll's
 * own 1 s is shorter than a boot on a loaded machine (0.4-0.8 s here on an idle browser, more
 * than 1 s with Chromium's CPU slowed four times), the time the texts' waits already give.
 */
const BOOT = { timeout: 20_000 };

describe.skipIf(!hasChromium)(
  "the simulator in Debian's Chromium (skipped without /usr/bin/chromium)",
  () => {
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

    it("answers a shared link in French: the best combination of the first worked example, as the API computes it", async () => {
      const page = await browser.newPage({
        locale: "fr-FR",
        viewport: { width: 1280, height: 900 },
      });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      // a Content-Security-Policy violation is reported on the console
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.goto(`${server.url}/?s=${encodeSituation(EXAMPLE)}`);
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("fr");
      const total = page.getByText(await exampleTotal(server.url, "fr")).first();
      await total.waitFor({ timeout: 20_000 });
      expect(await page.getByText("Erasmus+ Europe").count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, "simulator-fr.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });

    it("rests once the results are on screen: no render after render while nobody types", async () => {
      const page = await browser.newPage({
        locale: "fr-FR",
        viewport: { width: 1280, height: 900 },
      });
      const commits = await countReactCommits(page);
      await page.goto(`${server.url}/?s=${encodeSituation(EXAMPLE)}`);
      await page
        .getByText(await exampleTotal(server.url, "fr"))
        .first()
        .waitFor({ timeout: 20_000 });
      // the answers' debounce and the chunks loaded after the first screen have settled by then
      await page.waitForTimeout(1_500);
      const before = await commits.count();
      await page.waitForTimeout(2_000);
      // a page at rest commits nothing; a selector made anew at each render once kept the
      // results panel rendering hundreds of times a second, and React under load then never
      // showed the chunks it had loaded ("Chargement…" in place of the city or the position)
      expect((await commits.count()) - before).toBe(0);
      await page.close();
    });

    it("shows what the open questions could bring as soon as the destination and dates are known, and finds a city by its name", async () => {
      const page = await browser.newPage({
        locale: "fr-FR",
        viewport: { width: 1280, height: 900 },
      });
      const stay = {
        mobility: { host: { country: "JP" }, start: "2027-02-01", end: "2027-06-30" },
      };
      await page.goto(`${server.url}/?s=${encodeSituation(stay)}`);
      // nothing acquired yet, but the best combination at its most, with the questions to settle it
      await page.getByText(/^Jusqu'à .* selon vos réponses aux questions restantes$/).waitFor({
        timeout: 20_000,
      });
      expect(await page.getByText("Aucune aide n'est encore acquise").count()).toBe(0);
      expect(await page.getByText(/^jusqu'à /).count()).toBeGreaterThan(0);
      await page.getByText(/Distance de voyage inconnue/).waitFor();
      // the city, searched by name in the gazetteer, brings its coordinates and the distance
      const city = page.getByRole("combobox", { name: "Ville" });
      // the city is below the fold (under the choice of who goes): brought to the middle of the
      // screen first, as a person scrolls to a field, with room for its suggestions below it,
      // and without smooth scrolling, whose scroll would close them as they open (React Aria
      // closes a list on scroll)
      await page.emulateMedia({ reducedMotion: "reduce" });
      await city.evaluate((input) => input.scrollIntoView({ block: "center" }));
      await city.fill("Kyot");
      await page
        .getByRole("option", { name: /^Kyoto/ })
        .first()
        .click();
      await page.getByText(/Distance de voyage\s:\s9\s?\d{3}\skm\./).waitFor({ timeout: 20_000 });
      const latitude = page.getByRole("textbox", { name: "Latitude" });
      expect(await latitude.inputValue()).toMatch(/^35,0/);
      // a coordinate out of range is refused next to its field, never clamped
      await latitude.fill("95");
      await latitude.blur();
      await page.getByText("Indiquez une latitude entre −90 et 90.").waitFor();
      expect(await latitude.inputValue()).toBe("95");
      await page.screenshot({ path: join(SHOTS, "simulator-city-fr.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    it("switches to English, remembers it, and keeps the answers", async () => {
      const page = await browser.newPage({
        locale: "en-GB",
        viewport: { width: 390, height: 844 },
      });
      await page.goto(`${server.url}/?s=${encodeSituation(EXAMPLE)}`);
      await page
        .getByText(await exampleTotal(server.url, "fr"))
        .first()
        .waitFor({ timeout: 20_000 });
      const inEnglish = await exampleTotal(server.url, "en");
      await page.getByRole("button", { name: "English" }).click();
      // the English texts are a chunk of their own, fetched on the switch
      await expect.poll(() => page.locator("html").getAttribute("lang"), BOOT).toBe("en");
      await page.getByText(inEnglish).first().waitFor({ timeout: 20_000 });
      // the server now sends the page in English: its first paint, before any script, too
      const reloaded = await page.reload();
      expect(await reloaded?.text()).toMatch(/<html lang="en">[\s\S]*<h1>Which grants/);
      await expect.poll(() => page.locator("html").getAttribute("lang"), BOOT).toBe("en");
      await page.getByText(inEnglish).first().waitFor({ timeout: 20_000 });
      await page.screenshot({ path: join(SHOTS, "simulator-en-phone.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    it("asks a member of staff their own questions, and keeps the choice in the draft", async () => {
      const page = await browser.newPage({
        locale: "en-GB",
        viewport: { width: 1280, height: 900 },
      });
      await page.addInitScript(() => localStorage.setItem("envol.lang", "en"));
      const stay = {
        mobility: { host: { partner: "tu-berlin" }, start: "2027-03-08", end: "2027-03-12" },
      };
      await page.goto(`${server.url}/?s=${encodeSituation(stay)}`);
      // the server sends French (no language cookie yet): English once the app has booted
      await expect.poll(() => page.locator("html").getAttribute("lang"), BOOT).toBe("en");
      const who = page.getByRole("group", { name: "Who is going?" });
      expect(await who.getByRole("radio", { name: "Student" }).isChecked()).toBe(true);
      await page.getByRole("group", { name: "Study or internship?" }).waitFor();
      await who.getByRole("radio", { name: "Staff" }).check();
      // the stay's kind is a student's question: a member of staff says their activity instead
      const activity = page.getByRole("group", { name: "Activity during the stay" });
      await activity.getByRole("radio", { name: "Teaching" }).check();
      expect(await page.getByRole("group", { name: "Study or internship?" }).count()).toBe(0);
      await page.getByRole("button", { name: "Continue to your situation" }).click();
      await page
        .getByRole("group", { name: "Your position at the school" })
        .getByRole("radio", { name: "Teaching staff" })
        .check();
      expect(await page.getByRole("group", { name: "Do you hold a CROUS grant?" }).count()).toBe(0);
      await page.getByRole("textbox", { name: "Teaching hours during the stay" }).fill("8");
      await page.getByRole("textbox", { name: "Teaching hours during the stay" }).blur();
      await page
        .getByRole("group", { name: "Will you travel low-carbon (train, coach, car-sharing)?" })
        .getByRole("radio", { name: "No", exact: true })
        .check();
      // the personnel's scheme, as the API computes it (rulebook §10's first staff example) …
      await page.getByRole("heading", { name: "Erasmus+ staff mobility (Europe)" }).waitFor({
        timeout: 20_000,
      });
      await page
        .getByText(written(`${formatMoney(156_900, "en")} secured with these answers`))
        .first()
        .waitFor({ timeout: 20_000 });
      // … and the students' schemes named in one line, not shown as cards a teacher cannot meet
      await page
        .getByText(/^Not shown: .*Erasmus\+ Europe.*, which fund students' stays\.$/)
        .waitFor({
          timeout: 20_000,
        });
      await page.screenshot({ path: join(SHOTS, "simulator-personnel-en.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      // the draft keeps the participant: a reload reopens a member of staff's answers
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem("envol.simulator.situation")))
        .toMatch(/"personnel":\{[^}]*"teachingHours":8/);
      await page.reload();
      const again = page.getByRole("group", { name: "Who is going?" });
      await expect
        .poll(() => again.getByRole("radio", { name: "Staff" }).isChecked(), BOOT)
        .toBe(true);
      await page.close();
    });
  },
);
