import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatMoney } from "@envol/domain";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSituation } from "../src/simulator/situation-link.ts";
import { axeViolations, launch } from "./browser.ts";
import { DEMO, EXAMPLE, frenchContext, signIn } from "./demo.ts";
import { hasChromium, ROOT, startServer } from "./server.ts";

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
const WAIT = { timeout: 30_000 };

/** The smallest valid PDF: one empty page, with a correct cross-reference table. */
const minimalPdf = () => {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
};

describe.skipIf(!hasChromium)(
  "a student's application and the office's decision in Debian's Chromium (skipped without /usr/bin/chromium)",
  () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let browser: Browser;
    let files: string;
    let student: BrowserContext;
    let studentPage: Page;
    let applicationUrl = "";
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      files = mkdtempSync(join(tmpdir(), "envol-journey-"));
      server = await startServer();
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (files) rmSync(files, { recursive: true, force: true });
    });

    it("apply with an upload: signs in, creates the application, provides a PDF and sends a request", async () => {
      student = await frenchContext(browser);
      const page = await student.newPage();
      studentPage = page;
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));

      await page.goto(`${server.url}/student/apply?s=${encodeSituation(EXAMPLE)}`);
      await page.getByRole("heading", { level: 1 }).waitFor(WAIT);
      await signIn(page, DEMO.student.email, DEMO.student.password);

      const create = page.getByRole("button", { name: "Créer ma candidature" });
      await create.waitFor(WAIT);
      await create.click();
      await page.getByRole("heading", { level: 2, name: "Pièces à fournir" }).waitFor(WAIT);
      applicationUrl = page.url();
      expect(applicationUrl).toMatch(/\/student\/applications\/[^/?#]+/);

      const pdf = join(files, "contrat-etudes.pdf");
      writeFileSync(pdf, minimalPdf());
      const item = page.getByRole("article", { name: /Contrat pédagogique/ });
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser", WAIT),
        item.getByRole("button", { name: /Ajouter un/ }).click(),
      ]);
      await chooser.setFiles(pdf);
      await item.getByText(/contrat-etudes\.pdf est envoyé/).waitFor(WAIT);

      // the demo student's own requests are on other stays: this one is sent at once
      const erasmus = page.getByRole("article", { name: "Erasmus+ Europe", exact: true });
      await erasmus.getByRole("button", { name: "Envoyer à la DRI" }).click();
      await page
        .getByText(/Demande Erasmus\+ Europe envoyée à la DRI/)
        .first()
        .waitFor(WAIT);

      await page.screenshot({ path: join(SHOTS, "journey-student-applied.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });

    it("a staff decision the student then sees: the office approves, the student's page says so", async () => {
      expect(applicationUrl).not.toBe("");
      const id = new URL(applicationUrl).pathname.split("/").pop();
      const staff = await frenchContext(browser);
      const page = await staff.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));

      await page.goto(`${server.url}/staff/queue`);
      await page.getByRole("heading", { level: 1 }).waitFor(WAIT);
      await signIn(page, DEMO.staff.email, DEMO.staff.password);
      await page.locator("table tbody tr").first().waitFor(WAIT);

      // the host, TU Berlin, answers through the partner API with a key the office issues
      await page.goto(`${server.url}/staff/partner-keys`);
      await page.getByLabel("Établissement partenaire").selectOption("tu-berlin");
      await page.getByLabel("Nom de la clé").fill("Service des échanges de TU Berlin");
      await page.getByRole("button", { name: "Émettre la clé" }).click();
      const shown = page.getByRole("alertdialog");
      await shown.waitFor(WAIT);
      await expect.poll(() => shown.getByRole("textbox").inputValue(), WAIT).not.toBe("");
      const key = await shown.getByRole("textbox").inputValue();
      await shown.getByRole("button", { name: "J'ai enregistré le secret" }).click();
      const answered = await fetch(`${server.url}/api/partner/v1/omobilities/${id}/decision`, {
        method: "PUT",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ decision: "pending", comment: "Learning agreement à signer" }),
      });
      expect(answered.status).toBe(200);

      await page.goto(`${server.url}/staff/applications/${id}`);
      // what the host said, in the application's history
      const said = page.getByRole("region", { name: "Historique" });
      await said
        .getByText("Réponse de l'établissement d'accueil — pas encore décidé")
        .waitFor(WAIT);
      await said.getByText("Commentaire\u00a0: Learning agreement à signer").waitFor(WAIT);
      const panel = page.getByRole("article", { name: "Erasmus+ Europe", exact: true });
      const decision = panel.getByRole("form", { name: /Décision/ });
      await decision.waitFor(WAIT);

      // the office opens the document the student sent: the same bytes
      const [download] = await Promise.all([
        page.waitForEvent("download", WAIT),
        page.getByRole("link", { name: "Télécharger contrat-etudes.pdf" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("contrat-etudes.pdf");
      expect(readFileSync(await download.path())).toEqual(minimalPdf());

      await decision.getByLabel("Commencer l'instruction", { exact: true }).check();
      await decision.getByRole("button", { name: "Commencer l'instruction" }).click();
      await expect
        .poll(() => panel.getByRole("status").textContent(), WAIT)
        .toMatch(/maintenant\s«\sEn instruction\s»/);

      const approve = decision.getByLabel("Accorder", { exact: true });
      await approve.waitFor(WAIT);
      await approve.check();
      // the scheme's estimate today is shown; above it, the override's reason is required
      await decision.getByText(/^Estimation du dispositif aujourd'hui/).waitFor(WAIT);
      const amount = decision.getByLabel("Montant accordé");
      const estimated = await amount.inputValue();
      await amount.fill("140000");
      await amount.blur();
      await decision.getByRole("button", { name: /^Accorder / }).click();
      await decision.getByText("Indiquez le motif de la dérogation.").waitFor(WAIT);
      await amount.fill(estimated);
      await amount.blur();
      await decision.getByRole("button", { name: /^Accorder / }).click();
      await expect
        .poll(() => panel.getByRole("status").textContent(), WAIT)
        .toMatch(/maintenant\s«\sAccordée\s»/);

      await page.screenshot({ path: join(SHOTS, "journey-staff-approved.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await staff.close();

      // back to the student, who sees the decision
      await studentPage.reload();
      const card = studentPage.getByRole("article", { name: "Erasmus+ Europe", exact: true });
      // the badge: a sign for the eye (hidden from screen readers), then the state in words
      await expect
        .poll(() => card.locator(".state").first().textContent(), WAIT)
        .toMatch(/Accordée$/);
      const history = studentPage.getByRole("region", { name: "Historique" });
      await history.getByText("Demande accordée").first().waitFor(WAIT);
      // and that the office downloaded the document they sent
      await history.getByText("Pièce consultée par la DRI").first().waitFor(WAIT);
      // what the host wrote to the school is not in the student's history
      expect(await history.getByText("Learning agreement à signer").count()).toBe(0);
      await studentPage.screenshot({
        path: join(SHOTS, "journey-student-approved.png"),
        fullPage: true,
      });
      expect(await axeViolations(studentPage)).toEqual([]);
      await student.close();
    });

    it("a payment is made only once its amount is confirmed: the advance, then the balance", async () => {
      const id = new URL(applicationUrl).pathname.split("/").pop();
      const staff = await frenchContext(browser);
      const page = await staff.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.url}/staff/applications/${id}`);
      await signIn(page, DEMO.staff.email, DEMO.staff.password);
      const panel = page.getByRole("article", { name: "Erasmus+ Europe", exact: true });
      const decision = panel.getByRole("form", { name: /Décision/ });
      const agreement = decision.getByLabel("Enregistrer la convention signée", { exact: true });
      await agreement.waitFor(WAIT);
      await agreement.check();
      await decision.getByRole("button", { name: "Enregistrer la convention signée" }).click();

      // the amount shown is the API's: the scheme's share of the grant
      const detail = (await (
        await staff.request.get(`${server.url}/api/staff/applications/${id}`)
      ).json()) as { requests: { id: string; state: string }[] };
      const requestId = detail.requests.find((r) => r.state === "agreed")?.id;
      const due = (await (
        await staff.request.get(`${server.url}/api/staff/requests/${requestId}/payments`)
      ).json()) as { advanceCents: number };
      const written = formatMoney(due.advanceCents, "fr").replace(/\s/g, "\\s");
      const advanceForm = panel.getByRole("form", { name: "Versement de l'avance" });
      const confirmation = page.getByRole("alertdialog", { name: "Verser l'avance ?" });
      await advanceForm.getByRole("button", { name: "Enregistrer l'avance" }).click();
      await confirmation
        .getByText(new RegExp(`^Une avance de ${written} sera versée`))
        .waitFor(WAIT);
      expect(await axeViolations(page)).toEqual([]);
      // cancelled: nothing is paid, the form stays
      await confirmation.getByRole("button", { name: "Annuler" }).click();
      await confirmation.waitFor({ state: "hidden", ...WAIT });
      expect(await advanceForm.isVisible()).toBe(true);
      await advanceForm.getByRole("button", { name: "Enregistrer l'avance" }).click();
      await confirmation.getByRole("button", { name: "Confirmer" }).click();
      await expect
        .poll(() => panel.locator(".staff-request__status").textContent(), WAIT)
        .toMatch(new RegExp(`^Avance de ${written} enregistrée\\.$`));

      // the balance's confirmation says what remains from what was paid
      const balanceForm = panel.getByRole("form", { name: "Versement du solde" });
      await balanceForm.getByRole("button", { name: "Enregistrer le solde" }).click();
      const settle = page.getByRole("alertdialog", { name: "Solder la demande ?" });
      await settle.getByText(/^Un solde de .+ sera versé à l'étudiant/).waitFor(WAIT);
      await settle.getByText(new RegExp(`^Déjà versé\\s:\\s${written}\\.$`)).waitFor(WAIT);
      await page.screenshot({ path: join(SHOTS, "journey-staff-balance-confirm.png") });
      await settle.getByRole("button", { name: "Annuler" }).click();
      expect(errors).toEqual([]);
      await staff.close();
    });
  },
);
