import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { addDays, formatLongDate, type IsoDate } from "@envol/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSituation } from "../src/simulator/situation-link.ts";
import { axeViolations, launch } from "./browser.ts";
import { contextIn, DEMO, EXAMPLE, signIn, written } from "./demo.ts";
import { hasChromium, ROOT, startServer } from "./server.ts";

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
const WAIT = { timeout: 30_000 };

/** Today in Paris, the API's day for the calls' windows. */
const todayInParis = (): IsoDate =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

/** The first worked example's stay starts in February 2027: its application is of 2026-2027. */
const YEAR = "2026-2027";

describe.skipIf(!hasChromium)(
  "the office's call for applications and a student's request under it, in Debian's Chromium (skipped without /usr/bin/chromium)",
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

    it("a call closed yesterday refuses the student's request with its dates; once it includes today, the student sends it", async () => {
      const today = todayInParis();
      const opens = addDays(today, -30);
      const yesterday = addDays(today, -1);
      const later = addDays(today, 30);

      // the student prepares an application in French: a draft Erasmus+ request, no call yet
      const studentContext = await contextIn(browser, "fr");
      const student = await studentContext.newPage();
      const studentErrors: string[] = [];
      student.on("pageerror", (e) => studentErrors.push(String(e)));
      await student.goto(`${server.url}/student/apply?s=${encodeSituation(EXAMPLE)}`);
      await student.getByRole("heading", { level: 1 }).waitFor(WAIT);
      await signIn(student, DEMO.student.email, DEMO.student.password);
      const create = student.getByRole("button", { name: "Créer ma candidature" });
      await create.waitFor(WAIT);
      await create.click();
      const card = student.getByRole("article", { name: "Erasmus+ Europe", exact: true });
      const send = card.getByRole("button", { name: "Envoyer à la DRI" });
      await send.waitFor(WAIT);
      const applicationUrl = student.url();

      // the office, in English, opens the Erasmus+ call of the year
      const staffContext = await contextIn(browser, "en");
      const staff = await staffContext.newPage();
      const staffErrors: string[] = [];
      staff.on("pageerror", (e) => staffErrors.push(String(e)));
      await staff.goto(`${server.url}/staff/calls?academicYear=${YEAR}`);
      await signIn(staff, DEMO.staff.email, DEMO.staff.password);
      await staff.getByRole("heading", { level: 1, name: "Calls for applications" }).waitFor(WAIT);
      const row = staff.getByRole("row", { name: /^Erasmus\+ Europe/ });
      await row.getByRole("cell", { name: "No call", exact: true }).first().waitFor(WAIT);
      expect(await axeViolations(staff)).toEqual([]);
      await staff.screenshot({ path: join(SHOTS, "staff-calls-en.png"), fullPage: true });

      await row.getByRole("button", { name: /^Open the call/ }).click();
      const form = staff.getByRole("dialog", { name: `Erasmus+ Europe call, ${YEAR}` });
      await form.waitFor(WAIT);
      // a window that closes before it opens: the API's words beside "Closes on"
      await form.getByLabel("Opens on").fill(opens);
      await form.getByLabel("Closes on").fill(addDays(opens, -1));
      await form.getByRole("button", { name: "Save" }).click();
      await form.getByText("The call must close on or after the day it opens.").waitFor(WAIT);
      expect(
        await form
          .getByLabel("Closes on")
          .evaluate(
            (el) =>
              document.getElementById(el.getAttribute("aria-describedby")?.split(" ").at(-1) ?? "")
                ?.textContent,
          ),
      ).toBe("The call must close on or after the day it opens.");
      expect(await axeViolations(staff)).toEqual([]);
      await staff.screenshot({ path: join(SHOTS, "staff-calls-error-en.png") });

      // closed since yesterday
      await form.getByLabel("Closes on").fill(yesterday);
      await form.getByRole("button", { name: "Save" }).click();
      await form.waitFor({ state: "detached", ...WAIT });
      await staff
        .getByText(
          `Erasmus+ Europe ${YEAR} call open from ${formatLongDate(opens, "en")} to ${formatLongDate(yesterday, "en")}.`,
        )
        .waitFor(WAIT);
      await row.getByText("Closed", { exact: true }).waitFor(WAIT);
      // on a 1366 px desktop the table, with its dates and both actions, fits its box
      await staff.setViewportSize({ width: 1366, height: 768 });
      const widths = await staff
        .locator(".staff-table-scroll > table")
        .evaluate((table) => [table.scrollWidth, table.parentElement?.clientWidth ?? 0]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);

      // the student's page was open before: sending is refused, the API's dates shown, the
      // request kept as a draft, and the card then says the call is closed without the button
      await send.click();
      const closedWords = written(
        `L'appel à candidatures Erasmus+ Europe ${YEAR} était ouvert du ${formatLongDate(opens, "fr")} au ${formatLongDate(yesterday, "fr")} ; il est clos.`,
      );
      await card.getByRole("alert").filter({ hasText: closedWords }).waitFor(WAIT);
      await card
        .locator(".notice--warning")
        .filter({ hasText: /il est clos et la demande ne peut plus être envoyée/ })
        .waitFor(WAIT);
      await send.waitFor({ state: "detached", ...WAIT });
      await card.locator(".state").filter({ hasText: "Brouillon" }).waitFor(WAIT);
      expect(await axeViolations(student)).toEqual([]);
      await student.screenshot({ path: join(SHOTS, "student-call-closed-fr.png"), fullPage: true });

      // read afresh: the dates said, no button
      await student.goto(applicationUrl);
      await card
        .getByText(
          written(
            `L'appel à candidatures Erasmus+ Europe ${YEAR} était ouvert du ${formatLongDate(opens, "fr")} au ${formatLongDate(yesterday, "fr")} ; il est clos et la demande ne peut plus être envoyée.`,
          ),
        )
        .waitFor(WAIT);
      expect(await card.getByRole("button", { name: "Envoyer à la DRI" }).count()).toBe(0);
      // nor the draft's "send it whenever you wish" just above "it is closed"
      expect(await card.getByText(/quand vous le souhaitez/).count()).toBe(0);

      // the office moves the end to include today: the call was closed, saved without a question
      await row.getByRole("button", { name: /^Change the call/ }).click();
      await form.waitFor(WAIT);
      expect(await form.getByLabel("Closes on").inputValue()).toBe(yesterday);
      await form.getByLabel("Closes on").fill(later);
      await form.getByRole("button", { name: "Save" }).click();
      await form.waitFor({ state: "detached", ...WAIT });
      await staff
        .getByText(
          `Erasmus+ Europe ${YEAR} call changed: ${formatLongDate(opens, "en")} to ${formatLongDate(later, "en")}.`,
        )
        .waitFor(WAIT);
      await row.getByText("Open", { exact: true }).waitFor(WAIT);

      // changing it now that it is open asks first; "back" keeps the form as it was typed
      await row.getByRole("button", { name: /^Change the call/ }).click();
      await form.waitFor(WAIT);
      await form.getByLabel(/^Deadline of the documents before departure/).fill(later);
      await form.getByRole("button", { name: "Save" }).click();
      const confirm = staff.getByRole("alertdialog", { name: "Change an open call?" });
      await confirm
        .getByText(/^The Erasmus\+ Europe 2026-2027 call is open: students are applying now\./)
        .waitFor(WAIT);
      expect(await axeViolations(staff)).toEqual([]);
      await staff.screenshot({ path: join(SHOTS, "staff-calls-confirm-en.png") });
      await confirm.getByRole("button", { name: "Back to the form" }).click();
      await form.waitFor(WAIT);
      expect(
        await form.getByLabel(/^Deadline of the documents before departure/).inputValue(),
      ).toBe(later);
      await form.getByRole("button", { name: "Save" }).click();
      await confirm.getByRole("button", { name: "Save the change" }).click();
      await confirm.waitFor({ state: "detached", ...WAIT });
      await staff.getByText(/^Erasmus\+ Europe 2026-2027 call changed: /).waitFor(WAIT);
      await row.getByRole("cell", { name: formatLongDate(later, "en"), exact: true }).waitFor(WAIT);
      expect(await axeViolations(staff)).toEqual([]);

      // the student now sees the window and sends the request
      await student.goto(applicationUrl);
      await card
        .getByText(
          written(
            `Appel à candidatures ouvert du ${formatLongDate(opens, "fr")} au ${formatLongDate(later, "fr")} : envoyez votre demande d'ici là.`,
          ),
        )
        .waitFor(WAIT);
      await card.getByRole("button", { name: "Envoyer à la DRI" }).click();
      await student
        .getByText(/Demande Erasmus\+ Europe envoyée à la DRI/)
        .first()
        .waitFor(WAIT);
      expect(await axeViolations(student)).toEqual([]);

      // the calls page in French too: its words, the open call's state, nothing for axe
      await staff.getByRole("button", { name: "Français" }).click();
      await staff.getByRole("heading", { level: 1, name: "Appels à candidatures" }).waitFor(WAIT);
      await row.getByText("Ouvert", { exact: true }).waitFor(WAIT);
      // the last save said again in the page's new language
      await staff
        .getByText(
          written(
            `Appel Erasmus+ Europe ${YEAR} modifié : du ${formatLongDate(opens, "fr")} au ${formatLongDate(later, "fr")}.`,
          ),
        )
        .waitFor(WAIT);
      await row
        .getByText(`du ${formatLongDate(opens, "fr")} au ${formatLongDate(later, "fr")}`)
        .waitFor(WAIT);
      expect(await axeViolations(staff)).toEqual([]);
      await staff.screenshot({ path: join(SHOTS, "staff-calls-fr.png"), fullPage: true });

      expect(staffErrors).toEqual([]);
      expect(studentErrors).toEqual([]);
      await staffContext.close();
      await studentContext.close();
    });
  },
);
