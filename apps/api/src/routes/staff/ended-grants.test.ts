import { Applications, Outbox } from "@envol/db";
import { semesterAt, testEngines } from "@envol/db/testing";
import { formatMoney } from "@envol/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

/** A response's JSON, loosely typed for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();

const YEAR = "2026-2027";

/** Euros as the CSV writes them: "1168,00". */
const csvEuros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "an ended grant that was paid, on %s",
  (_name, engine) => {
    let t: TestApp;
    let staff: Caller;
    beforeAll(async () => {
      t = await openTestApp(engine);
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
    });
    afterAll(async () => t?.dispose());

    const get = (path: string) => t.call(staff, "GET", path);
    const decide = (id: string, body: unknown) =>
      t.call(staff, "POST", `/api/staff/requests/${id}/decision`, body);
    const committed = async () =>
      (
        (await json(await get(`/api/staff/budgets?academicYear=${YEAR}`))) as {
          scheme: string;
          committedCents: number;
        }[]
      ).find((b) => b.scheme === "erasmus")?.committedCents;
    const due = async (id: string) => json(await get(`/api/staff/requests/${id}/payments`));

    /** A student's Erasmus+ grant at TU Berlin, approved, signed and its advance paid. */
    const advancePaid = async (email: string) => {
      const me = await t.newStudent(email);
      const app = await t.runtime.runPromise(
        Applications.use((a) =>
          a.create({
            studentId: me.userId ?? "",
            situation: semesterAt({
              host: "tu-berlin",
              start: "2027-02-01",
              end: "2027-06-30",
              echelon: "4",
              quotientFamilial: 900_000,
              residenceRegion: "11",
            }),
            schemes: ["erasmus"],
          }),
        ),
      );
      const request = app.requests[0]?.id ?? "";
      expect(
        (await t.call(me, "POST", `/api/applications/${app.id}/requests/${request}/submit`)).status,
      ).toBe(200);
      expect((await decide(request, { action: "start-review" })).status).toBe(200);
      const approved = await json(await decide(request, { action: "approve" }));
      expect((await decide(request, { action: "sign-agreement" })).status).toBe(200);
      const paid = await t.call(staff, "POST", `/api/staff/requests/${request}/payments`, {
        instalment: "advance",
      });
      expect(paid.status).toBe(200);
      const advanceCents = (await json(paid)).payment.amountCents as number;
      const approvedCents = approved.approvedCents as number;
      expect(advanceCents).toBeGreaterThan(0);
      expect(advanceCents).toBeLessThan(approvedCents);
      return { me, app, request, approvedCents, advanceCents };
    };

    it("the student cannot withdraw once the advance is paid: nothing moves, and the office is named", async () => {
      const { me, app, request, approvedCents, advanceCents } = await advancePaid(
        "ended.withdraw@example.org",
      );
      const before = await committed();
      const withdraw = await t.call(
        me,
        "POST",
        `/api/applications/${app.id}/requests/${request}/withdraw`,
      );
      expect(withdraw.status).toBe(409);
      expect(withdraw.headers.get("content-type")).toContain("application/problem+json");
      expect((await json(withdraw)).detail).toBe(
        "Impossible de retirer cette demande : une avance a déjà été versée ; seul le service des relations internationales de l'établissement d'origine peut mettre fin à cette bourse.",
      );
      expect(await committed()).toBe(before);
      expect(await due(request)).toMatchObject({
        paidCents: advanceCents,
        remaining: { kind: "to-pay", cents: approvedCents - advanceCents },
      });
      // the student is not offered what they cannot do
      const mine = await json(await t.call(me, "GET", `/api/applications/${app.id}`));
      expect(mine.requests[0]).toMatchObject({ state: "advance_paid", actions: [] });
    });

    it("the office's cancellation gives back only what was not paid; what was paid is to recover on every screen", async () => {
      const email = "ended.cancel@example.org";
      const { me, app, request, approvedCents, advanceCents } = await advancePaid(email);
      const before = (await committed()) as number;
      const cancelled = await decide(request, {
        action: "cancel",
        reason: "Mobilité annulée",
      });
      expect(cancelled.status).toBe(200);
      expect(await json(cancelled)).toMatchObject({ state: "cancelled", approvedCents });
      // what was paid was spent: it stays committed until recovered
      expect(await committed()).toBe(before - (approvedCents - advanceCents));

      expect(await due(request)).toMatchObject({
        paidCents: advanceCents,
        remaining: { kind: "to-recover", cents: advanceCents },
      });

      const ledger = await json(await get(`/api/staff/requests/${request}/ledger`));
      const release = ledger.at(-1);
      expect(release).toMatchObject({
        kind: "release",
        amountCents: -(approvedCents - advanceCents),
      });
      expect(release.explanation.at(-1)).toEqual({
        label: "À récupérer",
        amountCents: -advanceCents,
        basis: `${formatMoney(advanceCents, "fr")} déjà versés sur une bourse qui a pris fin (Demande annulée)`,
      });

      const csv = await (
        await get(`/api/staff/exports/requests.csv?view=all&search=${encodeURIComponent(email)}`)
      ).text();
      const [header, row] = csv
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .map((l) => l.split(";"));
      const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
      expect(cell("État")).toBe("Annulée");
      expect(cell("Accordé (€)")).toBe(csvEuros(approvedCents));
      expect(cell("Versé (€)")).toBe(csvEuros(advanceCents));
      expect(cell("Reste à verser (€)")).toBe("0,00");
      expect(cell("À récupérer (€)")).toBe(csvEuros(advanceCents));

      // the student's next steps: the sum to pay back, no payment to come
      const steps = (await json(await t.call(me, "GET", "/api/me/next-steps"))).items;
      expect(steps).toEqual([
        {
          kind: "pay-back",
          applicationId: app.id,
          requestId: request,
          schemeName: expect.any(String),
          amountCents: advanceCents,
        },
      ]);

      const mail = await t.runtime.runPromise(Outbox.use((o) => o.forRecipient(email)));
      const cancel = mail.find((m) => m.topic === "request.cancel");
      expect(cancel?.body).toContain(
        `Somme déjà versée, à reverser : ${formatMoney(advanceCents, "fr")}`,
      );
    });

    it("a payment confirmed on an amount that is no longer the one to record is a 409 that says both, and records nothing", async () => {
      const { request, approvedCents, advanceCents } = await advancePaid(
        "ended.changed@example.org",
      );
      const balanceCents = approvedCents - advanceCents;
      const pay = (body: unknown, lang = "fr") =>
        t.call(staff, "POST", `/api/staff/requests/${request}/payments`, body, {
          "accept-language": lang,
        });
      // the dialog showed a balance that a statement has since changed
      for (const [lang, detail] of [
        [
          "fr",
          `Le montant a changé depuis qu'il vous a été présenté : ${formatMoney(balanceCents - 100, "fr")} affichés, ${formatMoney(balanceCents, "fr")} à enregistrer maintenant. Confirmez le nouveau montant.`,
        ],
        [
          "en",
          `The amount changed since it was shown to you: ${formatMoney(balanceCents - 100, "en")} shown, ${formatMoney(balanceCents, "en")} to record now. Confirm the new amount.`,
        ],
      ] as const) {
        const changed = await pay(
          { instalment: "balance", expectedCents: balanceCents - 100 },
          lang,
        );
        expect(changed.status).toBe(409);
        expect(changed.headers.get("content-type")).toContain("application/problem+json");
        expect(await json(changed)).toMatchObject({
          type: expect.stringContaining("payment-changed"),
          detail,
          expectedCents: balanceCents - 100,
          actualCents: balanceCents,
        });
      }
      expect(await due(request)).toMatchObject({ paidCents: advanceCents });
      const ledger = await json(await get(`/api/staff/requests/${request}/ledger`));
      expect(ledger.filter((l: { kind: string }) => l.kind === "payment")).toHaveLength(1);

      const confirmed = await pay({ instalment: "balance", expectedCents: balanceCents });
      expect(confirmed.status).toBe(200);
      expect(await json(confirmed)).toMatchObject({
        request: { state: "completed" },
        payment: { amountCents: balanceCents },
      });
    });
  },
);
