import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSituation } from "../src/simulator/situation-link.ts";
import { axeViolations, launch } from "./browser.ts";
import { contextIn, DEMO, EXAMPLE, exampleTotal, signIn } from "./demo.ts";
import { hasChromium, ROOT, startServer } from "./server.ts";

/**
 * axe-core on every page of the app, in each state a person meets: signed out (the two areas'
 * sign-in forms, with their errors), the pages that are not found, a student's pages, the
 * office's (the queue filtered or not, an application, the budgets with their chart and dialog,
 * the partner keys with a new key's secret shown once), in French on a desktop and in English
 * at a phone's width, and the simulator's English results on a desktop. Each page is also saved
 * as a screenshot (`e2e/screenshots/page-*.png`). The simulator's French results, its English
 * ones on a phone and the journey's pages (applying, deciding) are checked in their own files.
 */

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };
/** An application id no application has. */
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

/** A page of its own context, with the scripts' errors it meets. */
const open = async (context: BrowserContext) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return { page, errors };
};

/** The screenshot, then axe: every violation of every page is reported, not just the first. */
const check = async (page: Page, name: string) => {
  await page.screenshot({ path: join(SHOTS, `page-${name}.png`), fullPage: true });
  expect.soft(await axeViolations(page), name).toEqual([]);
};

/** The sign-in form is shown (the area's page is replaced by it while nobody is signed in). */
const signInShown = (page: Page) =>
  page.getByLabel(/Adresse électronique|Email address/).waitFor(WAIT);

/** The queue's status says how many rows, neither loading nor updating. */
const queueSettled = (page: Page) =>
  expect.poll(() => page.locator(".staff-queue__status").textContent(), WAIT).toMatch(/^[^…]+$/);

const notFound = async (page: Page, url: string, title: string) => {
  await page.goto(url);
  await page.getByRole("heading", { level: 1, name: title }).waitFor(WAIT);
};

