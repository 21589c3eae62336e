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
 * A teacher's stay (issue #14, ADR 016), the teacher and the office each in their own browser:
 * Claire Martin, the demo enseignante-chercheuse, simulates a teaching week at TU Berlin (5
 * days, 8 hours: erasmus-staff's 1 569 €, rulebook §10's first staff example), applies from the
 * simulation and uploads her mobility agreement; the office finds her request with the queue's
 * participant filter, approves it within erasmus-staff's envelope, reviews her certificate of
 * attendance and recalculates on the four days she actually taught; she sees the decision. axe
 * checks every page on the way. Screenshots in `e2e/screenshots/personnel-*.png`.
 */

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
const WAIT = { timeout: 30_000 };
const SCHEME = "Erasmus+ mobilité du personnel (Europe)";

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

/** `cents` as the page writes it in French, any space matching the page's no-break ones. */
const money = (cents: number) => written(formatMoney(cents, "fr")).source;

describe.skipIf(!hasChromium)(
  "a teacher's teaching stay and the office's decision in Debian's Chromium (skipped without /usr/bin/chromium)",
  () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let browser: Browser;
    let files: string;
    let teacher: BrowserContext;
    let teacherPage: Page;
    let office: BrowserContext;
    let officePage: Page;
    let applicationId = "";
    const errors: string[] = [];

    const upload = async (page: Page, item: RegExp, name: string) => {
      const path = join(files, name);
      writeFileSync(path, minimalPdf());
      const article = page.getByRole("article", { name: item });
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser", WAIT),
        article.getByRole("button", { name: "Ajouter un fichier" }).click(),
      ]);
      await chooser.setFiles(path);
      await article.getByText(new RegExp(`${name.replace(".", "\\.")} est envoyé`)).waitFor(WAIT);
    };

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      files = mkdtempSync(join(tmpdir(), "envol-personnel-"));
      server = await startServer();
      browser = await launch();
      teacher = await frenchContext(browser);
      teacherPage = await teacher.newPage();
      teacherPage.on("pageerror", (e) => errors.push(String(e)));
      office = await frenchContext(browser);
      officePage = await office.newPage();
      officePage.on("pageerror", (e) => errors.push(String(e)));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (files) rmSync(files, { recursive: true, force: true });
    });

    it("the teacher simulates a teaching week at TU Berlin and sees erasmus-staff's 1 569 €", async () => {
      const page = teacherPage;
      // no smooth scrolling: a scroll would close a list of suggestions as it opens
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.goto(`${server.url}/`);
      await page
        .getByRole("group", { name: /^Qui part/ })
        .getByRole("radio", { name: "Personnel" })
        .check();
      await page.getByRole("radio", { name: "Un partenaire de l'école" }).check();
      const partner = page.getByRole("combobox", { name: "Établissement partenaire" });
      await partner.evaluate((input) => input.scrollIntoView({ block: "center" }));
      // a partner is found by its short name too, not only by its full name
      await partner.fill("CVUT");
      await page
        .getByRole("option", { name: /^Czech Technical University in Prague/ })
        .waitFor(WAIT);
      await partner.fill("Berlin");
      await page
        .getByRole("option", { name: /^Technische Universität Berlin/ })
        .first()
        .click();
      await page.getByLabel("Premier jour du séjour").fill("2027-03-08");
      await page.getByLabel("Dernier jour du séjour").fill("2027-03-12");
      await page
        .getByRole("group", { name: "Activité pendant le séjour" })
        .getByRole("radio", { name: "Enseignement" })
        .check();
      // a member of the personnel's hints: activity days, not a student's funded months. The
      // form's only: the results, computed 350 ms after the last answer, may still name the
      // students' schemes of an answer before (BRAFITEC among them, before the partner was known)
      const form = page.getByRole("form");
      await form
        .getByText("Les jours d'activité se comptent du premier au dernier jour, inclus.")
        .waitFor(WAIT);
      await form.getByText(/Votre premier jour d'activité/).waitFor(WAIT);
      for (const student of [/mois de 30 jours/, /FITEC/, /votre accord ou votre convention/])
        expect(await form.getByText(student).count()).toBe(0);
      await page.getByRole("button", { name: "Continuer vers votre situation" }).click();
      await page
        .getByRole("group", { name: "Votre fonction à l'école" })
        .getByRole("radio", { name: "Personnel enseignant" })
        .check();
      const hours = page.getByRole("textbox", { name: "Heures d'enseignement pendant le séjour" });
      // the hours unanswered: the live announcement says what the plan shows, "up to", and
      // counts the grant waiting for that answer as possible (it said 0 € and 0 grants)
      const live = page.locator("#results p.visually-hidden[role=status]");
      await expect
        .poll(() => live.textContent(), WAIT)
        .toMatch(/meilleure combinaison jusqu'à .+, aides possibles\s:\s[1-9]/);
      // a number out of range stays as typed, refused next to the field, never erased nor clamped
      for (const typed of ["-3", "500"]) {
        await hours.fill(typed);
        await hours.blur();
        await page.getByText("Indiquez un nombre d'heures entre 0 et 480.").waitFor(WAIT);
        expect(await hours.inputValue()).toBe(typed);
      }
      // letters, or a point in French, are refused as they are typed (React Aria's NumberField,
      // as in every number question): the answer given stays, never erased
      await hours.fill("8");
      await hours.blur();
      for (const typed of ["abc", "8.5"]) {
        await hours.fill(typed);
        await hours.blur();
        expect(await hours.inputValue()).toBe("8");
      }
      // a decimal comma is French for 8.5
      await hours.fill("8,5");
      await hours.blur();
      await expect
        .poll(() => page.getByText("Indiquez un nombre d'heures entre 0 et 480.").count())
        .toBe(0);
      expect(await hours.inputValue()).toBe("8,5");
      await hours.fill("8");
      await hours.blur();
      await page
        .getByRole("group", { name: /^Voyagerez-vous bas carbone/ })
        .getByRole("radio", { name: "Non", exact: true })
        .check();

      await page
        .getByText(new RegExp(`^${money(156_900)} acquis avec ces réponses$`))
        .waitFor(WAIT);
      const card = page.getByRole("article", { name: SCHEME, exact: true });
      await card
        .getByText(new RegExp(money(156_900)))
        .first()
        .waitFor(WAIT);
      // the stay's length as a member of the personnel's: activity days, both ends included
      await page.getByText(/durée de l'activité 5\sjours/).waitFor(WAIT);
      expect(await page.getByText(/durée financée/).count()).toBe(0);
      // a teacher is shown no student scheme's card
      expect(
        await page.getByRole("article", { name: "Erasmus+ Europe", exact: true }).count(),
      ).toBe(0);
      await page.screenshot({ path: join(SHOTS, "personnel-simulator-fr.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
    });

    it("she applies from the simulation, uploads her mobility agreement and sends her request", async () => {
      const page = teacherPage;
      await page.getByRole("link", { name: "Candidater avec ces réponses" }).click();
      await page.waitForURL(/\/student\/apply\?s=/, WAIT);
      await page.getByRole("heading", { level: 1 }).waitFor(WAIT);
      expect(await axeViolations(page)).toEqual([]);
      await signIn(page, DEMO.personnel.email, DEMO.personnel.password);

      const create = page.getByRole("button", { name: "Créer ma candidature" });
      await create.waitFor(WAIT);
      // her answers read back as a member of the personnel's, and only the personnel's grants
      await page.getByText("Votre fonction à l'école").first().waitFor(WAIT);
      await page.getByText("Personnel enseignant").first().waitFor(WAIT);
      expect(await page.getByText("Erasmus+ Europe", { exact: true }).count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, "personnel-apply-fr.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await create.click();
      await page.getByRole("heading", { level: 2, name: "Pièces à fournir" }).waitFor(WAIT);
      applicationId = new URL(page.url()).pathname.split("/").pop() ?? "";
      expect(page.url()).toMatch(/\/student\/applications\/[^/?#]+$/);

      await upload(
        page,
        /Programme d'enseignement \(Mobility Agreement for Teaching\)/,
        "mobility-agreement.pdf",
      );
      const request = page.getByRole("article", { name: SCHEME, exact: true });
      await request.getByRole("button", { name: "Envoyer à la DRI" }).click();
      await page
        .getByText(new RegExp(`Demande ${SCHEME.replace(/[+()]/g, "\\$&")} envoyée à la DRI`))
        .first()
        .waitFor(WAIT);
      await page.screenshot({ path: join(SHOTS, "personnel-applied-fr.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
    });

    it("the office finds it with the participant filter and approves it within erasmus-staff's envelope", async () => {
      expect(applicationId).not.toBe("");
      const page = officePage;
      await page.goto(`${server.url}/staff/queue`);
      await page.getByRole("heading", { level: 1 }).waitFor(WAIT);
      await signIn(page, DEMO.staff.email, DEMO.staff.password);
      await page.locator("table tbody tr").first().waitFor(WAIT);
      await page.getByLabel("Qui part").selectOption("personnel");
      await page.waitForURL(/[?&]participant=personnel/, WAIT);
      const rows = page.locator("table tbody tr");
      await expect
        .poll(async () => (await rows.allInnerTexts()).every((r) => r.includes("Personnel")), WAIT)
        .toBe(true);
      const row = rows.filter({ has: page.getByRole("link", { name: "Claire Martin" }) });
      expect(await row.count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, "personnel-queue-fr.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${server.url}/staff/applications/${applicationId}`);
      const situation = page.getByRole("region", { name: "Situation déclarée" });
      // the simulator's word for who goes, the same in the office
      await situation.getByText("Personnel", { exact: true }).waitFor(WAIT);
      await situation.getByText("8 heures").waitFor(WAIT);
      // words that fit a member of the personnel as well as a student
      await page.getByRole("heading", { name: "Candidat ou candidate" }).waitFor(WAIT);
      await page
        .getByText("Le candidat ou la candidate n'a pas d'autre candidature sur ces dates.")
        .waitFor(WAIT);
      await page
        .getByRole("form", { name: "Demander une pièce au candidat ou à la candidate" })
        .waitFor(WAIT);
      expect(await page.getByText(/l'étudiant|Étudiant ou étudiante/).count()).toBe(0);
      // her eligibility lists the personnel's schemes; the students' are named in one line
      const eligibility = page.getByRole("region", { name: "Éligibilité aujourd'hui" });
      await eligibility.getByRole("article", { name: SCHEME, exact: true }).waitFor(WAIT);
      expect(
        await eligibility.getByRole("article", { name: "Erasmus+ Europe", exact: true }).count(),
      ).toBe(0);
      await eligibility.getByText(/^Non affichées\s:\s.*Erasmus\+ Europe/).waitFor(WAIT);
      const panel = page.getByRole("article", { name: SCHEME, exact: true });
      const decision = panel.getByRole("form", { name: /Décision/ });
      await decision.getByLabel("Commencer l'instruction", { exact: true }).check();
      await decision.getByRole("button", { name: "Commencer l'instruction" }).click();
      await expect
        .poll(() => panel.getByRole("status").first().textContent(), WAIT)
        .toMatch(/maintenant\s«\sEn instruction\s»/);
      await decision.getByLabel("Accorder", { exact: true }).check();
      await decision.getByText(/^Estimation du dispositif aujourd'hui/).waitFor(WAIT);
      // the scheme's estimate, the amount proposed: within erasmus-staff's envelope
      expect(await decision.getByLabel("Montant accordé").inputValue()).toMatch(/^1\s569,00\s€$/);
      await decision
        .getByRole("button", { name: new RegExp(`^Accorder ${money(156_900)}$`) })
        .click();
      await expect
        .poll(() => panel.getByRole("status").first().textContent(), WAIT)
        .toMatch(/maintenant\s«\sAccordée\s»/);
      await page.screenshot({ path: join(SHOTS, "personnel-approved-fr.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
    });

    it("after her stay, the office reviews her certificate of attendance and recalculates on the four days taught", async () => {
      // back from Berlin a day early: she uploads the host's certificate of attendance
      await teacherPage.goto(`${server.url}/student/applications/${applicationId}`);
      await upload(
        teacherPage,
        /Attestation de présence de l'établissement d'accueil/,
        "attestation-presence.pdf",
      );

      const page = officePage;
      await page.reload();
      const documents = page.getByRole("region", { name: "Pièces justificatives" });
      await documents
        .getByRole("button", { name: "Marquer examinée attestation-presence.pdf" })
        .click();
      await documents
        .getByText(/^Examinée le/)
        .first()
        .waitFor(WAIT);

      const panel = page.getByRole("article", { name: SCHEME, exact: true });
      await panel.getByText("Recalculer sur les dates réelles", { exact: true }).click();
      const form = panel.getByRole("form", { name: "Recalculer sur les dates réelles" });
      await form.getByLabel("Dernier jour réel").fill("2027-03-11");
      // the hours the certificate gives, in place of the 8 stated when applying
      await form
        .getByText(/laissées vides, les 8 heures déclarées à la candidature comptent/)
        .waitFor(WAIT);
      await form.getByLabel("Heures d'enseignement effectuées").fill("16");
      const [answered] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/recalculation"), WAIT),
        form.getByRole("button", { name: "Recalculer" }).click(),
      ]);
      expect(answered.status(), await answered.text()).toBe(200);
      expect(answered.request().postDataJSON()).toMatchObject({
        actualStart: "2027-03-08",
        actualEnd: "2027-03-11",
        actualTeachingHours: 16,
      });
      const result = (await answered.json()) as { previousCents: number; approvedCents: number };
      // four days of activity instead of five: one daily rate (180 €) less
      expect(result).toMatchObject({ previousCents: 156_900, approvedCents: 138_900 });
      await form
        .getByText(
          new RegExp(`^Subvention\\s:\\s${money(156_900)} avant, ${money(138_900)} après\\.`),
        )
        .waitFor(WAIT);
      await page.screenshot({ path: join(SHOTS, "personnel-recalculated-fr.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);

      // the hours recorded are those in use: the summary gives them, and the form says that an
      // empty field keeps them (the API does), not the 8 stated when applying
      await page.reload();
      await page
        .getByRole("region", { name: "Situation déclarée" })
        .getByText("16 heures (attestation)")
        .waitFor(WAIT);
      await panel.getByText("Recalculer sur les dates réelles", { exact: true }).click();
      await form
        .getByText(
          /laissées vides, les 16 heures enregistrées au dernier recalcul restent retenues/,
        )
        .waitFor(WAIT);
    });

    it("the teacher sees the decision", async () => {
      const page = teacherPage;
      await page.reload();
      const card = page.getByRole("article", { name: SCHEME, exact: true });
      await expect
        .poll(() => card.locator(".state").first().textContent(), WAIT)
        .toMatch(/Accordée$/);
      const history = page.getByRole("region", { name: "Historique" });
      await history.getByText("Demande accordée").first().waitFor(WAIT);
      // the actual dates the office recorded, and the amount approved rather than today's "up to"
      await page.getByText(/au 11 mars 2027 \(dates réelles\)/).waitFor(WAIT);
      const eligibility = page.getByRole("region", { name: "Éligibilité aujourd'hui" });
      await eligibility.getByText(new RegExp(`Montant accordé ${money(138_900)}`)).waitFor(WAIT);
      expect(await eligibility.getByText(/^Jusqu'à /).count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, "personnel-decision-fr.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);

      // her next steps date the balance by the actual end, not the planned 12 March
      await page.goto(`${server.url}/student`);
      const next = page.getByRole("region", { name: "Prochaines étapes" });
      await next.getByText(/versé après le retour \(11 mars 2027\)/).waitFor(WAIT);
      await page
        .getByText(/au 11 mars 2027 \(dates réelles\)/)
        .first()
        .waitFor(WAIT);
    });

    it("on another browser, her new application starts as the personnel's, and a student's answers say why they cannot be hers", async () => {
      const context = await frenchContext(browser);
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.url}/student`);
      await signIn(page, DEMO.personnel.email, DEMO.personnel.password);
      // no draft in this browser: the simulator opens on her account's participant
      await page.getByRole("link", { name: "Nouvelle candidature" }).first().click();
      await page.waitForURL((url) => url.pathname === "/", WAIT);
      const who = page.getByRole("group", { name: /^Qui part/ });
      await expect
        .poll(() => who.getByRole("radio", { name: "Personnel" }).isChecked(), WAIT)
        .toBe(true);
      await page.getByRole("group", { name: "Activité pendant le séjour" }).waitFor(WAIT);

      // a student's answers (a link made before choosing "Personnel"): a plain sentence, no grant
      await page.goto(`${server.url}/student/apply?s=${encodeSituation(EXAMPLE)}`);
      await page
        .getByText(/Ces réponses sont celles d'un étudiant ou d'une étudiante/)
        .waitFor(WAIT);
      expect(await page.getByRole("button", { name: "Créer ma candidature" }).count()).toBe(0);
      await page
        .getByRole("link", { name: "Modifier ces réponses dans le simulateur" })
        .waitFor(WAIT);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
      expect(errors).toEqual([]);
    });
  },
);
