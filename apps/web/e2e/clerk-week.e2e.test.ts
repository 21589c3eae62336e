import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatMoney } from "@envol/domain";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSituation } from "../src/simulator/situation-link.ts";
import { axeViolations, launch } from "./browser.ts";
import { DEMO, EXAMPLE, frenchContext, signIn, written } from "./demo.ts";
import { hasChromium, ROOT, startServer } from "./server.ts";

/**
 * A clerk's week on one new application, the office and the student each in their own browser:
 * the "à traiter" queue and a search by name, a document asked for and answered, an approval
 * above the scheme's estimate taken with an override's reason, the agreement signed, the
 * advance paid, a recalculation that leaves something still to pay, and the balance confirmed
 * in its dialog. Every amount the pages write is checked against the API's own figures, written
 * by `formatMoney`. Screenshots in `e2e/screenshots/clerk-week-*.png`.
 */

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
const WAIT = { timeout: 30_000 };

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** `cents` as the page writes it in French, any space matching the page's no-break ones. */
const money = (cents: number) => written(formatMoney(cents, "fr")).source;

/** A day `days` from today, as a date input takes it. */
const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasChromium)(
  "a clerk's week on one application in Debian's Chromium (skipped without /usr/bin/chromium)",
  () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let browser: Browser;
    let files: string;
    let office: BrowserContext;
    let staffPage: Page;
    let student: BrowserContext;
    let studentPage: Page;
    let applicationId = "";
    let requestId = "";
    const officeErrors: string[] = [];
    const studentErrors: string[] = [];

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      files = mkdtempSync(join(tmpdir(), "envol-clerk-week-"));
      server = await startServer();
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (files) rmSync(files, { recursive: true, force: true });
    });

    /** The Erasmus+ request's panel on the office's application page. */
    const erasmusPanel = () =>
      staffPage.getByRole("article", { name: "Erasmus+ Europe", exact: true });

    /** What the next payment would be, as the API tells the office. */
    const paymentsDue = async () => {
      const r = await office.request.get(`${server.url}/api/staff/requests/${requestId}/payments`);
      expect(r.status(), await r.text()).toBe(200);
      return (await r.json()) as {
        paidCents: number;
        advanceCents: number;
        remaining: { kind: "to-pay" | "to-recover" | "settled"; cents: number } | null;
      };
    };

    it("Monday: the student applies and sends the Erasmus+ request", async () => {
      student = await frenchContext(browser);
      studentPage = await student.newPage();
      studentPage.on("pageerror", (e) => studentErrors.push(String(e)));
      const page = studentPage;
      await page.goto(`${server.url}/student/apply?s=${encodeSituation(EXAMPLE)}`);
      await page.getByRole("heading", { level: 1 }).waitFor(WAIT);
      await signIn(page, DEMO.student.email, DEMO.student.password);
      const create = page.getByRole("button", { name: "Créer ma candidature" });
      await create.waitFor(WAIT);
      await create.click();
      await page.getByRole("heading", { level: 2, name: "Pièces à fournir" }).waitFor(WAIT);
      applicationId = new URL(page.url()).pathname.split("/").pop() ?? "";
      expect(applicationId).not.toBe("");
      const erasmus = page.getByRole("article", { name: "Erasmus+ Europe", exact: true });
      await erasmus.getByRole("button", { name: "Envoyer à la DRI" }).click();
      await page
        .getByText(/Demande Erasmus\+ Europe envoyée à la DRI/)
        .first()
        .waitFor(WAIT);
    });

    it("the queue opens on the requests to process, and a search by name finds the student's", async () => {
      expect(applicationId).not.toBe("");
      office = await frenchContext(browser);
      staffPage = await office.newPage();
      staffPage.on("pageerror", (e) => officeErrors.push(String(e)));
      const page = staffPage;
      const settled = () =>
        expect
          .poll(() => page.locator(".staff-queue__status").textContent(), WAIT)
          .toMatch(/^[^…]+$/);
      const ours = page.locator(`tbody a[href$="/staff/applications/${applicationId}"]`);

      await page.goto(`${server.url}/staff/queue`);
      await signIn(page, DEMO.staff.email, DEMO.staff.password);
      await page.locator("table tbody tr").first().waitFor(WAIT);
      await settled();
      await expect.poll(() => page.getByLabel("Vue").inputValue(), WAIT).toBe("to-process");
      await ours.waitFor(WAIT);
      const states = await page.locator("tbody .staff-state").allTextContents();
      for (const state of states) expect(["Envoyée", "En instruction"]).toContain(state.trim());
      expect.soft(await axeViolations(page), "the queue").toEqual([]);

      // her first name: the demo data has another Martin, Claire, a member of the personnel
      await page.getByLabel("Candidat ou candidate").fill("camille");
      await page.getByRole("button", { name: "Rechercher" }).click();
      await page.waitForURL(/search=camille/, WAIT);
      await settled();
      // the search keeps the view: still the requests to process, the new one among them
      expect(await page.getByLabel("Vue").inputValue()).toBe("to-process");
      // only hers, once the searched page has replaced the previous one
      await expect
        .poll(async () => new Set(await page.locator("tbody th a").allTextContents()), WAIT)
        .toEqual(new Set(["Camille Martin"]));
      await ours.waitFor(WAIT);
      expect.soft(await axeViolations(page), "the queue searched").toEqual([]);
      await page.screenshot({ path: join(SHOTS, "clerk-week-queue-search.png"), fullPage: true });

      await ours.first().click();
      await page.waitForURL(new RegExp(`/staff/applications/${applicationId}$`), WAIT);
      await erasmusPanel()
        .getByRole("form", { name: /Décision/ })
        .waitFor(WAIT);
      const detail = (await (
        await office.request.get(`${server.url}/api/staff/applications/${applicationId}`)
      ).json()) as { requests: { id: string; schemeId: string; state: string }[] };
      requestId = detail.requests.find((r) => r.state === "submitted")?.id ?? "";
      expect(requestId).not.toBe("");
    });

    it("a document is asked for; the student sees it in the next steps and answers it; the office sees it received", async () => {
      expect(requestId).not.toBe("");
      const documents = staffPage.getByRole("region", { name: "Pièces justificatives" });
      const form = documents.getByRole("form", {
        name: "Demander une pièce au candidat ou à la candidate",
      });
      await form.getByLabel("Pièce").selectOption({ label: "RIB" });
      await form
        .getByLabel("Message au candidat ou à la candidate")
        .fill("Merci de déposer un RIB à votre nom.");
      await form.getByLabel("À fournir avant le").fill(isoIn(14));
      await form.getByRole("button", { name: "Envoyer la demande" }).click();
      await form.getByText("Demande envoyée par e-mail\u00a0: RIB.").waitFor(WAIT);
      await documents.getByText("en attente").waitFor(WAIT);
      expect.soft(await axeViolations(staffPage), "the document request").toEqual([]);

      // the student's home: the office's request among the next steps, linked to the application
      const page = studentPage;
      await page.goto(`${server.url}/student`);
      const steps = page.getByRole("region", { name: "Prochaines étapes" });
      const asked = steps.getByRole("link", { name: /^La DRI vous demande « RIB » avant le / });
      await asked.waitFor(WAIT);
      expect(await asked.getAttribute("href")).toMatch(new RegExp(`/${applicationId}$`));
      expect.soft(await axeViolations(page), "the student's home").toEqual([]);
      await page.screenshot({ path: join(SHOTS, "clerk-week-student-home.png"), fullPage: true });

      await asked.click();
      await page.waitForURL(new RegExp(`/student/applications/${applicationId}$`), WAIT);
      await page.getByRole("heading", { name: "La DRI vous demande" }).waitFor(WAIT);
      await page.getByText("Merci de déposer un RIB à votre nom.").waitFor(WAIT);
      const png = join(files, "rib-camille-martin.png");
      writeFileSync(png, PNG);
      const item = page.getByRole("article", { name: "RIB", exact: true });
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser", WAIT),
        item.getByRole("button", { name: "Ajouter un fichier" }).click(),
      ]);
      await chooser.setFiles(png);
      await item.getByText(/rib-camille-martin\.png est envoyé/).waitFor(WAIT);
      await page
        .getByRole("heading", { name: "La DRI vous demande" })
        .waitFor({ state: "detached", ...WAIT });

      await staffPage.reload();
      await documents.getByText(/^reçue le/).waitFor(WAIT);
      expect(await documents.getByText("en attente").count()).toBe(0);
    });

    it("approving above the scheme's estimate asks the override's reason, kept in the history as a Dérogation", async () => {
      const panel = erasmusPanel();
      const decision = panel.getByRole("form", { name: /Décision/ });
      await decision.getByLabel("Commencer l'instruction", { exact: true }).check();
      await decision.getByRole("button", { name: "Commencer l'instruction" }).click();
      await expect
        .poll(() => panel.getByRole("status").first().textContent(), WAIT)
        .toMatch(/maintenant\s«\sEn instruction\s»/);

      // the scheme's estimate today, as the API's live report gives it
      const detail = (await (
        await office.request.get(`${server.url}/api/staff/applications/${applicationId}`)
      ).json()) as { requests: { id: string; estimatedCents: number | null }[] };
      const estimated = detail.requests.find((r) => r.id === requestId)?.estimatedCents ?? 0;
      expect(estimated).toBeGreaterThan(0);
      const above = estimated + 10_000;

      await decision.getByLabel("Accorder", { exact: true }).check();
      await decision.getByText(/^Estimation du dispositif aujourd'hui/).waitFor(WAIT);
      const amount = decision.getByLabel("Montant accordé");
      await amount.fill(String(above / 100));
      await amount.blur();
      // above the estimate: the override's reason is asked before anything is sent
      const reason = decision.getByLabel("Motif de la dérogation");
      await reason.waitFor(WAIT);
      await decision
        .getByRole("button", { name: new RegExp(`^Accorder ${money(above)}$`) })
        .click();
      await decision.getByText("Indiquez le motif de la dérogation.").waitFor(WAIT);
      expect.soft(await axeViolations(staffPage), "the override asked").toEqual([]);
      const why = "Frais de logement à Berlin justifiés par le contrat de location.";
      await reason.fill(why);
      await decision
        .getByRole("button", { name: new RegExp(`^Accorder ${money(above)}$`) })
        .click();
      await expect
        .poll(() => panel.getByRole("status").first().textContent(), WAIT)
        .toMatch(/maintenant\s«\sAccordée\s»/);

      const history = staffPage.getByRole("region", { name: "Historique" });
      await history.getByText(new RegExp(`^Dérogation\\s:\\s${why}$`)).waitFor(WAIT);
      expect.soft(await axeViolations(staffPage), "the application approved").toEqual([]);
      await staffPage.screenshot({
        path: join(SHOTS, "clerk-week-application.png"),
        fullPage: true,
      });
    });

    it("the student signs the agreement, which shows the amount approved", async () => {
      const due = await paymentsDue();
      expect(due.remaining?.kind).toBe("to-pay");
      const approved = due.remaining?.cents ?? 0;
      const page = studentPage;
      await page.goto(`${server.url}/student`);
      const steps = page.getByRole("region", { name: "Prochaines étapes" });
      const sign = steps.getByRole("link", {
        name: new RegExp(`^Signer la convention Erasmus\\+ Europe \\(${money(approved)}\\)$`),
      });
      await sign.waitFor(WAIT);
      expect(await sign.getAttribute("href")).toMatch(new RegExp(`/${applicationId}$`));
      await sign.click();
      await page.waitForURL(new RegExp(`/student/applications/${applicationId}$`), WAIT);
      const erasmus = page.getByRole("article", { name: "Erasmus+ Europe", exact: true });
      await erasmus.getByRole("button", { name: "Signer la convention" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText("Convention de subvention : Erasmus+ Europe").waitFor(WAIT);
      await dialog
        .getByText(new RegExp(money(approved)))
        .first()
        .waitFor(WAIT);
      expect.soft(await axeViolations(page), "the agreement").toEqual([]);
      await dialog.getByRole("button", { name: "Signer la convention" }).click();
      await page
        .getByText(/Convention Erasmus\+ Europe signée/)
        .first()
        .waitFor(WAIT);
    });

    it("the advance is paid; a recalculation on a shorter stay leaves something still to pay; the balance is confirmed with its amount", async () => {
      await staffPage.reload();
      const panel = erasmusPanel();
      const status = panel.locator(".staff-request__status");

      // the advance, confirmed with the API's amount
      const { advanceCents } = await paymentsDue();
      const advanceForm = panel.getByRole("form", { name: "Versement de l'avance" });
      await advanceForm.getByRole("button", { name: "Enregistrer l'avance" }).click();
      const advance = staffPage.getByRole("alertdialog", { name: "Verser l'avance ?" });
      await advance
        .getByText(new RegExp(`^Une avance de ${money(advanceCents)} sera versée`))
        .waitFor(WAIT);
      await advance.getByRole("button", { name: "Confirmer" }).click();
      await expect
        .poll(() => status.textContent(), WAIT)
        .toMatch(new RegExp(`^Avance de ${money(advanceCents)} enregistrée\\.$`));

      // the stay ended a week early: a lower grant, still above what was paid
      await panel.getByText("Recalculer sur les dates réelles", { exact: true }).click();
      const form = panel.getByRole("form", { name: "Recalculer sur les dates réelles" });
      // no host has stated dates yet: the planned ones are proposed
      await form.getByText(/^Les dates prévues sont proposées/).waitFor(WAIT);
      await form.getByLabel("Dernier jour réel").fill("2027-06-23");
      const [answered] = await Promise.all([
        staffPage.waitForResponse(
          (r) => r.url().endsWith(`/requests/${requestId}/recalculation`),
          WAIT,
        ),
        form.getByRole("button", { name: "Recalculer" }).click(),
      ]);
      expect(answered.status(), await answered.text()).toBe(200);
      const result = (await answered.json()) as {
        previousCents: number;
        approvedCents: number;
        remaining: { kind: string; cents: number };
      };
      expect(result.approvedCents).toBeLessThan(result.previousCents);
      expect(result.approvedCents).toBeGreaterThan(advanceCents);
      expect(result.remaining).toEqual({
        kind: "to-pay",
        cents: result.approvedCents - advanceCents,
      });
      await form
        .getByRole("status")
        .getByText(new RegExp(`^Reste à verser ${money(result.remaining.cents)}\\.$`))
        .waitFor(WAIT);
      expect(await form.getByText(/récupérer/).count()).toBe(0);
      // the office's own dates are now the stay's actual ones: not said to be the host's
      await form.getByText(/^Les dates réelles déjà enregistrées sont proposées/).waitFor(WAIT);
      expect.soft(await axeViolations(staffPage), "the recalculation").toEqual([]);
      // the form and the balance's above it, the page's full width (no scrolling: the page's own
      // smooth scroll would be caught half-way)
      const box = await form.boundingBox();
      const scrolled = await staffPage.evaluate(() => window.scrollY);
      expect(box).not.toBeNull();
      if (box)
        await staffPage.screenshot({
          path: join(SHOTS, "clerk-week-recalculation.png"),
          fullPage: true,
          clip: { x: 0, y: scrolled + box.y - 200, width: 1280, height: box.height + 230 },
        });

      // the balance: what remains from what was paid, the same figure the recalculation gave
      const due = await paymentsDue();
      expect(due.paidCents).toBe(advanceCents);
      expect(due.remaining).toEqual(result.remaining);
      const balanceForm = panel.getByRole("form", { name: "Versement du solde" });
      await balanceForm.getByRole("button", { name: "Enregistrer le solde" }).click();
      const settle = staffPage.getByRole("alertdialog", { name: "Solder la demande ?" });
      await settle
        .getByText(
          new RegExp(`^Un solde de ${money(result.remaining.cents)} sera versé à l'étudiant`),
        )
        .waitFor(WAIT);
      await settle
        .getByText(new RegExp(`^Déjà versé\\s:\\s${money(advanceCents)}\\.$`))
        .waitFor(WAIT);
      expect.soft(await axeViolations(staffPage), "the balance's confirmation").toEqual([]);
      await staffPage.screenshot({ path: join(SHOTS, "clerk-week-balance-confirm.png") });
      await settle.getByRole("button", { name: "Confirmer" }).click();
      await expect
        .poll(() => status.textContent(), WAIT)
        .toMatch(
          new RegExp(
            `^Solde de ${money(result.remaining.cents)} enregistré\\s:\\sla demande est soldée\\.$`,
          ),
        );

      expect(officeErrors).toEqual([]);
      expect(studentErrors).toEqual([]);
      await office.close();
      await student.close();
    });
  },
);
