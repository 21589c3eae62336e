import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { addDays, formatLongDate, type IsoDate } from "@envol/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launch } from "./browser.ts";
import { csrfTokenOf, DEMO, frenchContext, signIn } from "./demo.ts";
import { hasChromium, ROOT, startServer } from "./server.ts";

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)(
  "a host's statement that would raise a grant, confirmed by the office, in Debian's Chromium (skipped without /usr/bin/chromium)",
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

    it("shows the pending statement with both amounts; Rejeter asks a reason, Confirmer applies it", async () => {
      const staff = await frenchContext(browser);
      const page = await staff.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.url}/staff`);
      await signIn(page, DEMO.staff.email, DEMO.staff.password);
      const csrfToken = await csrfTokenOf(staff, server.url);
      // the office gives TU Berlin a key, as its page does
      const issued = await staff.request.post(`${server.url}/api/staff/partner-keys`, {
        headers: { "x-csrf-token": csrfToken },
        data: { partnerId: "tu-berlin", label: "e2e" },
      });
      expect(issued.status(), await issued.text()).toBe(201);
      const { secret } = (await issued.json()) as { secret: string };

      // Camille's seeded Berlin stay, Erasmus+ approved: the host states a longer stay, within
      // the window around the planned dates, which would raise the grant
      const partnerGet = async (path: string) =>
        (
          await fetch(`${server.url}/api/partner/v1${path}`, {
            headers: { authorization: `Bearer ${secret}` },
          })
        ).json();
      const list = (await partnerGet("/omobilities")) as {
        omobilities: { omobility_id: string }[];
      };
      const id = list.omobilities[0]?.omobility_id ?? "";
      const planned = (await partnerGet(`/omobilities/${id}`)) as {
        planned_arrival_date: IsoDate;
        planned_departure_date: IsoDate;
      };
      const arrival = addDays(planned.planned_arrival_date, -7);
      const departure = addDays(planned.planned_departure_date, 20);
      const stated = await fetch(`${server.url}/api/partner/v1/omobilities/${id}/decision`, {
        method: "PUT",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify({
          decision: "verified",
          actual_arrival_date: arrival,
          actual_departure_date: departure,
        }),
      });
      expect(stated.status).toBe(202);

      await page.goto(`${server.url}/staff/applications/${id}`);
      const panel = page.getByRole("article", { name: "Erasmus+ Europe", exact: true });
      const review = panel.getByRole("region", {
        name: "Déclaration de l'établissement d'accueil à confirmer",
      });
      await review.waitFor(WAIT);
      await review
        .getByText(
          `Dates déclarées\u00a0: du ${formatLongDate(arrival, "fr")} au ${formatLongDate(departure, "fr")}`,
        )
        .waitFor(WAIT);
      await review.getByText("Bourse actuelle").waitFor(WAIT);
      await review.getByText("Bourse sur ces dates").waitFor(WAIT);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, "staff-partner-statement.png"), fullPage: true });

      // Rejeter asks for a reason before anything is recorded; cancelled, nothing changes
      await review.getByRole("button", { name: "Rejeter" }).click();
      const reject = page.getByRole("alertdialog", { name: "Rejeter la déclaration ?" });
      await reject.waitFor(WAIT);
      await reject.getByRole("button", { name: "Rejeter" }).click();
      await reject.getByText("Indiquez le motif.").waitFor(WAIT);
      expect(await axeViolations(page)).toEqual([]);
      await reject.getByRole("button", { name: "Annuler" }).click();
      await reject.waitFor({ state: "hidden", ...WAIT });

      // Confirmer says both amounts, then applies the recalculation
      await review.getByRole("button", { name: "Confirmer" }).click();
      const confirm = page.getByRole("alertdialog", { name: "Appliquer la déclaration ?" });
      await confirm
        .getByText(/^La bourse sera recalculée sur les dates déclarées\s:\sde .+ à .+\./)
        .waitFor(WAIT);
      await page.screenshot({ path: join(SHOTS, "staff-partner-statement-confirm.png") });
      await confirm.getByRole("button", { name: "Confirmer" }).click();
      await expect
        .poll(() => panel.locator(".staff-request__status").textContent(), WAIT)
        .toMatch(/^Déclaration confirmée\s:\sla bourse passe de .+ à .+\.$/);
      await review.waitFor({ state: "hidden", ...WAIT });
      await page
        .getByText("Déclaration de l'établissement d'accueil confirmée")
        .first()
        .waitFor(WAIT);
      expect(errors).toEqual([]);
      await staff.close();
    });
  },
);
