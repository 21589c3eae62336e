import { randomUUID } from "node:crypto";
import {
  Applications,
  type ApplicationView,
  AuditTrail,
  type Decision,
  Grants,
  Outbox,
  PartnerKeys,
  Users,
} from "@envol/db";
import { personnelStayAt, semesterAt, testEngines } from "@envol/db/testing";
import type { Actor, Situation } from "@envol/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

const BASE = "/api/partner/v1";

/** A situation like the demo students': eligible for IDF and Erasmus+ at a European partner. */
const situation = (host: string, start: string, end: string): Situation =>
  semesterAt({ host, start, end, echelon: "4", quotientFamilial: 900_000, residenceRegion: "11" });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "partner API on %s",
  (_name, engine) => {
    let t: TestApp;
    let berlin: Caller;
    let kth: Caller;
    let staff: Actor;
    /** Camille's seeded TU Berlin mobility: Erasmus+ approved, IDF under review. */
    let seededBerlin: ApplicationView;

    /** A new student's application, each request taken through `steps` (as student, then staff). */
    const apply = async (
      email: string,
      host: string,
      dates: readonly [string, string],
      schemes: readonly string[],
      steps: readonly Decision[],
      lang: "fr" | "en" = "fr",
    ): Promise<ApplicationView> => {
      const student = await t.runtime.runPromise(
        Users.use((u) => u.ensure({ email, name: `Étudiant ${email}`, role: "student", lang })),
      );
      const created = await t.runtime.runPromise(
        Applications.use((a) =>
          a.create({ studentId: student.id, situation: situation(host, ...dates), schemes }),
        ),
      );
      for (const request of created.requests)
        for (const decision of steps) {
          const actor: Actor =
            decision.action === "submit" ? { kind: "student", userId: student.id } : staff;
          await t.runtime.runPromise(
            Applications.use((a) => a.decide(request.id, decision, actor)),
          );
        }
      return t.runtime.runPromise(Applications.use((a) => a.get(created.id)));
    };
    const submitted: readonly Decision[] = [{ action: "submit" }];
    const approved: readonly Decision[] = [
      { action: "submit" },
      { action: "start-review" },
      { action: "approve" },
    ];

    const get = (caller: Caller, path: string) => t.call(caller, "GET", `${BASE}${path}`);
    const ids = async (r: Response) =>
      ((await r.json()) as { omobilities: { omobility_id: string }[] }).omobilities.map(
        (m) => m.omobility_id,
      );

    beforeAll(async () => {
      t = await openTestApp(engine);
      berlin = await t.partner("tu-berlin");
      kth = await t.partner("kth");
      const staffUser = await t.runtime.runPromise(
        Users.use((u) => u.findByEmail(DEMO.staff.email)),
      );
      staff = { kind: "staff", userId: staffUser?.id ?? "" };
      const camille = await t.runtime.runPromise(
        Users.use((u) => u.findByEmail(DEMO.student.email)),
      );
      const camilles = await t.runtime.runPromise(
        Applications.use((a) => a.listForStudent(camille?.id ?? "")),
      );
      seededBerlin = camilles.find((a) => a.hostPartnerId === "tu-berlin") as ApplicationView;
      expect(seededBerlin).toBeDefined();
    });
    afterAll(async () => t?.dispose());

    it("asks for a key: none, a wrong one or a revoked one is a 401 with WWW-Authenticate: Bearer", async () => {
      const none = await get({ headers: {} }, "/omobilities");
      expect(none.status).toBe(401);
      expect(none.headers.get("content-type")).toContain("application/problem+json");
      expect(none.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
      expect(await none.json()).toMatchObject({ status: 401 });

      const wrong = await get(
        { headers: { authorization: "Bearer envol_pk_nope" } },
        "/omobilities",
      );
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get("www-authenticate")).toContain('error="invalid_token"');

      const basic = await get({ headers: { authorization: "Basic dXNlcjpwYXNz" } }, "/omobilities");
      expect(basic.status).toBe(401);

      const { key, secret } = await t.runtime.runPromise(
        PartnerKeys.use((k) => k.create("tu-berlin", "to revoke", staff)),
      );
      const caller = { headers: { authorization: `Bearer ${secret}` } };
      expect((await get(caller, "/omobilities")).status).toBe(200);
      await t.runtime.runPromise(PartnerKeys.use((k) => k.revoke(key.id, staff)));
      const revoked = await get(caller, `/omobilities/${seededBerlin.id}`);
      expect(revoked.status).toBe(401);
      expect(revoked.headers.get("www-authenticate")).toContain('error="invalid_token"');
      const put = await t.call(caller, "PUT", `${BASE}/omobilities/${seededBerlin.id}/decision`, {
        decision: "rejected",
      });
      expect(put.status).toBe(401);
    });

    it("documents the routes with the bearer key in the OpenAPI document", async () => {
      const doc = (await (await t.app.request("/api/openapi.json")).json()) as {
        components: { securitySchemes: Record<string, unknown> };
        paths: Record<string, Record<string, { security?: unknown }>>;
      };
      expect(doc.components.securitySchemes.partnerKey).toMatchObject({
        type: "http",
        scheme: "bearer",
      });
      expect(doc.paths[`${BASE}/omobilities`]?.get?.security).toEqual([{ partnerKey: [] }]);
      expect(doc.paths[`${BASE}/omobilities/{omobility_id}`]?.get).toBeDefined();
      expect(doc.paths[`${BASE}/omobilities/{omobility_id}/decision`]?.put?.security).toEqual([
        { partnerKey: [] },
      ]);
    });

    it("lists the partner's own mobilities, by EWP academic year and modified_since, never drafts", async () => {
      const nextYear = await apply(
        "index.next-year@example.org",
        "tu-berlin",
        ["2027-09-20", "2028-01-31"],
        ["idf"],
        submitted,
      );
      const draft = await apply(
        "index.draft@example.org",
        "tu-berlin",
        ["2027-01-10", "2027-05-10"],
        ["idf"],
        [],
      );
      const elsewhere = await apply(
        "index.kth@example.org",
        "kth",
        ["2027-01-10", "2027-05-10"],
        ["idf"],
        submitted,
      );

      const thisYear = await get(berlin, "/omobilities?receiving_academic_year_id=2026/2027");
      expect(thisYear.status).toBe(200);
      const thisYearIds = await ids(thisYear);
      expect(thisYearIds).toContain(seededBerlin.id);
      expect(thisYearIds).not.toContain(nextYear.id);
      expect(thisYearIds).not.toContain(draft.id);
      expect(thisYearIds).not.toContain(elsewhere.id);

      const all = await ids(await get(berlin, "/omobilities"));
      expect(all).toEqual(expect.arrayContaining([seededBerlin.id, nextYear.id]));
      expect(all).not.toContain(draft.id);
      expect(all).not.toContain(elsewhere.id);
      expect(
        await ids(await get(berlin, "/omobilities?receiving_academic_year_id=2027/2028")),
      ).toEqual([nextYear.id]);
      // KTH sees its own, and none of TU Berlin's
      const kthIds = await ids(await get(kth, "/omobilities"));
      expect(kthIds).toContain(elsewhere.id);
      expect(kthIds).not.toContain(seededBerlin.id);

      await pause(5);
      const since = new Date().toISOString();
      await pause(5);
      expect(await ids(await get(berlin, `/omobilities?modified_since=${since}`))).toEqual([]);
      const request = nextYear.requests[0];
      await t.runtime.runPromise(
        Applications.use((a) => a.decide(request?.id ?? "", { action: "start-review" }, staff)),
      );
      const changed = await get(berlin, `/omobilities?modified_since=${encodeURIComponent(since)}`);
      const body = (await changed.json()) as {
        omobilities: { omobility_id: string; modified_at: string }[];
      };
      expect(body.omobilities.map((m) => m.omobility_id)).toEqual([nextYear.id]);
      expect((body.omobilities[0]?.modified_at ?? "") > since).toBe(true);
      // combined with the year: the change is in 2027/2028, not in 2026/2027
      expect(
        await ids(
          await get(
            berlin,
            `/omobilities?receiving_academic_year_id=2026/2027&modified_since=${encodeURIComponent(since)}`,
          ),
        ),
      ).toEqual([]);

      const bad = await get(
        berlin,
        "/omobilities?receiving_academic_year_id=2026-2027&modified_since=yesterday",
      );
      expect(bad.status).toBe(422);
      const problem = (await bad.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((e) => e.path).sort()).toEqual([
        "modified_since",
        "receiving_academic_year_id",
      ]);
    });

    it("gives one mobility in EWP terms, with the student's name and email and nothing else personal", async () => {
      const r = await get(berlin, `/omobilities/${seededBerlin.id}`);
      expect(r.status).toBe(200);
      const body = (await r.json()) as Record<string, unknown>;
      expect(body).toEqual({
        omobility_id: seededBerlin.id,
        sending_hei_id: "telecom-paris",
        receiving_hei_id: "tu-berlin",
        receiving_academic_year_id: "2026/2027",
        activity_type: "student-studies",
        // Erasmus+ approved: a grant is running
        status: "live",
        planned_arrival_date: "2026-12-01",
        planned_departure_date: "2027-01-31",
        actual_arrival_date: null,
        actual_departure_date: null,
        student: { name: "Camille Martin", email: DEMO.student.email },
        modified_at: seededBerlin.updatedAt,
        office_review: null,
      });

      const nominated = await apply(
        "get.nominated@example.org",
        "tu-berlin",
        ["2027-02-01", "2027-06-10"],
        ["idf"],
        submitted,
      );
      expect(
        ((await (await get(berlin, `/omobilities/${nominated.id}`)).json()) as { status: string })
          .status,
      ).toBe("nomination");
    });

    it("reports the school's personnel's staff mobilities like the students', their activity type saying teaching or training", async () => {
      // the seed's Claire Martin, who teaches at TU Berlin for five days (ADR 016)
      const claire = await t.runtime.runPromise(
        Users.use((u) => u.findByEmail(DEMO.personnel.email)),
      );
      const [teaching] = await t.runtime.runPromise(
        Applications.use((a) => a.listForStudent(claire?.id ?? "")),
      );
      if (!teaching) throw new Error("the demo personnel member has no application");
      expect(
        await ids(await get(berlin, "/omobilities?receiving_academic_year_id=2026/2027")),
      ).toContain(teaching.id);
      const shown = (await (await get(berlin, `/omobilities/${teaching.id}`)).json()) as Record<
        string,
        unknown
      >;
      expect(shown).toMatchObject({
        omobility_id: teaching.id,
        receiving_hei_id: "tu-berlin",
        activity_type: "staff-teacher",
        status: "nomination",
        planned_arrival_date: "2027-03-15",
        planned_departure_date: "2027-03-19",
        student: { name: "Claire Martin", email: DEMO.personnel.email },
      });

      const trainer = await t.runtime.runPromise(
        Users.use((u) =>
          u.ensure({ email: "training@example.org", name: "Paul Durand", role: "personnel" }),
        ),
      );
      const training = await t.runtime.runPromise(
        Applications.use((a) =>
          a.create({
            studentId: trainer.id,
            situation: personnelStayAt({ activity: "training" }),
            schemes: ["erasmus-staff"],
          }),
        ),
      );
      await t.runtime.runPromise(
        Applications.use((a) =>
          a.decide(
            training.requests[0]?.id ?? "",
            { action: "submit" },
            { kind: "personnel", userId: trainer.id },
          ),
        ),
      );
      const trained = (await (await get(berlin, `/omobilities/${training.id}`)).json()) as {
        activity_type: string;
      };
      expect(trained.activity_type).toBe("staff-training");
      // another host sees none of them
      expect((await get(kth, `/omobilities/${teaching.id}`)).status).toBe(404);
    });

    it("answers another partner's mobility, a draft, a random id and garbage with the same 404", async () => {
      const missing = await get(kth, `/omobilities/${randomUUID()}`);
      expect(missing.status).toBe(404);
      const missingBody = await missing.json();
      const foreign = await get(kth, `/omobilities/${seededBerlin.id}`);
      expect(foreign.status).toBe(404);
      expect(await foreign.json()).toEqual(missingBody);
      const garbage = await get(kth, "/omobilities/not-an-id");
      expect(garbage.status).toBe(404);
      expect(await garbage.json()).toEqual(missingBody);
      const draft = await apply(
        "get.draft@example.org",
        "tu-berlin",
        ["2027-01-10", "2027-05-10"],
        ["idf"],
        [],
      );
      const hidden = await get(berlin, `/omobilities/${draft.id}`);
      expect(hidden.status).toBe(404);
      expect(await hidden.json()).toEqual(missingBody);

      const foreignPut = await t.call(
        kth,
        "PUT",
        `${BASE}/omobilities/${seededBerlin.id}/decision`,
        {
          decision: "rejected",
          comment: "not ours",
        },
      );
      expect(foreignPut.status).toBe(404);
      expect(await foreignPut.json()).toEqual(missingBody);
      const after = await t.runtime.runPromise(Applications.use((a) => a.get(seededBerlin.id)));
      expect(after.requests.map((r) => r.state)).toEqual(seededBerlin.requests.map((r) => r.state));
    });

    it("the partner flow: verified with the actual dates recalculates the grant, once, with its ledger line", async () => {
      // 18 January → 16 June 2027: 150 days of IDF at 15 € a day
      const mobility = await apply(
        "flow.verified@example.org",
        "tu-berlin",
        ["2027-01-18", "2027-06-16"],
        ["idf"],
        approved,
      );
      const request = mobility.requests[0];
      expect(request).toMatchObject({ scheme: "idf", state: "approved", approvedCents: 225_000 });
      const id = request?.id ?? "";

      const put = await t.call(berlin, "PUT", `${BASE}/omobilities/${mobility.id}/decision`, {
        decision: "verified",
        actual_arrival_date: "2027-02-01",
        actual_departure_date: "2027-06-10",
      });
      expect(put.status).toBe(200);
      expect(await put.json()).toMatchObject({
        omobility_id: mobility.id,
        status: "live",
        planned_arrival_date: "2027-01-18",
        actual_arrival_date: "2027-02-01",
        actual_departure_date: "2027-06-10",
      });

      const after = await t.runtime.runPromise(Applications.use((a) => a.get(mobility.id)));
      expect(after.requests[0]?.approvedCents).toBe(195_000);
      const ledger = await t.runtime.runPromise(Grants.use((g) => g.ledgerFor(id)));
      expect(ledger.map((l) => [l.kind, l.amountCents])).toEqual([
        ["commitment", 225_000],
        ["recalculation", -30_000],
      ]);
      const audit = await t.runtime.runPromise(
        AuditTrail.use((a) => a.forEntity("scheme_request", id)),
      );
      expect(audit.at(-1)).toMatchObject({
        action: "recalculate",
        actor: { kind: "partner", id: "tu-berlin" },
      });
      const mail = await t.runtime.runPromise(
        Outbox.use((o) => o.forRecipient("flow.verified@example.org")),
      );
      expect(mail.at(-1)).toMatchObject({ topic: "request.recalculate" });

      // the same PUT again changes nothing: no second ledger line
      const again = await t.call(berlin, "PUT", `${BASE}/omobilities/${mobility.id}/decision`, {
        decision: "verified",
        actual_arrival_date: "2027-02-01",
        actual_departure_date: "2027-06-10",
      });
      expect(again.status).toBe(200);
      expect(await t.runtime.runPromise(Grants.use((g) => g.ledgerFor(id)))).toHaveLength(2);
    });

    it("rejected cancels the open requests with the comment as reason; pending changes nothing", async () => {
      const mobility = await apply(
        "flow.rejected@example.org",
        "tu-berlin",
        ["2027-02-01", "2027-06-10"],
        ["idf", "erasmus"],
        submitted,
        "en",
      );
      const pending = await t.call(berlin, "PUT", `${BASE}/omobilities/${mobility.id}/decision`, {
        decision: "pending",
        comment: "waiting for the learning agreement",
      });
      expect(pending.status).toBe(200);
      expect(((await pending.json()) as { status: string }).status).toBe("nomination");
      // the same statement again is kept once
      await t.call(berlin, "PUT", `${BASE}/omobilities/${mobility.id}/decision`, {
        decision: "pending",
        comment: "waiting for the learning agreement",
      });

      const rejected = await t.call(berlin, "PUT", `${BASE}/omobilities/${mobility.id}/decision`, {
        decision: "rejected",
        comment: "No place left in the programme",
      });
      expect(rejected.status).toBe(200);
      expect(((await rejected.json()) as { status: string }).status).toBe("cancelled");
      const after = await t.runtime.runPromise(Applications.use((a) => a.get(mobility.id)));
      expect(after.requests.map((r) => r.state)).toEqual(["cancelled", "cancelled"]);
      const mail = await t.runtime.runPromise(
        Outbox.use((o) => o.forRecipient("flow.rejected@example.org")),
      );
      const cancelled = mail.filter((m) => m.topic === "request.cancel");
      expect(cancelled).toHaveLength(2);
      expect(cancelled[0]?.body).toContain("Reason: No place left in the programme");
      // what the host said, in the application's history for the office
      const said = await t.runtime.runPromise(
        AuditTrail.use((a) => a.forEntity("application", mobility.id)),
      );
      expect(
        said.filter((e) => e.action === "host-decision").map((e) => [e.actor, e.after, e.reason]),
      ).toEqual([
        [
          { kind: "partner", id: "tu-berlin" },
          { decision: "pending" },
          "waiting for the learning agreement",
        ],
        [
          { kind: "partner", id: "tu-berlin" },
          { decision: "rejected" },
          "No place left in the programme",
        ],
      ]);
    });

    it("rejected on a mobility whose grant has a paid advance is a 409 that names the office, and changes none of its requests", async () => {
      const mobility = await apply(
        "flow.paid@example.org",
        "tu-berlin",
        ["2027-02-01", "2027-06-10"],
        ["idf", "erasmus"],
        approved,
      );
      // the paid grant after the other in the mobility's order: none is cancelled before it
      const idf = mobility.requests.find((r) => r.scheme === "idf")?.id ?? "";
      for (const decision of [{ action: "sign-agreement" }, { action: "pay-advance" }] as const)
        await t.runtime.runPromise(Applications.use((a) => a.decide(idf, decision, staff)));
      const before = await t.runtime.runPromise(Applications.use((a) => a.get(mobility.id)));
      expect(before.requests.map((r) => [r.scheme, r.state])).toEqual([
        ["erasmus", "approved"],
        ["idf", "advance_paid"],
      ]);
      const ledgers = () =>
        Promise.all(
          before.requests.map((r) => t.runtime.runPromise(Grants.use((g) => g.ledgerFor(r.id)))),
        );
      const ledgerBefore = await ledgers();

      for (const [lang, detail] of [
        [
          "fr",
          "Impossible d'annuler cette demande : une avance a déjà été versée ; seul le service des relations internationales de l'établissement d'origine peut mettre fin à cette bourse.",
        ],
        [
          "en",
          "Cannot cancel this request: an advance has already been paid; only the sending institution's international relations office can end this grant.",
        ],
      ] as const) {
        const refused = await t.call(
          berlin,
          "PUT",
          `${BASE}/omobilities/${mobility.id}/decision`,
          { decision: "rejected", comment: "No place left" },
          { "accept-language": lang },
        );
        expect(refused.status).toBe(409);
        expect(refused.headers.get("content-type")).toContain("application/problem+json");
        expect(((await refused.json()) as { detail: string }).detail).toBe(detail);
      }
      const after = await t.runtime.runPromise(Applications.use((a) => a.get(mobility.id)));
      expect(after.requests).toEqual(before.requests);
      expect(await ledgers()).toEqual(ledgerBefore);
      // a refused statement is not kept in the application's history
      const said = await t.runtime.runPromise(
        AuditTrail.use((a) => a.forEntity("application", mobility.id)),
      );
      expect(said.filter((e) => e.action === "host-decision")).toEqual([]);
    });

    it("shows the office what the host said, and keeps it off the student's page", async () => {
      const me = await t.newStudent("flow.said@example.org");
      const created = await t.runtime.runPromise(
        Applications.use((a) =>
          a.create({
            studentId: me.userId ?? "",
            situation: situation("tu-berlin", "2027-02-01", "2027-06-10"),
            schemes: ["idf"],
          }),
        ),
      );
      const request = created.requests[0]?.id ?? "";
      await t.runtime.runPromise(
        Applications.use((a) =>
          a.decide(request, { action: "submit" }, { kind: "student", userId: me.userId ?? "" }),
        ),
      );
      const said = await t.call(berlin, "PUT", `${BASE}/omobilities/${created.id}/decision`, {
        decision: "verified",
        comment: "Learning agreement received",
      });
      expect(said.status).toBe(200);
      type History = { history: { action: string; reason: string | null; after: unknown }[] };
      const office = await t.signIn(DEMO.staff.email, DEMO.staff.password);
      const staffView = (await (
        await t.call(office, "GET", `/api/staff/applications/${created.id}`)
      ).json()) as History;
      expect(staffView.history.filter((e) => e.action === "host-decision")).toMatchObject([
        { after: { decision: "verified" }, reason: "Learning agreement received" },
      ]);
      const studentView = (await (
        await t.call(me, "GET", `/api/applications/${created.id}`)
      ).json()) as History;
      expect(studentView.history.map((e) => e.action)).toEqual(["create-application", "submit"]);
      // but the data export, everything Envol keeps about the student, has it
      const exported = (await (await t.call(me, "GET", "/api/me/export")).json()) as History;
      expect(exported.history.filter((e) => e.action === "host-decision")).toMatchObject([
        { reason: "Learning agreement received" },
      ]);
    });

    it("refuses actual dates without a running grant (409) and inconsistent ones (422)", async () => {
      const nominated = await apply(
        "flow.early@example.org",
        "tu-berlin",
        ["2027-02-01", "2027-06-10"],
        ["idf"],
        submitted,
      );
      const path = `${BASE}/omobilities/${nominated.id}/decision`;
      const early = await t.call(berlin, "PUT", path, {
        decision: "verified",
        actual_arrival_date: "2027-02-01",
        actual_departure_date: "2027-06-10",
      });
      expect(early.status).toBe(409);
      expect(((await early.json()) as { detail: string }).detail).toBe(
        "Aucune bourse accordée à recalculer sur les dates réelles : le statut de la mobilité est nomination.",
      );
      const hostSaid = async () =>
        (
          await t.runtime.runPromise(
            AuditTrail.use((a) => a.forEntity("application", nominated.id)),
          )
        ).filter((e) => e.action === "host-decision");
      // a refused answer is not kept as said
      expect(await hostSaid()).toEqual([]);
      // verified without dates: accepted, nothing to recalculate, and kept
      expect((await t.call(berlin, "PUT", path, { decision: "verified" })).status).toBe(200);
      expect((await hostSaid()).map((e) => e.after)).toEqual([{ decision: "verified" }]);

      const paths = async (body: unknown) => {
        const r = await t.call(berlin, "PUT", path, body);
        expect(r.status).toBe(422);
        return ((await r.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
      };
      expect(await paths({ decision: "verified", actual_arrival_date: "2027-02-01" })).toEqual([
        "actual_departure_date",
      ]);
      expect(
        await paths({
          decision: "verified",
          actual_arrival_date: "2027-06-10",
          actual_departure_date: "2027-02-01",
        }),
      ).toEqual(["actual_departure_date"]);
      expect(await paths({ decision: "rejected", actual_arrival_date: "2027-02-01" })).toEqual([
        "actual_arrival_date",
      ]);
      expect(await paths({ decision: "accepted" })).toEqual(["decision"]);
    });
  },
);
