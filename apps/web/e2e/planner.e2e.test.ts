import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { addDays, type IsoDate } from "@envol/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSituation } from "../src/simulator/situation-link.ts";
import { axeViolations, launch } from "./browser.ts";
import { contextIn, DEMO, EXAMPLE, signIn } from "./demo.ts";
import { hasChromium, ROOT, startServer } from "./server.ts";

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
const WAIT = { timeout: 30_000 };
const YEAR = "2026-2027";
const IDF_FR = "Bourse Mobilité Île-de-France";
const IDF_EN = "Île-de-France mobility grant";

const todayInParis = (): IsoDate =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

/** Sends the IDF request of the application open in `page` (French). */
const sendIdf = async (page: Page) => {
  const card = page.getByRole("article", { name: IDF_FR, exact: true });
  await card.getByRole("button", { name: "Envoyer à la DRI" }).click();
  await page
    .getByText(/Demande Bourse Mobilité Île-de-France envoyée à la DRI/)
    .first()
    .waitFor(WAIT);
  return card;
};

describe.skipIf(!hasChromium)(
  "a call ranked, its what-if at 400 € a month saved, its allocation applied, a student's rank explained, in Debian's Chromium (skipped without /usr/bin/chromium)",
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

    it("open, apply, close, propose, what-if, save, apply, and the student reads their rank", async () => {
      const today = todayInParis();
      const opens = addDays(today, -30);
      const later = addDays(today, 30);
      const yesterday = addDays(today, -1);

      // the office, in English, opens the IDF call of the year
      const staffContext = await contextIn(browser, "en");
      const staff = await staffContext.newPage();
      const staffErrors: string[] = [];
      staff.on("pageerror", (e) => staffErrors.push(String(e)));
      await staff.goto(`${server.url}/staff/calls?academicYear=${YEAR}`);
      await signIn(staff, DEMO.staff.email, DEMO.staff.password);
      await staff.getByRole("heading", { level: 1, name: "Calls for applications" }).waitFor(WAIT);
      const row = staff.getByRole("row", { name: new RegExp(`^${IDF_EN}`) });
      await row.getByRole("button", { name: /^Open the call/ }).click();
      const form = staff.getByRole("dialog", { name: `${IDF_EN} call, ${YEAR}` });
      await form.getByLabel("Opens on").fill(opens);
      await form.getByLabel("Closes on").fill(later);
      await form.getByRole("button", { name: "Save" }).click();
      await form.waitFor({ state: "detached", ...WAIT });
      await row.getByText("Open", { exact: true }).waitFor(WAIT);

      // the demo student (the only one with a password; her McGill internship overlaps this stay,
      // which IDF refuses) applies under it; her earlier IDF request, under review, is ranked too
      const studentContext = await contextIn(browser, "fr");
      const student = await studentContext.newPage();
      const studentErrors: string[] = [];
      student.on("pageerror", (e) => studentErrors.push(String(e)));
      await student.goto(`${server.url}/student/apply?s=${encodeSituation(EXAMPLE)}`);
      await student.getByRole("heading", { level: 1 }).waitFor(WAIT);
      await signIn(student, DEMO.student.email, DEMO.student.password);
      await student.getByRole("button", { name: "Créer ma candidature" }).click();
      await student.getByRole("article", { name: IDF_FR, exact: true }).waitFor(WAIT);
      const exampleUrl = student.url();
      await sendIdf(student);

      // the call closes: the office moves its end to yesterday (confirmed: it is open)
      await row.getByRole("button", { name: /^Change the call/ }).click();
      await form.getByLabel("Closes on").fill(yesterday);
      await form.getByRole("button", { name: "Save" }).click();
      const confirm = staff.getByRole("alertdialog", { name: "Change an open call?" });
      await confirm.getByRole("button", { name: "Save the change" }).click();
      await confirm.waitFor({ state: "detached", ...WAIT });
      await row.getByText("Closed", { exact: true }).waitFor(WAIT);

      // the planner, from the call's row: the rules in order, then "Propose"
      await row.getByRole("link", { name: /^Plan the allocation/ }).click();
      await staff.getByRole("heading", { level: 1, name: "Planner" }).waitFor(WAIT);
      const ranking = staff.getByRole("region", { name: `Ranked allocation — ${IDF_EN}, ${YEAR}` });
      await ranking.getByText("No allocation proposed yet for this call.").waitFor(WAIT);
      await ranking
        .getByRole("button", { name: "Remove — Quotient familial (lowest first)" })
        .click();
      await ranking.getByLabel("Rule to add").selectOption("first-mobility");
      await ranking.getByRole("button", { name: "Add", exact: true }).click();
      await ranking.getByRole("button", { name: "Propose" }).click();
      const table = ranking.getByRole("table", { name: new RegExp(`^Requests of ${IDF_EN}`) });
      await table.waitFor(WAIT);
      const rows = table.getByRole("row");
      const ranked = (await rows.count()) - 1;
      expect(ranked).toBeGreaterThanOrEqual(2);
      await table
        .getByRole("cell", { name: new RegExp(`^1st of ${ranked}`) })
        .first()
        .waitFor(WAIT);
      expect(await axeViolations(staff)).toEqual([]);
      await staff.screenshot({ path: join(SHOTS, "staff-planner-ranked-en.png"), fullPage: true });
      // the CSV link downloads the same ranking with the session's cookie
      const csvHref = await ranking
        .getByRole("link", { name: "Download the allocation (CSV)" })
        .getAttribute("href");
      expect(csvHref).toBe(`/api/staff/calls/idf/${YEAR}/allocation.csv`);
      const csv = await staff.request.get(`${server.url}${csvHref}`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
      expect((await csv.text()).split("\n").filter((l) => l.trim() !== "")).toHaveLength(
        ranked + 1,
      );

      // a move by hand needs a reason: the API's words under the field
      const lastRow = rows.nth(ranked);
      await lastRow.getByRole("button", { name: /^(Fund|To the waitlist) — / }).click();
      const move = staff.getByRole("dialog", { name: /by hand$/ });
      await move.getByRole("button", { name: "Move and propose again" }).click();
      const reason = move.getByLabel("Reason");
      await expect.poll(() => reason.getAttribute("aria-invalid"), WAIT).toBe("true");
      expect(await axeViolations(staff)).toEqual([]);
      await move.getByRole("button", { name: "Cancel" }).click();
      await move.waitFor({ state: "detached", ...WAIT });

      // what if the monthly rate were 400 €: progress, then the scenario beside today's figures
      const whatIf = staff.getByRole("region", { name: `What if — ${IDF_EN}, ${YEAR}` });
      // every value the progress bar announces, however fast the stream is
      await staff.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { progressSeen: string[] }).progressSeen = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('[role="progressbar"]');
          const now = bar?.getAttribute("aria-valuenow");
          if (now != null && seen.at(-1) !== now) seen.push(now);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await whatIf.getByLabel("Monthly rate (€)").fill("400");
      await whatIf.getByRole("button", { name: "Run" }).click();
      const compare = whatIf.getByRole("table", { name: "Today's figures and each scenario" });
      await compare.getByRole("rowheader", { name: "Scenario 1" }).waitFor(WAIT);
      await compare.getByRole("cell", { name: /^Monthly rate €400(\.00)?$/ }).waitFor(WAIT);
      const seen = await staff.evaluate(
        () => (window as unknown as { progressSeen: string[] }).progressSeen,
      );
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((v) => Number(v) >= 0 && Number(v) <= 100)).toBe(true);
      // a second run with a smaller envelope, kept beside the first: a request leaves
      await whatIf.getByLabel("Envelope (€)").fill("2500");
      await whatIf.getByRole("button", { name: "Run" }).click();
      const second = compare.getByRole("row", { name: /^Scenario 2/ });
      await second.waitFor(WAIT);
      expect(await compare.getByRole("row").count()).toBe(4);
      expect(await second.getByRole("cell").last().textContent()).toBe("1");
      await whatIf.getByRole("cell", { name: "Leaves", exact: true }).waitFor(WAIT);
      await whatIf.getByRole("img", { name: /Demand against the envelope/ }).waitFor(WAIT);
      expect(await axeViolations(staff)).toEqual([]);
      await staff.screenshot({ path: join(SHOTS, "staff-planner-what-if-en.png"), fullPage: true });

      // saved as the options from a day of this academic year: the date starts at the
      // what-if's, and a missing date and reason are named before any confirmation, the first
      // one focused
      await whatIf.getByRole("button", { name: "Save as the new options" }).click();
      const save = staff.getByRole("dialog", { name: `New ${IDF_EN} options` });
      expect(await save.getByLabel("From").inputValue()).toBe(
        await whatIf.getByLabel("From").inputValue(),
      );
      await save.getByLabel("From").fill("");
      await save.getByRole("button", { name: "Save", exact: true }).click();
      await expect
        .poll(() => save.getByLabel("From").getAttribute("aria-invalid"), WAIT)
        .toBe("true");
      expect(await save.getByLabel("Reason").getAttribute("aria-invalid")).toBe("true");
      await expect
        .poll(() => save.getByLabel("From").evaluate((el) => el === document.activeElement), WAIT)
        .toBe(true);
      const sure = staff.getByRole("alertdialog", { name: "Save the new options?" });
      expect(await sure.count()).toBe(0);
      expect(await axeViolations(staff)).toEqual([]);
      await save.getByLabel("Reason").fill("Vote of the board, 400 € a month");
      await save.getByLabel("From").fill(`${YEAR.slice(0, 4)}-09-01`);
      await save.getByRole("button", { name: "Save", exact: true }).click();
      await sure.getByText(/Decisions already taken keep their figures\.$/).waitFor(WAIT);
      expect(await axeViolations(staff)).toEqual([]);
      await sure.getByRole("button", { name: "Save the options" }).click();
      await sure.waitFor({ state: "detached", ...WAIT });
      await whatIf.getByText(/^New Île-de-France mobility grant options saved/).waitFor(WAIT);

      // the proposal was made at 450 € a month: applying it now is refused in the API's words
      // (its amounts are no longer today's), nothing applied
      await ranking.getByRole("button", { name: "Apply" }).click();
      const apply = staff.getByRole("alertdialog", {
        name: `Apply the ${IDF_EN} ${YEAR} allocation?`,
      });
      await apply.getByRole("button", { name: "Apply" }).click();
      await apply
        .getByRole("alert")
        .filter({ hasText: /nothing is applied, propose the allocation again/ })
        .waitFor(WAIT);
      expect(await axeViolations(staff)).toEqual([]);
      await staff.screenshot({ path: join(SHOTS, "staff-planner-apply-refused-en.png") });
      await apply.getByRole("button", { name: "Cancel" }).click();
      await apply.waitFor({ state: "detached", ...WAIT });

      // proposed again: the amounts at 400 € a month (2 000 € for the five months)
      await ranking.getByRole("button", { name: "Propose" }).click();
      await ranking.getByText("Proposal no. 2 of", { exact: false }).waitFor(WAIT);
      await table.getByRole("cell", { name: "€2,000", exact: true }).waitFor(WAIT);

      // apply: the confirmation says how many, for what total, within which envelope
      await ranking.getByRole("button", { name: "Apply" }).click();
      await apply
        .getByText(/will be approved for a total of .* within an envelope of /)
        .waitFor(WAIT);
      expect(await axeViolations(staff)).toEqual([]);
      await staff.screenshot({ path: join(SHOTS, "staff-planner-apply-en.png") });
      await apply.getByRole("button", { name: "Apply" }).click();
      await apply.waitFor({ state: "detached", ...WAIT });
      await ranking.getByText(/^Allocation applied: /).waitFor(WAIT);
      // the focus is on what was done, not lost on <body> with the dialog's button
      await expect
        .poll(() => staff.evaluate(() => document.activeElement?.textContent ?? ""), WAIT)
        .toMatch(/^Allocation applied: /);
      await ranking.getByText(/: read only\.$/).waitFor(WAIT);
      expect(await ranking.getByRole("button", { name: "Propose" }).count()).toBe(0);
      expect(await axeViolations(staff)).toEqual([]);

      // the planner in French: the applied allocation's words, the explanations in French
      await staff.getByRole("button", { name: "Français" }).click();
      await staff.getByRole("heading", { level: 1, name: "Planification" }).waitFor(WAIT);
      await staff.getByText(/^Appliquée le .*\s: lecture seule\.$/).waitFor(WAIT);
      await staff.getByRole("cell", { name: new RegExp(`^1er sur ${ranked}\\s: `) }).waitFor(WAIT);
      expect(await axeViolations(staff)).toEqual([]);
      await staff.screenshot({ path: join(SHOTS, "staff-planner-applied-fr.png"), fullPage: true });

      // the student reads her rank, explained in French
      await student.goto(exampleUrl);
      const card = student.getByRole("article", { name: IDF_FR, exact: true });
      await card.getByRole("heading", { name: "Votre rang dans l'attribution" }).waitFor(WAIT);
      const explained = await card.locator(".request__standing p").textContent();
      expect(explained).toMatch(new RegExp(`^\\d+(er|e) sur ${ranked}`));
      expect(await axeViolations(student)).toEqual([]);
      await student.screenshot({ path: join(SHOTS, "student-standing-fr.png"), fullPage: true });

      expect(staffErrors).toEqual([]);
      expect(studentErrors).toEqual([]);
      await staffContext.close();
      await studentContext.close();
    });
  },
);
