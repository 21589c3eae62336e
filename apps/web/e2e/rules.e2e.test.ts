import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  formatLongDate,
  formatMoney,
  type Lang,
  type SchemeDescription,
  type SchemeRules,
} from "@envol/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRAFT_KEY } from "../src/simulator/situation-draft.ts";
import { encodeSituation } from "../src/simulator/situation-link.ts";
import { axeViolations, launch } from "./browser.ts";
import { contextIn, EXAMPLE, written } from "./demo.ts";
import { hasChromium, ROOT, startServer } from "./server.ts";

/**
 * The schemes' published rules in Debian's Chromium: the list and a scheme's page at their
 * French and English addresses (the address sets the language), what they show checked
 * against what the API answers (figures in force, worked examples evaluated by the engine,
 * never figures written here), axe on each, and the link from a simulator's result card.
 */

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)(
  "the rule pages in Debian's Chromium (skipped without /usr/bin/chromium)",
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

    const api = async <T>(path: string, lang: Lang): Promise<T> => {
      const res = await fetch(`${server.url}${path}`, { headers: { "accept-language": lang } });
      expect(res.status, path).toBe(200);
      return (await res.json()) as T;
    };

    /** A page of a fresh context in `lang`, with the scripts' and the console's errors. */
    const open = async (lang: Lang, viewport?: { width: number; height: number }) => {
      const context = await contextIn(browser, lang, viewport);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      return { page, errors, close: () => context.close() };
    };

    /** The screenshot, then axe with every disclosure open. */
    const check = async (page: Page, name: string) => {
      const closed = page.locator("details:not([open]) > summary");
      while ((await closed.count()) > 0) await closed.first().click();
      await page.screenshot({ path: join(SHOTS, `rules-${name}.png`), fullPage: true });
      expect(await axeViolations(page), name).toEqual([]);
    };

    it("lists the schemes at /regles in French, each linking to its page, which shows the API's figures in force and worked examples", async () => {
      const { page, errors, close } = await open("fr");
      const schemes = await api<SchemeDescription[]>("/api/schemes", "fr");
      await page.goto(`${server.url}/regles`);
      await page
        .getByRole("heading", { level: 1, name: "Les règles de calcul des aides" })
        .waitFor(WAIT);
      expect(await page.locator("html").getAttribute("lang")).toBe("fr");
      // the students' schemes, then the personnel's, each in the list of its group
      const list = page.getByRole("list", { name: "Pour les étudiants" });
      const personnel = page.getByRole("list", { name: "Pour les personnels" });
      for (const s of schemes)
        await (s.participant === "personnel" ? personnel : list)
          .getByRole("link", { name: s.name })
          .waitFor(WAIT);
      expect(schemes.filter((s) => s.participant === "personnel").map((s) => s.id)).toEqual(
        expect.arrayContaining(["erasmus-staff", "mic-staff"]),
      );
      await check(page, "index-fr");

      const rules = await api<SchemeRules>("/api/schemes/erasmus/rules", "fr");
      await list.getByRole("link", { name: rules.name }).click();
      await page.waitForURL(`${server.url}/regles/erasmus`);
      await page.getByRole("heading", { level: 1, name: rules.name }).waitFor(WAIT);
      expect(await page.title()).toBe(`${rules.name} — Envol`);
      // the figures in force, each with its value and source as the API gives them
      const current = rules.periods.find((p) => p.inForce);
      expect(current).toBeDefined();
      const table = page.getByRole("table");
      // the figure's own date is its source's, which may be older than the period
      await table.getByRole("columnheader", { name: "Date de la source" }).waitFor();
      let sourceLinks = 0;
      for (const f of current?.figures ?? []) {
        const row = table.getByRole("row", { name: written(f.label) }).first();
        expect(await row.textContent()).toMatch(written(f.display));
        expect(await row.textContent()).toContain(f.source);
        // each web address of a source is a link to it, which the page cannot steer
        const links = row.getByRole("link");
        expect((await links.count()) > 0, f.source).toBe(
          /https?:\/\/|\w\.[a-z]{2,}\//.test(f.source),
        );
        for (const link of await links.all()) {
          const text = (await link.textContent()) ?? "";
          expect(f.source).toContain(text);
          expect(await link.getAttribute("href")).toBe(
            text.startsWith("http") ? text : `https://${text}`,
          );
          expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
          sourceLinks += 1;
        }
      }
      expect(sourceLinks).toBeGreaterThan(0);
      for (const c of current?.criteria ?? [])
        await page.getByText(written(c.sentence)).first().waitFor(WAIT);
      // every worked example, with the engine's verdict, amount and lines
      expect(rules.examples.length).toBeGreaterThan(0);
      for (const example of rules.examples) {
        const article = page.getByRole("article", { name: example.title });
        await article.waitFor(WAIT);
        const estimate = example.result.verdict === "ineligible" ? null : example.result.estimate;
        if (estimate) {
          expect(await article.textContent()).toMatch(
            written(formatMoney(estimate.totalCents, "fr")),
          );
          for (const line of estimate.lines)
            expect(await article.textContent()).toMatch(written(line.basis));
        } else {
          await article.getByText("Non éligible").waitFor();
          for (const c of example.result.criteria.filter((r) => r.status === "unmet"))
            expect(await article.textContent()).toMatch(written(c.reason));
        }
      }
      await check(page, "erasmus-fr");
      expect(errors).toEqual([]);
      await close();
    });

    it("opens /rules/<scheme> in English whatever language was chosen before, with its earlier periods, at a phone's width", async () => {
      const { page, errors, close } = await open("fr", { width: 390, height: 844 });
      // Erasmus+ has two periods: Call 2024 (travel for fewer opportunities) and Call 2025 on
      const rules = await api<SchemeRules>("/api/schemes/erasmus/rules", "en");
      const earlier = rules.periods.filter((p) => !p.inForce);
      expect(earlier.length).toBeGreaterThan(0);
      await page.goto(`${server.url}/rules/erasmus`);
      await page.getByRole("heading", { level: 1, name: rules.name }).waitFor(WAIT);
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
      // the whole app follows the address: its header too
      await page.getByRole("button", { name: "English", pressed: true }).waitFor(WAIT);
      await page.getByRole("heading", { level: 2, name: "Earlier periods" }).waitFor();
      const first = earlier[0];
      await page
        .getByText(written(`From ${formatLongDate(first?.since ?? "", "en")}`))
        .first()
        .waitFor();
      await check(page, "erasmus-en-phone");
      expect(errors).toEqual([]);
      await close();
    });

    it("opens a worked example's answers when the English texts they need are in the browser but not yet in use", async () => {
      const { page, errors, close } = await open("en");
      await page.goto(`${server.url}/rules/erasmus`);
      const rules = await api<SchemeRules>("/api/schemes/erasmus/rules", "en");
      const article = page.getByRole("article", { name: rules.examples[0]?.title });
      await article.waitFor(WAIT);
      // the personnel's English texts (the answers' list asks for them) are already in the
      // browser: asking for them again answers at once, while React waits on them
      const texts = readdirSync(join(ROOT, "apps/web/dist/assets")).find((f) =>
        /^personnel\.en-[\w-]+\.js$/.test(f),
      );
      expect(texts).toBeDefined();
      await page.addScriptTag({ type: "module", url: `/assets/${texts}` });
      await article.getByText("This example's answers").click();
      await article.getByRole("heading", { level: 4, name: "Your stay" }).waitFor(WAIT);
      expect(errors).toEqual([]);
      await close();
    });

    it("paints a rule page's top before any script, in its address's language (the static first paint)", async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
      const page = await context.newPage();
      await page.goto(`${server.url}/rules/erasmus`);
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      await page.getByRole("link", { name: "All grants" }).waitFor(WAIT);
      await page.getByText(/^Envol publishes the rules it applies/).waitFor();
      await page.goto(`${server.url}/regles`);
      await page
        .getByRole("heading", { level: 1, name: "Les règles de calcul des aides" })
        .waitFor(WAIT);
      await context.close();
    });

    it("follows the language switch to the page's other address, and says when a scheme does not exist", async () => {
      const { page, errors, close } = await open("fr");
      await page.goto(`${server.url}/regles/idf`);
      const fr = await api<SchemeRules>("/api/schemes/idf/rules", "fr");
      const en = await api<SchemeRules>("/api/schemes/idf/rules", "en");
      await page.getByRole("heading", { level: 1, name: fr.name }).waitFor(WAIT);
      await page.getByRole("button", { name: "English" }).click();
      await page.waitForURL(`${server.url}/rules/idf`, WAIT);
      await page.getByRole("heading", { level: 1, name: en.name }).waitFor(WAIT);
      await page.getByRole("button", { name: "Français" }).click();
      await page.waitForURL(`${server.url}/regles/idf`, WAIT);
      await page.getByRole("heading", { level: 1, name: fr.name }).waitFor(WAIT);

      await page.goto(`${server.url}/regles/nope`);
      await page.getByRole("heading", { level: 1, name: "Cette aide n'existe pas." }).waitFor(WAIT);
      await page.getByRole("link", { name: "Toutes les aides" }).waitFor();
      expect(await page.title()).toBe("Aide introuvable — Envol");
      // the 404 of the API, reported on the console, is the page's subject here
      expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
      await close();
    });

    it("links every result card of the simulator to its scheme's rule page, in the current language", async () => {
      const { page, errors, close } = await open("en");
      await page.goto(`${server.url}/?s=${encodeSituation(EXAMPLE)}`);
      const report = (await (
        await fetch(`${server.url}/api/simulations`, {
          method: "POST",
          headers: { "content-type": "application/json", "accept-language": "en" },
          body: JSON.stringify(EXAMPLE),
        })
      ).json()) as { schemes: { scheme: string; name: string }[] };
      // a student's example: the cards are the students' schemes (the personnel's are named in one line)
      const catalogue = await api<SchemeDescription[]>("/api/schemes", "en");
      const forStudents = new Set(
        catalogue.filter((s) => s.participant === "student").map((s) => s.id),
      );
      const cards = report.schemes.filter((s) => forStudents.has(s.scheme));
      expect(cards.length).toBeGreaterThan(3);
      for (const s of cards) {
        const card = page.getByRole("article", { name: s.name, exact: true });
        await card.waitFor(WAIT);
        // each card's link says whose rules it opens
        const link = card.getByRole("link", {
          name: `How is this calculated? (${s.name})`,
          exact: true,
        });
        expect(await link.getAttribute("href")).toBe(`/rules/${s.scheme}`);
      }
      const erasmus = report.schemes.find((s) => s.scheme === "erasmus");
      await page
        .getByRole("article", { name: erasmus?.name, exact: true })
        .getByRole("link", { name: /^How is this calculated\?/ })
        .click();
      await page.waitForURL(`${server.url}/rules/erasmus`, WAIT);
      await page.getByRole("heading", { level: 1, name: erasmus?.name }).waitFor(WAIT);
      expect(errors).toEqual([]);
      await close();
    });

    it("says no such grant for an id that cannot be a scheme's, without asking the API anything else", async () => {
      const { page, errors, close } = await open("fr");
      const asked: string[] = [];
      page.on("request", (r) => {
        if (new URL(r.url()).pathname.startsWith("/api/")) asked.push(r.url());
      });
      for (const id of ["..%2Fstaff%2Fqueue%3Fx%3D", "erasmus%3Fa%3D", "Erasmus"]) {
        await page.goto(`${server.url}/regles/${id}`);
        await page
          .getByRole("heading", { level: 1, name: "Cette aide n'existe pas." })
          .waitFor(WAIT);
        expect(await page.title(), id).toBe("Aide introuvable — Envol");
      }
      // neither the staff's queue nor any scheme's rules were asked for
      expect(asked.filter((url) => /\/api\/staff|\/rules/.test(url))).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    });

    it("opens an example in the simulator without losing the student's own answers", async () => {
      const { page, errors, close } = await open("fr");
      // the student's own answers, kept by this browser (a shared link becomes the draft)
      await page.goto(`${server.url}/?s=${encodeSituation(EXAMPLE)}`);
      await page.getByRole("heading", { level: 2, name: "Vos aides" }).waitFor(WAIT);
      const draft = () => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
      await expect.poll(draft, WAIT).not.toBeNull();
      const own = await draft();

      await page.goto(`${server.url}/regles/erasmus`);
      const rules = await api<SchemeRules>("/api/schemes/erasmus/rules", "fr");
      const example = rules.examples[0];
      await page
        .getByRole("article", { name: example?.title })
        .getByRole("link", { name: "Ouvrir cet exemple dans le simulateur" })
        .click();
      await page.waitForURL(`${server.url}/`, WAIT);
      await page.getByText(/^Ceci est un exemple des règles publiées/).waitFor(WAIT);
      // the example's answers are on screen, the results computed for them…
      await page.getByRole("article", { name: rules.name, exact: true }).waitFor(WAIT);
      await page.waitForTimeout(1_000);
      // …and the draft is still the student's
      expect(await draft()).toBe(own);
      await page.getByRole("link", { name: "Revenir à mes réponses" }).click();
      await page.getByRole("heading", { level: 2, name: "Vos aides" }).waitFor(WAIT);
      await page.waitForTimeout(1_000);
      expect(await page.getByText(/^Ceci est un exemple/).count()).toBe(0);
      expect(await draft()).toBe(own);
      expect(errors).toEqual([]);
      await close();
    });
  },
);
