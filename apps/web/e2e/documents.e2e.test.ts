import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launch } from "./browser.ts";
import { DEMO, frenchContext, signIn } from "./demo.ts";
import { hasChromium, ROOT, startServer } from "./server.ts";

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
const WAIT = { timeout: 30_000 };

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

describe.skipIf(!hasChromium)(
  "documents and next steps in Debian's Chromium (skipped without /usr/bin/chromium)",
  () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let browser: Browser;
    let files: string;
    let applicationId = "";
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      files = mkdtempSync(join(tmpdir(), "envol-documents-"));
      server = await startServer();
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (files) rmSync(files, { recursive: true, force: true });
    });

    it("the student's home page lists the next steps, and signing shows the agreement with its amounts", async () => {
      const context = await frenchContext(browser);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.url}/student`);
      await signIn(page, DEMO.student.email, DEMO.student.password);
      const steps = page.getByRole("region", { name: "Prochaines étapes" });
      const sign = steps.getByRole("link", { name: /^Signer la convention Erasmus\+ Europe/ });
      await sign.waitFor(WAIT);
      await steps
        .getByText(/^Solde Erasmus\+ Europe de .*, versé après le retour \(31 janvier 2027\)$/)
        .waitFor(WAIT);
      await page.getByRole("link", { name: "Nouvelle candidature" }).waitFor(WAIT);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, "student-next-steps-fr.png"), fullPage: true });

      await sign.click();
      await page.waitForURL(/\/student\/applications\/[^/?#]+$/, WAIT);
      applicationId = new URL(page.url()).pathname.split("/").pop() ?? "";
      const erasmus = page.getByRole("article", { name: "Erasmus+ Europe", exact: true });
      await erasmus.getByRole("button", { name: "Signer la convention" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText("Convention de subvention : Erasmus+ Europe").waitFor(WAIT);
      await dialog
        .getByText(/^Une avance de .* \(80 % de la bourse\) vous est versée/)
        .waitFor(WAIT);
      await dialog.getByText(/du 1er décembre 2026 au 31 janvier 2027/).waitFor(WAIT);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, "student-agreement-fr.png") });
      await dialog.getByRole("button", { name: "Signer la convention" }).click();
      await page
        .getByText(/Convention Erasmus\+ Europe signée/)
        .first()
        .waitFor(WAIT);
      expect(errors).toEqual([]);
      await context.close();
    });

    it("the office asks for a document, the student answers it, the office reviews it and the student can no longer delete it", async () => {
      expect(applicationId).not.toBe("");
      const office = await frenchContext(browser);
      const staffPage = await office.newPage();
      const errors: string[] = [];
      staffPage.on("pageerror", (e) => errors.push(String(e)));
      await staffPage.goto(`${server.url}/staff/applications/${applicationId}`);
      await signIn(staffPage, DEMO.staff.email, DEMO.staff.password);
      const documents = staffPage.getByRole("region", { name: "Pièces justificatives" });
      await documents.getByRole("heading", { name: "Manquantes avant le départ" }).waitFor(WAIT);
      await documents.getByRole("heading", { name: "Manquantes au retour" }).waitFor(WAIT);
      await documents.getByRole("listitem").filter({ hasText: /^RIB$/ }).first().waitFor(WAIT);
      const form = documents.getByRole("form", {
        name: "Demander une pièce au candidat ou à la candidate",
      });
      await form.getByLabel("Pièce").selectOption({ label: "RIB" });
      await form
        .getByLabel("Message au candidat ou à la candidate")
        .fill("Merci de déposer un RIB à votre nom.");
      await form.getByLabel("À fournir avant le").fill("2027-01-05");
      await form.getByRole("button", { name: "Envoyer la demande" }).click();
      await form.getByText("Demande envoyée par e-mail\u00a0: RIB.").waitFor(WAIT);
      await documents.getByText("en attente").waitFor(WAIT);
      expect(await axeViolations(staffPage)).toEqual([]);

      const student = await frenchContext(browser);
      const page = await student.newPage();
      await page.goto(`${server.url}/student/applications/${applicationId}`);
      await signIn(page, DEMO.student.email, DEMO.student.password);
      const asked = page.getByRole("heading", { name: "La DRI vous demande" });
      await asked.waitFor(WAIT);
      await page.getByText("Merci de déposer un RIB à votre nom.").waitFor(WAIT);
      const png = join(
        files,
        "releve-d-identite-bancaire-de-camille-martin-2026-version-definitive.png",
      );
      writeFileSync(png, PNG);
      const item = page.getByRole("article", { name: "RIB", exact: true });
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser", WAIT),
        item.getByRole("button", { name: "Ajouter un fichier" }).click(),
      ]);
      await chooser.setFiles(png);
      await item.getByText(/est envoyé/).waitFor(WAIT);
      await asked.waitFor({ state: "detached", ...WAIT });
      await item.getByRole("button", { name: /^Supprimer / }).waitFor(WAIT);
      expect(await axeViolations(page)).toEqual([]);
      await page
        .getByRole("region", { name: "Pièces à fournir" })
        .screenshot({ path: join(SHOTS, "student-documents-fr.png") });

      await staffPage.reload();
      await documents.getByText(/^reçue le/).waitFor(WAIT);
      await documents.getByRole("button", { name: /^Marquer examinée releve/ }).click();
      await documents.getByText(/^Examinée le/).waitFor(WAIT);
      expect(await axeViolations(staffPage)).toEqual([]);
      await documents.screenshot({ path: join(SHOTS, "staff-documents-fr.png") });

      await page.reload();
      await item.getByText("Examinée par la DRI").waitFor(WAIT);
      expect(await item.getByRole("button", { name: /^Supprimer / }).count()).toBe(0);
      expect(errors).toEqual([]);
      await office.close();
      await student.close();
    });
  },
);
