import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { addDays, type IsoDate } from "@envol/domain";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSituation } from "../src/simulator/situation-link.ts";
import { axeViolations, launch } from "./browser.ts";
import { contextIn, DEMO, EXAMPLE, signIn, written } from "./demo.ts";
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

/**
 * The worked example's situation made a classmate's: her CROUS échelon and quotient familial as
 * the demo data has them (packages/db/src/seed.ts), and a stay of her own in 2026-2027 that her
 * demo applications do not overlap; like the example, a first mobility.
 */
const classmate = (
  echelon: string,
  quotientFamilial: number,
  stay: { partner: string; start: IsoDate; end: IsoDate; internship?: boolean },
) => ({
  ...EXAMPLE,
  student: {
    ...EXAMPLE.student,
    crous: { boursier: true, echelon },
    household: { quotientFamilial, nonTaxable: false },
  },
  mobility: {
    ...EXAMPLE.mobility,
    ...(stay.internship && { kind: "internship", framework: "internship-agreement" }),
    host: { partner: stay.partner },
    start: stay.start,
    end: stay.end,
  },
});

/** Inès Moreau: two months at Politecnico di Milano before her ITBA semester (from 1 March). */
const INES = classmate("6", 600_000, { partner: "polimi", start: "2027-01-01", end: "2027-02-28" });
/** Lucas Bernard: a January internship in Delft, before his São Paulo semester (from 1 February). */
const LUCAS = classmate("2", 1_400_000, {
  partner: "tu-delft",
  start: "2027-01-01",
  end: "2027-01-31",
  internship: true,
});

/** A student in a browser of her own, and the page of the application she sent. */
interface Applicant {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly applicationUrl: string;
  readonly errors: string[];
}

/**
 * A student, in a browser of her own (in French), follows a link to her situation, signs in,
 * creates her application and sends its IDF request to the office, under the open call.
 */