describe.skipIf(!hasChromium)(
  "axe on every page in Debian's Chromium (skipped without /usr/bin/chromium)",
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

    it("signed out, in French: both areas' sign-in forms, their errors, the simulator's empty form, the pages not found (unknown addresses, an application id that cannot be one)", async () => {
      const context = await contextIn(browser, "fr");
      const { page, errors } = await open(context);

      await page.goto(`${server.url}/`);
      await page.getByRole("heading", { level: 1 }).waitFor(WAIT);
      await check(page, "simulator-empty-fr");

      await page.goto(`${server.url}/student`);
      await signInShown(page);
      await page
        .getByRole("heading", { level: 1, name: "Connectez-vous à votre espace" })
        .waitFor();
      await check(page, "student-sign-in-fr");

      // each field's error, then the server's refusal
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.locator(".field__error").first().waitFor(WAIT);
      await check(page, "student-sign-in-field-errors-fr");
      await signIn(page, DEMO.student.email, "not-the-password");
      await page.locator(".sign-in__problem .notice").waitFor(WAIT);
      await check(page, "student-sign-in-refused-fr");

      await page.goto(`${server.url}/student/apply?s=${encodeSituation(EXAMPLE)}`);
      await signInShown(page);
      await check(page, "student-sign-in-apply-fr");

      await page.goto(`${server.url}/staff/queue`);
      await signInShown(page);
      await page
        .getByRole("heading", { level: 1, name: "Connexion à l'espace de la DRI" })
        .waitFor();
      await check(page, "staff-sign-in-fr");

      for (const [name, path] of [
        ["not-found-fr", "/nowhere"],
        ["student-not-found-fr", "/student/nowhere"],
        ["staff-not-found-fr", "/staff/nowhere"],
        // an application's address whose id cannot be one: not found, before any sign-in
        ["student-application-bad-id-fr", "/student/applications/not-an-id"],
        ["staff-application-bad-id-fr", "/staff/applications/not-an-id"],
      ] as const) {
        await notFound(page, `${server.url}${path}`, "Page introuvable");
        await check(page, name);
      }
      expect(errors).toEqual([]);
      await context.close();
    });

    it("a student, in French: their applications, one of them, one that does not exist, and the office's area they may not enter", async () => {
      const context = await contextIn(browser, "fr");
      const { page, errors } = await open(context);

      await page.goto(`${server.url}/student`);
      await signIn(page, DEMO.student.email, DEMO.student.password);
      await page.getByRole("heading", { level: 1, name: "Mes candidatures" }).waitFor(WAIT);
      // the schemes' names come with the catalogue, after the list
      await page.getByText("Erasmus+ Europe").first().waitFor(WAIT);
      await check(page, "student-applications-fr");

      await page.locator(".application-card__title a").first().click();
      await page.getByRole("heading", { level: 2, name: "Pièces à fournir" }).waitFor(WAIT);
      await page.getByRole("region", { name: "Historique" }).waitFor(WAIT);
      await check(page, "student-application-fr");

      await page.goto(`${server.url}/student/applications/${NO_SUCH_ID}`);
      await page
        .getByRole("alert")
        .getByText("Cette candidature n'existe pas, ou elle n'est pas la vôtre.")
        .waitFor(WAIT);
      await check(page, "student-application-missing-fr");

      await page.goto(`${server.url}/staff/queue`);
      await page.getByText(/est celui d.un candidat ou d.une candidate/).waitFor(WAIT);
      await check(page, "staff-as-student-fr");

      expect(errors).toEqual([]);
      await context.close();
    });

    it("the office, in French: the queue with and without filters (and one the address gives that means nothing), an application, the budgets with their chart and dialog, the partner keys with a new key's secret and a revocation", async () => {
      const context = await contextIn(browser, "fr");
      const { page, errors } = await open(context);

      await page.goto(`${server.url}/staff/queue`);
      await signIn(page, DEMO.staff.email, DEMO.staff.password);
      await page.locator("table tbody tr").first().waitFor(WAIT);
      await queueSettled(page);
      await check(page, "staff-queue-fr");

      // two filters and another sort, chosen in the form
      await page.getByText("Ceux de la vue").click();
      await page.getByLabel("Envoyée", { exact: true }).check();
      await page.waitForURL(/state=submitted/, WAIT);
      await page.getByLabel("Aide", { exact: true }).selectOption("mic");
      await page.waitForURL(/scheme=mic/, WAIT);
      await page.getByLabel("Trier par").selectOption("start-asc");
      await page.waitForURL(/sort=start-asc/, WAIT);
      await page.getByRole("button", { name: "Effacer les 2 filtres" }).waitFor(WAIT);
      await queueSettled(page);
      await check(page, "staff-queue-filtered-fr");

      // a filter nothing matches
      await page.goto(`${server.url}/staff/queue?destination=JP`);
      await page.getByText("Aucune demande ne correspond à ces filtres.").waitFor(WAIT);
      await check(page, "staff-queue-empty-fr");

      // a filter the address gives that means nothing: said, not applied
      await page.goto(`${server.url}/staff/queue?state=approuv%C3%A9`);
      await page
        .getByText(
          "Ces paramètres de l'adresse ne correspondent à aucun filtre et ne sont pas appliqués : state=approuvé.",
        )
        .waitFor(WAIT);
      await queueSettled(page);
      await check(page, "staff-queue-ignored-fr");

      // an application with money paid (its movements) and another request to decide
      await page.goto(`${server.url}/staff/queue`);
      await page.getByRole("link", { name: "Lucas Bernard" }).first().click();
      await page
        .getByRole("heading", { level: 1, name: "Candidature : Lucas Bernard" })
        .waitFor(WAIT);
      await page.getByRole("heading", { name: "Mouvements" }).first().waitFor(WAIT);
      await page.getByRole("heading", { name: "Historique" }).first().waitFor(WAIT);
      await check(page, "staff-application-fr");

      // an application that does not exist: said at once (a refusal is not tried again)
      const started = Date.now();
      await page.goto(`${server.url}/staff/applications/${NO_SUCH_ID}`);
      await page.getByText("Cette candidature n'existe pas, ou plus.").waitFor(WAIT);
      expect(Date.now() - started).toBeLessThan(5_000);
      await check(page, "staff-application-missing-fr");

      // the budgets of the demo year: the chart drawn, the table beside it
      await page.goto(`${server.url}/staff/budgets?academicYear=2026-2027`);
      await page
        .getByRole("img", { name: "Diagramme en barres : engagé, versé et restant par aide" })
        .waitFor(WAIT);
      await check(page, "staff-budgets-fr");

      // an envelope's dialog, then its error for an empty amount
      await page
        .getByRole("button", { name: /^Modifier l'enveloppe/ })
        .first()
        .click();
      const envelope = page.getByRole("dialog");
      await envelope.waitFor(WAIT);
      await check(page, "staff-budgets-envelope-dialog-fr");
      await envelope.getByRole("textbox").fill("");
      await envelope.getByRole("button", { name: "Enregistrer" }).click();
      await envelope.locator(".field__error").waitFor(WAIT);
      await check(page, "staff-budgets-envelope-error-fr");
      await envelope.getByRole("button", { name: "Annuler" }).click();
      await envelope.waitFor({ state: "detached", ...WAIT });

      // a year that is none: said, and the current year shown
      await page.goto(`${server.url}/staff/budgets?academicYear=2026`);
      await page.getByText(/^« 2026 » n'est pas une année universitaire/).waitFor(WAIT);
      await check(page, "staff-budgets-bad-year-fr");

      // a year without envelopes: no chart
      await page.goto(`${server.url}/staff/budgets?academicYear=2028-2029`);
      await page.getByText("Aucune enveloppe n'est fixée pour 2028-2029.").waitFor(WAIT);
      await check(page, "staff-budgets-none-fr");

      await page.goto(`${server.url}/staff/partner-keys`);
      await page.getByText("Clé de démonstration", { exact: true }).waitFor(WAIT);
      await check(page, "staff-partner-keys-fr");

      const issue = page.getByRole("button", { name: "Émettre la clé" });
      await issue.click();
      await page.locator(".staff-key-form .field__error").first().waitFor(WAIT);
      await check(page, "staff-partner-keys-form-errors-fr");

      // a new key: its secret, shown this once
      await page.getByLabel("Établissement partenaire").selectOption("tu-berlin");
      await page.getByLabel("Nom de la clé").fill("Service des échanges, essai");
      await issue.click();
      const secret = page.getByRole("alertdialog");
      await secret.waitFor(WAIT);
      await expect.poll(() => secret.getByRole("textbox").inputValue(), WAIT).not.toBe("");
      await check(page, "staff-partner-keys-secret-fr");
      await secret.getByRole("button", { name: "J'ai enregistré le secret" }).click();
      await secret.waitFor({ state: "detached", ...WAIT });

      // revoking it: the confirmation, then the key marked revoked
      await page.getByRole("button", { name: /^Révoquer — Service des échanges, essai/ }).click();
      const revoke = page.getByRole("alertdialog");
      await revoke.waitFor(WAIT);
      await check(page, "staff-partner-keys-revoke-fr");
      await revoke.getByRole("button", { name: "Révoquer la clé" }).click();
      await revoke.waitFor({ state: "detached", ...WAIT });
      await page
        .getByText(/Révoquée le/)
        .first()
        .waitFor(WAIT);
      await check(page, "staff-partner-keys-revoked-fr");

      await page.goto(`${server.url}/student`);
      await page.getByText(/vous êtes connecté avec un compte de la DRI/).waitFor(WAIT);
      await check(page, "student-as-staff-fr");

      expect(errors).toEqual([]);
      await context.close();
    });

    it("in English: the simulator's results on a desktop; sign-in, a student's pages and the office's at a phone's width", async () => {
      const desktop = await contextIn(browser, "en");
      const simulator = await open(desktop);
      await simulator.page.goto(`${server.url}/?s=${encodeSituation(EXAMPLE)}`);
      await simulator.page
        .getByText(await exampleTotal(server.url, "en"))
        .first()
        .waitFor(WAIT);
      await check(simulator.page, "simulator-results-en");
      expect(simulator.errors).toEqual([]);
      await desktop.close();

      const student = await contextIn(browser, "en", PHONE);
      const s = await open(student);
      await s.page.goto(`${server.url}/`);
      await s.page.getByRole("heading", { level: 1 }).waitFor(WAIT);
      await check(s.page, "simulator-empty-en-phone");
      await notFound(s.page, `${server.url}/student/nowhere`, "Page not found");
      await check(s.page, "student-not-found-en-phone");
      await s.page.goto(`${server.url}/student`);
      await signInShown(s.page);
      await check(s.page, "student-sign-in-en-phone");
      await signIn(s.page, DEMO.student.email, DEMO.student.password);
      await s.page.getByRole("heading", { level: 1, name: "My applications" }).waitFor(WAIT);
      await s.page.getByText("Erasmus+ Europe").first().waitFor(WAIT);
      await check(s.page, "student-applications-en-phone");
      await s.page.locator(".application-card__title a").first().click();
      await s.page.getByRole("region", { name: "History" }).waitFor(WAIT);
      await check(s.page, "student-application-en-phone");
      expect(s.errors).toEqual([]);
      await student.close();

      const staff = await contextIn(browser, "en", PHONE);
      const o = await open(staff);
      await o.page.goto(`${server.url}/staff/queue`);
      await signInShown(o.page);
      await check(o.page, "staff-sign-in-en-phone");
      await signIn(o.page, DEMO.staff.email, DEMO.staff.password);
      await o.page.locator("table tbody tr").first().waitFor(WAIT);
      await queueSettled(o.page);
      await check(o.page, "staff-queue-en-phone");
      await o.page.goto(`${server.url}/staff/queue?state=submitted`);
      await o.page.getByRole("button", { name: "Clear the filter" }).waitFor(WAIT);
      await queueSettled(o.page);
      await check(o.page, "staff-queue-filtered-en-phone");
      await o.page.getByRole("link", { name: "Lucas Bernard" }).first().click();
      await o.page.getByRole("heading", { name: "Money movements" }).first().waitFor(WAIT);
      await check(o.page, "staff-application-en-phone");
      await o.page.goto(`${server.url}/staff/budgets?academicYear=2026-2027`);
      await o.page
        .getByRole("img", { name: "Bar chart: committed, paid and remaining per grant" })
        .waitFor(WAIT);
      await check(o.page, "staff-budgets-en-phone");
      await o.page.goto(`${server.url}/staff/partner-keys`);
      await o.page.getByText("Clé de démonstration", { exact: true }).waitFor(WAIT);
      await check(o.page, "staff-partner-keys-en-phone");
      expect(o.errors).toEqual([]);
      await staff.close();
    });
  },
);
