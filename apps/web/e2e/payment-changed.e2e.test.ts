import { join } from "node:path";
import { formatMoney } from "@envol/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launch } from "./browser.ts";
import { csrfTokenOf, DEMO, frenchContext, signIn } from "./demo.ts";
import { hasChromium, ROOT, startServer } from "./server.ts";

const SHOTS = join(ROOT, "apps/web/e2e/screenshots");
const WAIT = { timeout: 30_000 };

/** Money as a pattern: the narrow spaces of fr-FR written as any space. */
const money = (cents: number) => formatMoney(cents, "fr").replace(/\s/g, "\\s");

describe.skipIf(!hasChromium)(
  "a balance whose amount changed while the office confirmed it, in Debian's Chromium (skipped without /usr/bin/chromium)",
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

    it("records nothing, shows the new amount and asks again; the second confirmation records it", async () => {
      const staff = await frenchContext(browser);
      const page = await staff.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.url}/staff`);
      await signIn(page, DEMO.staff.email, DEMO.staff.password);
      const csrfToken = await csrfTokenOf(staff, server.url);
      const post = (path: string, data: unknown) =>
        staff.request.post(`${server.url}${path}`, {
          headers: { "x-csrf-token": csrfToken },
          data,
        });
      const issued = await post("/api/staff/partner-keys", {
        partnerId: "tu-berlin",
        label: "e2e",
      });
      expect(issued.status(), await issued.text()).toBe(201);
      const { secret } = (await issued.json()) as { secret: string };
      const partner = { authorization: `Bearer ${secret}`, "content-type": "application/json" };

      // a seeded TU Berlin stay, Erasmus+ approved: the agreement signed and the advance paid
      const list = (await (
        await fetch(`${server.url}/api/partner/v1/omobilities`, { headers: partner })
      ).json()) as { omobilities: { omobility_id: string }[] };
      const id = list.omobilities[0]?.omobility_id ?? "";
      const detail = (await (
        await staff.request.get(`${server.url}/api/staff/applications/${id}`)
      ).json()) as {
        application: { startDate: string; endDate: string };
        requests: { id: string; scheme: string }[];
      };
      const requestId = detail.requests.find((r) => r.scheme === "erasmus")?.id ?? "";
      const signed = await post(`/api/staff/requests/${requestId}/decision`, {
        action: "sign-agreement",
      });
      expect(signed.status(), await signed.text()).toBe(200);
      const advance = await post(`/api/staff/requests/${requestId}/payments`, {
        instalment: "advance",
      });
      expect(advance.status(), await advance.text()).toBe(200);
      const due = async () =>
        (await (
          await staff.request.get(`${server.url}/api/staff/requests/${requestId}/payments`)
        ).json()) as { paidCents: number; remaining: { kind: string; cents: number } };
      const before = await due();

      await page.goto(`${server.url}/staff/applications/${id}`);
      const panel = page.getByRole("article", { name: "Erasmus+ Europe", exact: true });
      const balanceForm = panel.getByRole("form", { name: "Versement du solde" });
      await balanceForm.getByRole("button", { name: "Enregistrer le solde" }).click();
      const settle = page.getByRole("alertdialog", { name: "Solder la demande ?" });
      await settle
        .getByText(new RegExp(`^Un solde de ${money(before.remaining.cents)} sera versé`))
        .waitFor(WAIT);

      // meanwhile the host states a longer stay, which another clerk confirms: the grant is
      // raised, and its balance with it
      const stated = await fetch(`${server.url}/api/partner/v1/omobilities/${id}/decision`, {
        method: "PUT",
        headers: partner,
        body: JSON.stringify({
          decision: "verified",
          actual_arrival_date: detail.application.startDate,
          // twenty days longer
          actual_departure_date: new Date(Date.parse(detail.application.endDate) + 20 * 86_400_000)
            .toISOString()
            .slice(0, 10),
        }),
      });
      expect(stated.status, await stated.text()).toBe(202);
      const confirmed = await post(`/api/staff/requests/${requestId}/statement/confirmation`, {});
      expect(confirmed.status(), await confirmed.text()).toBe(200);
      const after = await due();
      expect(after.remaining.cents).not.toBe(before.remaining.cents);

      await settle.getByRole("button", { name: "Confirmer" }).click();
      await settle.getByText(/Le montant a changé depuis qu'il vous a été présenté/).waitFor(WAIT);
      await settle
        .getByText(new RegExp(`^Un solde de ${money(after.remaining.cents)} sera versé`))
        .waitFor(WAIT);
      // nothing was recorded
      expect((await due()).paidCents).toBe(before.paidCents);
      await page.screenshot({ path: join(SHOTS, "staff-payment-changed.png") });
      expect(await axeViolations(page)).toEqual([]);

      await settle.getByRole("button", { name: "Confirmer" }).click();
      await settle.waitFor({ state: "hidden", ...WAIT });
      expect(await due()).toMatchObject({
        paidCents: before.paidCents + after.remaining.cents,
        remaining: { kind: "settled" },
      });
      expect(errors).toEqual([]);
      await staff.close();
    });
  },
);
