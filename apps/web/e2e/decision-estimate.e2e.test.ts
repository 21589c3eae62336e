import { formatMoney } from "@envol/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launch } from "./browser.ts";
import { csrfTokenOf, DEMO, frenchContext, signIn, written } from "./demo.ts";
import { hasChromium, startServer } from "./server.ts";

const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)(
  "a hand approval after the office lowered the scheme's rate, in Debian's Chromium (skipped without /usr/bin/chromium)",
  () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let browser: Browser;
    beforeAll(async () => {
      server = await startServer();
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it("proposes today's estimate, says the one at sending, and approves it without an override", async () => {
      const office = await frenchContext(browser);
      const page = await office.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.url}/staff`);
      await signIn(page, DEMO.staff.email, DEMO.staff.password);
      const csrfToken = await csrfTokenOf(office, server.url);

      // the demo's IDF request under review (Camille Martin's Berlin stay), sent at 450 € a month
      const queue = await office.request.get(
        `${server.url}/api/staff/queue?scheme=idf&state=under_review`,
      );
      expect(queue.status(), await queue.text()).toBe(200);
      const { items } = (await queue.json()) as {
        items: {
          request: { id: string; applicationId: string; estimatedCents: number | null };
        }[];
      };
      const request = items[0]?.request;
      expect(request?.estimatedCents ?? 0).toBeGreaterThan(0);
      const sentCents = request?.estimatedCents ?? 0;
      const applicationId = request?.applicationId ?? "";

      // the office lowers the rate to 400 € a month from the stay's start
      const detailOf = async () => {
        const r = await office.request.get(`${server.url}/api/staff/applications/${applicationId}`);
        expect(r.status(), await r.text()).toBe(200);
        return (await r.json()) as {
          application: { startDate: string };
          eligibility: {
            report: { schemes: { scheme: string; estimate: { totalCents: number } | null }[] };
          };
        };
      };
      const { application } = await detailOf();
      const saved = await office.request.post(`${server.url}/api/staff/schemes/idf/options`, {
        headers: { "x-csrf-token": csrfToken },
        data: {
          since: application.startDate,
          options: { monthlyRateCents: 40_000 },
          reason: "Vote du conseil d'administration",
        },
      });
      expect(saved.status(), await saved.text()).toBe(200);
      const todayCents =
        (await detailOf()).eligibility.report.schemes.find((s) => s.scheme === "idf")?.estimate
          ?.totalCents ?? 0;
      expect(todayCents).toBeGreaterThan(0);
      expect(todayCents).toBeLessThan(sentCents);

      await page.goto(`${server.url}/staff/applications/${applicationId}`);
      const panel = page.getByRole("article", {
        name: "Bourse Mobilité Île-de-France",
        exact: true,
      });
      const decision = panel.getByRole("form", { name: /Décision/ });
      await decision.getByLabel("Accorder", { exact: true }).check();
      const amount = decision.getByLabel("Montant accordé");
      await amount.waitFor(WAIT);
      // today's estimate proposed; the one the student saw at sending said beside it
      // (the field writes the cents: "800,00 €")
      await expect
        .poll(async () => (await amount.inputValue()).replace(/\D/g, ""), WAIT)
        .toBe(String(todayCents));
      await decision
        .getByText(
          new RegExp(
            `^Estimation à l'envoi\\s:\\s${written(formatMoney(sentCents, "fr")).source}\\s;\\sselon les règles en vigueur\\s:\\s${written(formatMoney(todayCents, "fr")).source}\\.`,
          ),
        )
        .waitFor(WAIT);
      // no override asked for the amount proposed
      expect(await decision.getByLabel("Motif de la dérogation").count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await decision
        .getByRole("button", {
          name: new RegExp(`^Accorder ${written(formatMoney(todayCents, "fr")).source}$`),
        })
        .click();
      await expect
        .poll(() => panel.getByRole("status").first().textContent(), WAIT)
        .toMatch(/maintenant\s«\sAccordée\s»/);
      expect(errors).toEqual([]);
      await office.close();
    }, 120_000);
  },
);
