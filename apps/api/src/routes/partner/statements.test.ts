import { Applications, type ApplicationView, AuditTrail, Grants, Outbox, Users } from "@envol/db";
import { semesterAt, testEngines } from "@envol/db/testing";
import type { Actor, Decision } from "@envol/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

const BASE = "/api/partner/v1";

/**
 * Host statements of actual dates and the office's reviews (issue #12, items 5 and 6): a
 * window around the planned stay, a rise that waits for the office, identical statements sent
 * at once, and the other grants flagged when the stay's dates move.
 */
describe.each(testEngines().map((e) => [e.name, e] as const))(
  "host statements and the office's reviews on %s",
  (_name, engine) => {
    let t: TestApp;
    let usp: Caller;
    let office: Caller;
    let staff: Actor;

    const approved: readonly Decision[] = [
      { action: "submit" },
      { action: "start-review" },
      { action: "approve" },
    ];

    /** A student at São Paulo from 1 February to 30 June 2027, each scheme approved. */
    const atUsp = async (email: string, schemes: readonly string[]): Promise<ApplicationView> => {
      const student = await t.runtime.runPromise(
        Users.use((u) => u.ensure({ email, name: `Étudiant ${email}`, role: "student" })),
      );
      const created = await t.runtime.runPromise(
        Applications.use((a) =>
          a.create({
            studentId: student.id,
            situation: semesterAt({
              host: "usp",
              echelon: "4",
              quotientFamilial: 900_000,
              residenceRegion: "11",
            }),
            schemes,
          }),
        ),
      );
      for (const request of created.requests)
        for (const decision of approved) {
          const actor: Actor =
            decision.action === "submit" ? { kind: "student", userId: student.id } : staff;
          await t.runtime.runPromise(
            Applications.use((a) => a.decide(request.id, decision, actor)),
          );
        }
      return t.runtime.runPromise(Applications.use((a) => a.get(created.id)));
    };
    const state = (mobility: ApplicationView, arrival: string, departure: string) =>
      t.call(usp, "PUT", `${BASE}/omobilities/${mobility.id}/decision`, {
        decision: "verified",
        actual_arrival_date: arrival,
        actual_departure_date: departure,
      });
    const grantOf = async (mobility: ApplicationView, scheme: string) =>
      (await t.runtime.runPromise(Applications.use((a) => a.get(mobility.id)))).requests.find(
        (r) => r.scheme === scheme,
      );
    type Detail = {
      requests: {
        id: string;
        scheme: string;
        approvedCents: number | null;
        review: {
          kind: string;
          actualStart: string;
          actualEnd: string;
          beforeCents: number;
          afterCents: number | null;
          afterVerdict: string;
          explanation: string;
        } | null;
      }[];
      history: { action: string; reason: string | null }[];
    };
    const detail = async (mobility: ApplicationView, caller = office) =>
      (await (
        await t.call(caller, "GET", `/api/staff/applications/${mobility.id}`)
      ).json()) as Detail;
    /** The request's row in a view of the queue (every request but drafts unless told). */
    const queueRow = async (requestId: string, view = "all") => {
      const page = (await (
        await t.call(office, "GET", `/api/staff/queue?view=${view}&limit=200&sort=updated-desc`)
      ).json()) as { items: { request: { id: string }; awaitingOffice: boolean }[] };
      return page.items.find((i) => i.request.id === requestId);
    };

    beforeAll(async () => {
      t = await openTestApp(engine);
      usp = await t.partner("usp");
      office = await t.signIn(DEMO.staff.email, DEMO.staff.password);
      const staffUser = await t.runtime.runPromise(
        Users.use((u) => u.findByEmail(DEMO.staff.email)),
      );
      staff = { kind: "staff", userId: staffUser?.id ?? "" };
      for (const scheme of ["idf", "fitec"]) {
        const r = await t.call(office, "PUT", `/api/staff/budgets/${scheme}/2026-2027`, {
          envelopeCents: 50_000_000,
        });
        expect(r.status).toBe(200);
      }
    });
    afterAll(async () => t?.dispose());

    it("refuses actual dates outside 30 days around the planned stay or its academic year (422 naming the field and the range)", async () => {
      const mobility = await atUsp("window@example.org", ["idf"]);
      // eight months later: the partner inflating the grant of the issue
      const late = await state(mobility, "2027-02-01", "2027-10-01");
      expect(late.status).toBe(422);
      expect(late.headers.get("content-type")).toContain("application/problem+json");
      const body = (await late.json()) as { errors: { path: string; message: string }[] };
      expect(body.errors).toEqual([
        {
          path: "actual_departure_date",
          message: expect.stringContaining("entre le 2 janvier 2027 et le 30 juin 2027"),
        },
      ]);
      const early = await t.call(
        usp,
        "PUT",
        `${BASE}/omobilities/${mobility.id}/decision`,
        {
          decision: "verified",
          actual_arrival_date: "2026-12-01",
          actual_departure_date: "2027-06-30",
        },
        { "accept-language": "en" },
      );
      expect(early.status).toBe(422);
      expect(((await early.json()) as { errors: unknown[] }).errors).toEqual([
        {
          path: "actual_arrival_date",
          message: expect.stringContaining("must be from 2 January 2027 to 30 June 2027"),
        },
      ]);
      // nothing was recalculated, nothing kept as said
      expect((await grantOf(mobility, "idf"))?.approvedCents).toBe(225_000);
      const said = await t.runtime.runPromise(
        AuditTrail.use((a) => a.forEntity("application", mobility.id)),
      );
      expect(said.filter((e) => e.action === "host-decision")).toEqual([]);
    });

    it("stores a statement that would raise a grant (202), shows it to the office, which confirms it", async () => {
      const mobility = await atUsp("raise@example.org", ["idf"]);
      const idf = (await grantOf(mobility, "idf"))?.id ?? "";
      // lowered at once: 200
      expect((await state(mobility, "2027-02-01", "2027-06-10")).status).toBe(200);
      expect((await grantOf(mobility, "idf"))?.approvedCents).toBe(195_000);

      const raise = await state(mobility, "2027-02-01", "2027-06-30");
      expect(raise.status).toBe(202);
      expect(await raise.json()).toMatchObject({
        omobility_id: mobility.id,
        actual_departure_date: "2027-06-10",
        office_review: {
          status: "awaiting_office",
          actual_arrival_date: "2027-02-01",
          actual_departure_date: "2027-06-30",
          reason: null,
        },
      });
      expect((await grantOf(mobility, "idf"))?.approvedCents).toBe(195_000);
      expect(await t.runtime.runPromise(Grants.use((g) => g.ledgerFor(idf)))).toHaveLength(2);

      // the office sees it: on the application, and in the queue
      const seen = await detail(mobility);
      expect(seen.requests.find((r) => r.id === idf)?.review).toMatchObject({
        kind: "partner-statement",
        actualStart: "2027-02-01",
        actualEnd: "2027-06-30",
        beforeCents: 195_000,
        afterCents: 225_000,
      });
      expect(seen.requests[0]?.review?.explanation).toContain("confirmée par la DRI");
      expect((await queueRow(idf))?.awaitingOffice).toBe(true);
      // an approved grant is in the office's to-process view while its rise awaits it
      expect((await queueRow(idf, "to-process"))?.awaitingOffice).toBe(true);

      const confirmed = await t.call(
        office,
        "POST",
        `/api/staff/requests/${idf}/statement/confirmation`,
      );
      expect(confirmed.status).toBe(200);
      expect(await confirmed.json()).toMatchObject({
        previousCents: 195_000,
        approvedCents: 225_000,
      });
      expect((await grantOf(mobility, "idf"))?.approvedCents).toBe(225_000);
      expect((await queueRow(idf))?.awaitingOffice).toBe(false);
      expect(await queueRow(idf, "to-process")).toBeUndefined();
      expect((await detail(mobility)).history.map((e) => e.action)).toEqual(
        expect.arrayContaining(["statement-awaiting-office", "confirm-statement", "recalculate"]),
      );
      const partnerView = await t.call(usp, "GET", `${BASE}/omobilities/${mobility.id}`);
      expect(await partnerView.json()).toMatchObject({
        actual_departure_date: "2027-06-30",
        office_review: { status: "confirmed" },
      });
      // confirming again: nothing is pending
      const again = await t.call(
        office,
        "POST",
        `/api/staff/requests/${idf}/statement/confirmation`,
      );
      expect(again.status).toBe(409);
    });

    it("the office rejects a statement with a reason; the partner reads that it was not applied", async () => {
      const mobility = await atUsp("reject@example.org", ["idf"]);
      const idf = (await grantOf(mobility, "idf"))?.id ?? "";
      await state(mobility, "2027-02-01", "2027-06-10");
      expect((await state(mobility, "2027-01-20", "2027-06-30")).status).toBe(202);
      const blank = await t.call(office, "POST", `/api/staff/requests/${idf}/statement/rejection`, {
        reason: "  ",
      });
      expect(blank.status).toBe(422);
      const rejected = await t.call(
        office,
        "POST",
        `/api/staff/requests/${idf}/statement/rejection`,
        { reason: "Arrivée anticipée non justifiée" },
      );
      expect(rejected.status).toBe(200);
      expect((await grantOf(mobility, "idf"))?.approvedCents).toBe(195_000);
      const partnerView = await t.call(usp, "GET", `${BASE}/omobilities/${mobility.id}`);
      expect(await partnerView.json()).toMatchObject({
        actual_arrival_date: "2027-02-01",
        actual_departure_date: "2027-06-10",
        office_review: {
          status: "rejected",
          actual_arrival_date: "2027-01-20",
          reason: "Arrivée anticipée non justifiée",
        },
      });
      const history = (await detail(mobility)).history;
      expect(history.at(-1)).toMatchObject({
        action: "reject-statement",
        reason: "Arrivée anticipée non justifiée",
      });
    });

    it("sending dates the office already rejected changes nothing: the partner reads the rejection, the office's queue stays as it was", async () => {
      const mobility = await atUsp("resend@example.org", ["idf"]);
      const idf = (await grantOf(mobility, "idf"))?.id ?? "";
      await state(mobility, "2027-02-01", "2027-06-10");
      expect((await state(mobility, "2027-01-20", "2027-06-30")).status).toBe(202);
      const rejected = await t.call(
        office,
        "POST",
        `/api/staff/requests/${idf}/statement/rejection`,
        { reason: "Arrivée anticipée non justifiée" },
      );
      expect(rejected.status).toBe(200);

      const again = await state(mobility, "2027-01-20", "2027-06-30");
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({
        actual_arrival_date: "2027-02-01",
        office_review: {
          status: "rejected",
          actual_arrival_date: "2027-01-20",
          reason: "Arrivée anticipée non justifiée",
        },
      });
      expect(await queueRow(idf, "to-process")).toBeUndefined();
      expect((await queueRow(idf))?.awaitingOffice).toBe(false);
      // other dates make a new review
      expect((await state(mobility, "2027-01-25", "2027-06-30")).status).toBe(202);
      expect((await queueRow(idf, "to-process"))?.awaitingOffice).toBe(true);
    });

    /** A student at São Paulo whose IDF grant is approved with `decision`'s amount and override. */
    const approvedWith = async (email: string, approval: Decision): Promise<ApplicationView> => {
      const student = await t.runtime.runPromise(
        Users.use((u) => u.ensure({ email, name: `Étudiant ${email}`, role: "student" })),
      );
      const created = await t.runtime.runPromise(
        Applications.use((a) =>
          a.create({
            studentId: student.id,
            situation: semesterAt({
              host: "usp",
              echelon: "4",
              quotientFamilial: 900_000,
              residenceRegion: "11",
            }),
            schemes: ["idf"],
          }),
        ),
      );
      const request = created.requests[0]?.id ?? "";
      const steps: readonly [Decision, Actor][] = [
        [{ action: "submit" }, { kind: "student", userId: student.id }],
        [{ action: "start-review" }, staff],
        [approval, staff],
      ];
      for (const [decision, actor] of steps)
        await t.runtime.runPromise(Applications.use((a) => a.decide(request, decision, actor)));
      return t.runtime.runPromise(Applications.use((a) => a.get(created.id)));
    };

    it("a statement that would lower a grant approved with an override awaits the office: the override is not undone", async () => {
      const mobility = await approvedWith("override.statement@example.org", {
        action: "approve",
        amountCents: 240_000,
        override: { reason: "Frais de visa votés en jury", grounds: ["above-estimate"] },
      });
      const idf = (await grantOf(mobility, "idf"))?.id ?? "";
      expect((await grantOf(mobility, "idf"))?.approvedCents).toBe(240_000);
      // the planned dates: the rules give 2 250 €
      const planned = await state(mobility, "2027-02-01", "2027-06-30");
      expect(planned.status).toBe(202);
      expect(await planned.json()).toMatchObject({
        office_review: { status: "awaiting_office", actual_departure_date: "2027-06-30" },
      });
      expect((await grantOf(mobility, "idf"))?.approvedCents).toBe(240_000);
      expect(await t.runtime.runPromise(Grants.use((g) => g.ledgerFor(idf)))).toHaveLength(1);
      expect((await detail(mobility)).requests[0]?.review).toMatchObject({
        kind: "partner-statement",
        beforeCents: 240_000,
        afterCents: 225_000,
      });
      expect((await queueRow(idf, "to-process"))?.awaitingOffice).toBe(true);
    });

    it("a statement that would shorten a grant with money paid awaits the office: no 'to recover' and no e-mail before it confirms", async () => {
      const email = "paid.statement@example.org";
      const mobility = await atUsp(email, ["idf"]);
      const idf = (await grantOf(mobility, "idf"))?.id ?? "";
      for (const decision of [{ action: "sign-agreement" }, { action: "pay-advance" }] as const)
        await t.runtime.runPromise(Applications.use((a) => a.decide(idf, decision, staff)));
      expect((await grantOf(mobility, "idf"))?.state).toBe("advance_paid");
      const ledgerBefore = await t.runtime.runPromise(Grants.use((g) => g.ledgerFor(idf)));

      const shorter = await state(mobility, "2027-02-01", "2027-04-30");
      expect(shorter.status).toBe(202);
      expect((await grantOf(mobility, "idf"))?.approvedCents).toBe(225_000);
      expect(await t.runtime.runPromise(Grants.use((g) => g.ledgerFor(idf)))).toHaveLength(
        ledgerBefore.length,
      );
      const mail = await t.runtime.runPromise(Outbox.use((o) => o.forRecipient(email)));
      expect(mail.filter((m) => m.topic === "request.recalculate")).toEqual([]);
      expect((await detail(mobility)).requests[0]?.review).toMatchObject({
        kind: "partner-statement",
        beforeCents: 225_000,
      });

      // a plain lowering of an unpaid grant approved on the rules still applies at once
      const plain = await atUsp("plain.statement@example.org", ["idf"]);
      expect((await state(plain, "2027-02-01", "2027-06-10")).status).toBe(200);
      expect((await grantOf(plain, "idf"))?.approvedCents).toBe(195_000);
    });

    it("identical statements sent at once: one history entry, one ledger line, one e-mail", async () => {
      const email = "race@example.org";
      const mobility = await atUsp(email, ["idf"]);
      const idf = (await grantOf(mobility, "idf"))?.id ?? "";
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => state(mobility, "2027-02-01", "2027-06-10")),
      );
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const ledger = await t.runtime.runPromise(Grants.use((g) => g.ledgerFor(idf)));
      expect(ledger.map((l) => l.kind)).toEqual(["commitment", "recalculation"]);
      const events = await t.runtime.runPromise(
        AuditTrail.use((a) => a.forEntity("scheme_request", idf)),
      );
      expect(events.filter((e) => e.action === "recalculate")).toHaveLength(1);
      const said = await t.runtime.runPromise(
        AuditTrail.use((a) => a.forEntity("application", mobility.id)),
      );
      expect(said.filter((e) => e.action === "host-decision")).toHaveLength(1);
      const mail = await t.runtime.runPromise(Outbox.use((o) => o.forRecipient(email)));
      expect(mail.filter((m) => m.topic === "request.recalculate")).toHaveLength(1);
    });

    it("flags the FITEC grant for the office when a recalculation leaves the stay at 119 days, and the office dismisses it with a reason", async () => {
      const mobility = await atUsp("fitec.flag@example.org", ["idf", "fitec"]);
      const [idf, fitec] = [await grantOf(mobility, "idf"), await grantOf(mobility, "fitec")];
      expect(fitec?.approvedCents).toBe(290_000);
      const recalculated = await t.call(
        office,
        "POST",
        `/api/staff/requests/${idf?.id}/recalculation`,
        { actualStart: "2027-02-01", actualEnd: "2027-05-29" },
      );
      expect(recalculated.status).toBe(200);
      // not silently changed: flagged, with the difference explained
      expect((await grantOf(mobility, "fitec"))?.approvedCents).toBe(290_000);
      const flagged = (await detail(mobility)).requests.find((r) => r.scheme === "fitec");
      expect(flagged?.review).toMatchObject({
        kind: "stale-grant",
        actualStart: "2027-02-01",
        actualEnd: "2027-05-29",
        beforeCents: 290_000,
        afterCents: null,
        afterVerdict: "ineligible",
      });
      expect(flagged?.review?.explanation).toContain("le séjour n'est pas éligible au titre de");
      expect((await queueRow(fitec?.id ?? ""))?.awaitingOffice).toBe(true);
      expect((await queueRow(idf?.id ?? ""))?.awaitingOffice).toBe(false);

      const dismissed = await t.call(
        office,
        "POST",
        `/api/staff/requests/${fitec?.id}/flag/dismissal`,
        { reason: "Séjour prolongé sur place, attestation reçue" },
      );
      expect(dismissed.status).toBe(200);
      expect((await queueRow(fitec?.id ?? ""))?.awaitingOffice).toBe(false);
      const after = await detail(mobility);
      expect(after.requests.find((r) => r.scheme === "fitec")?.review).toBeNull();
      expect(after.history.at(-1)).toMatchObject({
        action: "dismiss-flag",
        reason: "Séjour prolongé sur place, attestation reçue",
      });
      const none = await t.call(office, "POST", `/api/staff/requests/${fitec?.id}/flag/dismissal`, {
        reason: "encore",
      });
      expect(none.status).toBe(409);
    });
  },
);