const applyForIdf = async (
  browser: Browser,
  serverUrl: string,
  account: { readonly email: string; readonly password: string },
  situation: unknown,
): Promise<Applicant> => {
  const context = await contextIn(browser, "fr");
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${serverUrl}/student/apply?s=${encodeSituation(situation)}`);
  await page.getByRole("heading", { level: 1 }).waitFor(WAIT);
  await signIn(page, account.email, account.password);
  await page.getByRole("button", { name: "Créer ma candidature" }).click();
  const card = page.getByRole("article", { name: IDF_FR, exact: true });
  await card.waitFor(WAIT);
  const applicationUrl = page.url();
  await card.getByRole("button", { name: "Envoyer à la DRI" }).click();
  await page
    .getByText(/Demande Bourse Mobilité Île-de-France envoyée à la DRI/)
    .first()
    .waitFor(WAIT);
  return { context, page, applicationUrl, errors };
};

/** Her rank explained, as the IDF card of her application shows it once the allocation is applied. */
const rankExplained = async ({ page, applicationUrl }: Applicant) => {
  await page.goto(applicationUrl);
  const card = page.getByRole("article", { name: IDF_FR, exact: true });
  await card.getByRole("heading", { name: "Votre rang dans l'attribution" }).waitFor(WAIT);
  return (await card.locator(".request__standing p").textContent()) ?? "";
};

/** A table's body rows, each as its row header then the text of the cells at `columns`. */
const bodyRows = async (table: Locator, columns: readonly number[]) => {
  const rows = (await table.getByRole("row").all()).slice(1);
  return Promise.all(
    rows.map(async (row) => [
      await row.getByRole("rowheader").textContent(),
      ...(await Promise.all(columns.map((c) => row.getByRole("cell").nth(c).textContent()))),
    ]),
  );
};

/** The whole text, its spaces matching the page's no-break ones. */
const exactly = (text: string) => new RegExp(`^${written(text).source}$`);

describe.skipIf(!hasChromium)(
  "a call ranked, its what-if at 400 € a month saved, its allocation applied, the students' ranks explained, in Debian's Chromium (skipped without /usr/bin/chromium)",
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

    it("open, three students apply, close, propose, what-if, save, apply, and each student reads their own rank", async () => {
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

      // three students apply under it, each in their own browser: the demo student Camille
      // Martin with the worked example's stay (her earlier IDF request, for Berlin, under review
      // in the demo data, is ranked too), then her classmates Inès Moreau and Lucas Bernard
      const camille = await applyForIdf(browser, server.url, DEMO.student, EXAMPLE);
      const ines = await applyForIdf(browser, server.url, DEMO.ines, INES);
      const lucas = await applyForIdf(browser, server.url, DEMO.lucas, LUCAS);

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
      await table.getByRole("cell", { name: /^1st of 4: / }).waitFor(WAIT);
      const ranked = (await rows.count()) - 1;
      expect(ranked).toBe(4);
      // the CROUS échelon first (the higher first), then a first mobility (all four are), then
      // the earlier submission: Inès (échelon 6, first though she sent hers after Camille),
      // Camille with the worked example (échelon 5),
      // Camille for Berlin (her own échelon 4), Lucas (échelon 2); each at 450 € a month for
      // its whole months (2, 5, 2 and 1)
      expect(await bodyRows(table, [1])).toEqual([
        ["Inès Moreau", "€900"],
        ["Camille Martin", "€2,250"],
        ["Camille Martin", "€900"],
        ["Lucas Bernard", "€450"],
      ]);
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
      // demand, funded, entering, leaving: 800 + 2 000 + 800 + 400 €, all four still funded
      expect((await bodyRows(compare, [1, 3, 4, 5]))[1]).toEqual([
        "Scenario 1",
        "€4,000",
        "4 (€4,000)",
        "0",
        "0",
      ]);
      const seen = await staff.evaluate(
        () => (window as unknown as { progressSeen: string[] }).progressSeen,
      );
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((v) => Number(v) >= 0 && Number(v) <= 100)).toBe(true);
      // a second run with an envelope of 3 200 €, kept beside the first: in rank order Inès's
      // 800 € and Camille's 2 000 € fit; Camille's Berlin 800 € does not, and Lucas's 400 €,
      // which the 400 € left would hold, waits behind her (strict rank order): two leave
      await whatIf.getByLabel("Envelope (€)").fill("3200");
      await whatIf.getByRole("button", { name: "Run" }).click();
      const second = compare.getByRole("row", { name: /^Scenario 2/ });
      await second.waitFor(WAIT);
      expect(await compare.getByRole("row").count()).toBe(4);
      expect((await bodyRows(compare, [1, 2, 3, 4, 5]))[2]).toEqual([
        "Scenario 2",
        "€4,000",
        "€3,200",
        "2 (€2,800)",
        "0",
        "2",
      ]);
      const changed = whatIf.getByRole("table", {
        name: "Requests whose amount or outcome changes — Scenario 2",
      });
      expect(
        (await bodyRows(changed, [3])).filter(([, movement]) => movement === "Leaves"),
      ).toEqual([
        ["Camille Martin", "Leaves"],
        ["Lucas Bernard", "Leaves"],
      ]);
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

      // proposed again: the amounts at 400 € a month (2 000 € for the worked example's five
      // months), in the same order
      await ranking.getByRole("button", { name: "Propose" }).click();
      await ranking.getByText("Proposal no. 2 of", { exact: false }).waitFor(WAIT);
      await table.getByRole("cell", { name: "€2,000", exact: true }).waitFor(WAIT);
      expect(await bodyRows(table, [1])).toEqual([
        ["Inès Moreau", "€800"],
        ["Camille Martin", "€2,000"],
        ["Camille Martin", "€800"],
        ["Lucas Bernard", "€400"],
      ]);

      // apply: the confirmation says how many, for what total, within which envelope
      await ranking.getByRole("button", { name: "Apply" }).click();
      await apply
        .getByText(/^4 requests will be approved for a total of €4,000, within an envelope of /)
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
      await staff.getByRole("cell", { name: /^1er sur 4\s: / }).waitFor(WAIT);
      expect(await axeViolations(staff)).toEqual([]);
      await staff.screenshot({ path: join(SHOTS, "staff-planner-applied-fr.png"), fullPage: true });

      // each student reads their own rank on their request, explained in French by their own
      // values of the call's rules, and no one's name
      for (const [student, explanation] of [
        [
          ines,
          "1er sur 4 : échelon 6, première mobilité : oui ; le dernier dossier retenu est le 4e.",
        ],
        [
          camille,
          "2e sur 4 : échelon 5, première mobilité : oui ; le dernier dossier retenu est le 4e.",
        ],
        [
          lucas,
          "4e sur 4 : échelon 2, première mobilité : oui ; le dernier dossier retenu est le 4e.",
        ],
      ] as const) {
        const explained = await rankExplained(student);
        expect(explained).toMatch(exactly(explanation));
        expect(await axeViolations(student.page)).toEqual([]);
      }
      await camille.page.screenshot({
        path: join(SHOTS, "student-standing-fr.png"),
        fullPage: true,
      });

      expect(staffErrors).toEqual([]);
      for (const student of [camille, ines, lucas]) {
        expect(student.errors).toEqual([]);
        await student.context.close();
      }
      await staffContext.close();
    }, 150_000);
  },
);
