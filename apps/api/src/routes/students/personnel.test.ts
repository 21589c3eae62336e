import { Users } from "@envol/db";
import { BERLIN_SEMESTER, personnelStayAt, testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_BYTES } from "../../testing/json-schema-arbitrary.ts";
import { type Caller, DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

/** A response's JSON, loosely typed for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();

/** The scheme the personnel's applications name in these tests. */
const SCHEME = "erasmus-staff";

/**
 * The school's personnel as applicants (ADR 016): the applicant's routes take a personnel
 * account as they take a student's, on the account's own kind of situation only; the office
 * sees whose application each is.
 */
describe.each(testEngines().map((e) => [e.name, e] as const))(
  "personnel applicants on %s",
  (_name, engine) => {
    let t: TestApp;
    let staff: Caller;
    beforeAll(async () => {
      t = await openTestApp(engine);
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
    });
    afterAll(async () => t?.dispose());

    const create = (caller: Caller, situation: unknown, lang = "fr") =>
      t.call(
        caller,
        "POST",
        "/api/applications",
        { situation, schemes: [SCHEME] },
        { "accept-language": lang },
      );

    /** A personnel member's application, its request submitted. */
    const submitted = async (caller: Caller) => {
      const r = await create(caller, personnelStayAt());
      expect(r.status).toBe(201);
      const app = await json(r);
      const request = app.requests[0];
      const s = await t.call(
        caller,
        "POST",
        `/api/applications/${app.id}/requests/${request.id}/submit`,
      );
      expect(s.status).toBe(200);
      return { app, request };
    };

    it("signs the demo personnel member in with her password, as a personnel session", async () => {
      const claire = await t.signIn(DEMO.personnel.email, DEMO.personnel.password);
      const session = await json(await t.call(claire, "GET", "/api/auth/session"));
      expect(session.user).toMatchObject({
        email: "claire.martin@demo.envol.fr",
        name: "Claire Martin",
        role: "personnel",
      });
    });

    it("files, lists, shows and submits a personnel member's application, the history naming the personnel", async () => {
      const me = await t.newPersonnel("prof-journey@example.org");
      const { app, request } = await submitted(me);
      expect(app.participant).toBe("personnel");
      expect(app.situation.personnel).toEqual({
        role: "teaching",
        activity: "teaching",
        teachingHours: 8,
      });
      expect(request.actions).toEqual(["submit", "withdraw"]);
      const list = await json(await t.call(me, "GET", "/api/applications"));
      expect(list.map((a: { id: string }) => a.id)).toEqual([app.id]);
      const shown = await json(await t.call(me, "GET", `/api/applications/${app.id}`));
      expect(shown.participant).toBe("personnel");
      expect(shown.requests[0]).toMatchObject({ state: "submitted", actions: ["withdraw"] });
      expect(
        shown.history.map((e: { action: string; actor: { kind: string } }) => [
          e.action,
          e.actor.kind,
        ]),
      ).toEqual([
        ["create-application", "personnel"],
        ["submit", "personnel"],
      ]);
      const withdrawn = await t.call(
        me,
        "POST",
        `/api/applications/${app.id}/requests/${request.id}/withdraw`,
        {},
      );
      expect(withdrawn.status).toBe(200);
      expect((await json(withdrawn)).state).toBe("withdrawn");
      const exported = await json(await t.call(me, "GET", "/api/me/export"));
      expect(exported.account.role).toBe("personnel");
      expect(exported.applications.map((a: { id: string }) => a.id)).toEqual([app.id]);
    });

    it("takes a teaching stay from approval to the certificate of attendance and the recalculation on the actual days: 5 → 4 days is one daily rate less", async () => {
      const me = await t.newPersonnel("prof-grant@example.org");
      const { app, request } = await submitted(me);
      const decide = (action: string) =>
        t.call(staff, "POST", `/api/staff/requests/${request.id}/decision`, { action });
      const committed = async () =>
        (
          (await json(await t.call(staff, "GET", "/api/staff/budgets?academicYear=2026-2027"))) as {
            scheme: string;
            committedCents: number;
          }[]
        ).find((b) => b.scheme === "erasmus-staff")?.committedCents;
      const before = await committed();
      expect((await decide("start-review")).status).toBe(200);
      const approved = await decide("approve");
      expect(approved.status).toBe(200);
      // rulebook §10's worked example: 180 € × (5 + 2) + 309 € travel, within the staff envelope
      expect(await json(approved)).toMatchObject({ state: "approved", approvedCents: 156_900 });
      expect(await committed()).toBe((before ?? 0) + 156_900);
      const signed = await t.call(
        me,
        "POST",
        `/api/applications/${app.id}/requests/${request.id}/sign-agreement`,
      );
      expect(signed.status).toBe(200);
      expect((await json(signed)).state).toBe("agreed");

      // the plugin's document after return: the host's certificate of attendance
      const shown = await json(await t.call(me, "GET", `/api/applications/${app.id}`));
      const certificate = shown.checklist.find(
        (item: { id: string }) => item.id === "attendance-certificate",
      );
      expect(certificate).toMatchObject({ uploaded: false });
      const form = new FormData();
      form.set("kind", "attendance-certificate");
      form.set("file", new File([PNG_BYTES as Uint8Array<ArrayBuffer>], "attestation.png"));
      const uploaded = await t.app.request(`/api/applications/${app.id}/documents`, {
        method: "POST",
        headers: me.headers,
        body: form,
      });
      expect(uploaded.status).toBe(201);
      const document = await json(uploaded);
      const reviewed = await t.call(
        staff,
        "POST",
        `/api/staff/applications/${app.id}/documents/${document.id}/review`,
      );
      expect(reviewed.status).toBe(200);
      expect((await json(reviewed)).reviewedAt).not.toBeNull();
      const after = await json(await t.call(me, "GET", `/api/applications/${app.id}`));
      expect(
        after.checklist.find((item: { id: string }) => item.id === "attendance-certificate"),
      ).toMatchObject({ uploaded: true });

      // the certificate says four days of activity, not five
      const recalculated = await t.call(
        staff,
        "POST",
        `/api/staff/requests/${request.id}/recalculation`,
        { actualStart: "2027-03-15", actualEnd: "2027-03-18" },
      );
      expect(recalculated.status).toBe(200);
      expect(await json(recalculated)).toMatchObject({
        request: { id: request.id, state: "agreed", approvedCents: 138_900 },
        previousCents: 156_900,
        approvedCents: 138_900,
        differenceCents: -18_000,
      });
      // her next steps date the balance by the stay's recorded end, not the planned one
      const steps = await json(await t.call(me, "GET", "/api/me/next-steps"));
      const balance = steps.items.find(
        (s: { kind: string; instalment?: string }) =>
          s.kind === "payment" && s.instalment === "balance",
      );
      expect(balance).toMatchObject({ date: "2027-03-18", amountCents: 138_900 - 111_120 });
    });

    it("recalculates a teaching stay on the hours the certificate gives, and keeps them for the next recalculation", async () => {
      const me = await t.newPersonnel("prof-hours@example.org");
      const { app, request } = await submitted(me);
      for (const action of ["start-review", "approve"])
        expect(
          (await t.call(staff, "POST", `/api/staff/requests/${request.id}/decision`, { action }))
            .status,
        ).toBe(200);
      const recalculate = (body: object) =>
        t.call(staff, "POST", `/api/staff/requests/${request.id}/recalculation`, body);
      // fourteen days need sixteen hours of teaching: the eight stated no longer do
      const twoWeeks = { actualStart: "2027-03-15", actualEnd: "2027-03-28" };
      const short = await recalculate(twoWeeks);
      expect(short.status).toBe(409);
      expect((await json(short)).detail).toMatch(/16/);
      // the certificate says sixteen: 180 € × (14 + 2) + 309 € travel
      const certified = await recalculate({ ...twoWeeks, actualTeachingHours: 16 });
      expect(certified.status).toBe(200);
      expect(await json(certified)).toMatchObject({
        previousCents: 156_900,
        approvedCents: 318_900,
      });
      // a later recalculation on other dates keeps the certified hours
      const later = await recalculate({ actualStart: "2027-03-15", actualEnd: "2027-03-27" });
      expect(later.status).toBe(200);
      expect((await json(later)).approvedCents).toBe(300_900);
      // and both the office and the teacher read the hours in use
      const detail = await json(await t.call(staff, "GET", `/api/staff/applications/${app.id}`));
      expect(detail.application).toMatchObject({
        participant: "personnel",
        actualTeachingHours: 16,
      });
      const own = await json(await t.call(me, "GET", `/api/applications/${app.id}`));
      expect(own.actualTeachingHours).toBe(16);
      // out of range, and for a student's stay, named
      const bad = await recalculate({ ...twoWeeks, actualTeachingHours: -1 });
      expect(bad.status).toBe(422);
      expect((await json(bad)).errors.map((e: { path: string }) => e.path)).toEqual([
        "actualTeachingHours",
      ]);
    });

    it("refuses actual teaching hours for a student's grant", async () => {
      const student = await t.newStudent("student-hours@example.org");
      const created = await json(
        await t.call(student, "POST", "/api/applications", {
          situation: BERLIN_SEMESTER,
          schemes: ["erasmus"],
        }),
      );
      const request = created.requests[0];
      await t.call(
        student,
        "POST",
        `/api/applications/${created.id}/requests/${request.id}/submit`,
      );
      for (const action of ["start-review", "approve"])
        expect(
          (await t.call(staff, "POST", `/api/staff/requests/${request.id}/decision`, { action }))
            .status,
        ).toBe(200);
      const r = await t.call(staff, "POST", `/api/staff/requests/${request.id}/recalculation`, {
        actualStart: BERLIN_SEMESTER.mobility.start,
        actualEnd: BERLIN_SEMESTER.mobility.end,
        actualTeachingHours: 8,
      });
      expect(r.status).toBe(409);
      expect((await json(r)).detail).toMatch(/membre du personnel/);
    });

    it("refuses a situation that is not the account's with a 422 naming situation.personnel, in French and in English", async () => {
      const prof = await t.newPersonnel("prof-mismatch@example.org");
      const student = await t.newStudent("student-mismatch@example.org");
      for (const [caller, situation, fr, en] of [
        [prof, BERLIN_SEMESTER, /membre du personnel/, /member of the school's personnel/],
        [student, personnelStayAt(), /compte est celui d'un étudiant/, /student's account/],
      ] as const) {
        for (const [lang, words] of [
          ["fr", fr],
          ["en", en],
        ] as const) {
          const r = await create(caller, situation, lang);
          expect(r.status).toBe(422);
          expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
          const body = await json(r);
          expect(body.errors).toEqual([
            { path: "situation.personnel", message: expect.stringMatching(words) },
          ]);
        }
        expect(await json(await t.call(caller, "GET", "/api/applications"))).toEqual([]);
      }
      // nor may a draft change kind of situation
      const { app } = await submitted(await t.newPersonnel("prof-draft@example.org"));
      const other = await t.newPersonnel("prof-draft-2@example.org");
      const draft = await json(await create(other, personnelStayAt()));
      const edit = await t.call(other, "PUT", `/api/applications/${draft.id}`, {
        situation: BERLIN_SEMESTER,
      });
      expect(edit.status).toBe(422);
      expect((await json(edit)).errors[0].path).toBe("situation.personnel");
      // another personnel member's application is not found, like a missing one
      expect((await t.call(other, "GET", `/api/applications/${app.id}`)).status).toBe(404);
    });

    it("refuses a member of the office her own request: another member must decide, cancel or recompute it", async () => {
      const email = "prof-joins-office@example.org";
      const { request } = await submitted(await t.newPersonnel(email));
      // she joins the office: the school's single sign-on now says so (staff wins, ADR 016)
      await t.runtime.runPromise(
        Users.use((u) =>
          u.ensureBySubject({
            subject: "sso-prof-joins-office",
            email,
            name: "Prof Joins Office",
            role: "staff",
            emailVerified: true,
          }),
        ),
      );
      const herself = await t.signIn(email, "password-of-test");
      const decide = (caller: Caller, action: string) =>
        t.call(caller, "POST", `/api/staff/requests/${request.id}/decision`, { action });
      const refused = async (r: Response) => {
        expect(r.status).toBe(403);
        expect(await json(r)).toMatchObject({
          type: expect.stringMatching(/own-request$/),
          detail: "Cette demande est la vôtre : un autre membre de la DRI doit la traiter.",
        });
      };
      await refused(await decide(herself, "start-review"));
      expect((await decide(staff, "start-review")).status).toBe(200);
      await refused(await decide(herself, "approve"));
      // another member of the office decides it, and only another may recompute it
      expect((await decide(staff, "approve")).status).toBe(200);
      const own = await t.call(herself, "POST", `/api/staff/requests/${request.id}/recalculation`, {
        actualStart: "2027-03-15",
        actualEnd: "2027-03-18",
      });
      expect(own.status).toBe(409);
      expect((await json(own)).detail).toMatch(/un autre membre de la DRI/);
      // nor release its money
      await refused(
        await t.call(herself, "POST", `/api/staff/requests/${request.id}/decision`, {
          action: "cancel",
          reason: "plus besoin",
        }),
      );
    });

    it("keeps a personnel member out of the office's routes", async () => {
      const prof = await t.newPersonnel("prof-office@example.org");
      for (const path of ["/api/staff/queue", "/api/staff/budgets", "/api/staff/audit"])
        expect((await t.call(prof, "GET", path)).status, path).toBe(403);
    });

    it("filters the office's queue by participant, each row and the application saying whose it is", async () => {
      const { app, request } = await submitted(await t.newPersonnel("prof-queue@example.org"));
      const page = async (query: string) =>
        (await json(await t.call(staff, "GET", `/api/staff/queue?${query}&limit=200`))) as {
          items: { request: { id: string }; participant: string }[];
          total: number;
        };
      const personnel = await page("participant=personnel");
      expect(personnel.items.map((i) => i.request.id)).toContain(request.id);
      expect(new Set(personnel.items.map((i) => i.participant))).toEqual(new Set(["personnel"]));
      const students = await page("participant=student");
      expect(students.items.map((i) => i.request.id)).not.toContain(request.id);
      expect(new Set(students.items.map((i) => i.participant))).toEqual(new Set(["student"]));
      const all = await page("view=to-process");
      expect(all.total).toBe(personnel.total + students.total);

      const bad = await t.call(staff, "GET", "/api/staff/queue?participant=teacher");
      expect(bad.status).toBe(422);
      expect((await json(bad)).errors.map((e: { path: string }) => e.path)).toContain(
        "participant",
      );

      const detail = await json(await t.call(staff, "GET", `/api/staff/applications/${app.id}`));
      expect(detail.application.participant).toBe("personnel");

      const csv = await (
        await t.call(
          staff,
          "GET",
          "/api/staff/exports/requests.csv?participant=personnel",
          undefined,
          {
            "accept-language": "en",
          },
        )
      ).text();
      const lines = csv
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .filter(Boolean);
      // the last column, so that the columns read by position before keep their place
      const last = (line: string | undefined) => line?.split(";").at(-1);
      expect(last(lines[0])).toBe("Participant");
      expect(lines[0]?.split(";").slice(0, 4)).toEqual([
        "Application",
        "Applicant",
        "Email",
        "Scheme",
      ]);
      const row = lines.find((l) => l.startsWith(app.id));
      expect(last(row)).toBe("Personnel");
      expect(lines.slice(1).every((l) => last(l) === "Personnel")).toBe(true);
    });
  },
);
