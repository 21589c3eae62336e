import { BERLIN_SEMESTER, testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_BYTES } from "../../testing/json-schema-arbitrary.ts";
import {
  ANONYMOUS,
  type Caller,
  DEMO,
  openTestApp,
  type TestApp,
  TODAY,
} from "../../testing/test-app.ts";

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();

// the test app's today is 2026-11-26 (Paris); BERLIN_SEMESTER's application is of 2026-2027
const YEAR = "2026-2027";

describe.each(testEngines().map((e) => [e.name, e] as const))("calls on %s", (_name, engine) => {
  let t: TestApp;
  let staff: Caller;
  beforeAll(async () => {
    t = await openTestApp(engine);
    staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
  });
  afterAll(async () => t?.dispose());

  const put = (scheme: string, body: unknown, headers: Record<string, string> = {}) =>
    t.call(staff, "PUT", `/api/staff/calls/${scheme}/${YEAR}`, body, headers);

  it("the office opens a call, reads it with its reminders' setting, and anyone reads its window", async () => {
    expect(TODAY).toBe("2026-11-26");
    const r = await put("idf", {
      opensOn: "2026-11-01",
      closesOn: "2026-11-26",
      documentsDueOn: "2027-01-15",
    });
    expect(r.status).toBe(200);
    const call = await json(r);
    expect(call).toMatchObject({
      scheme: "idf",
      academicYear: YEAR,
      opensOn: "2026-11-01",
      closesOn: "2026-11-26",
      documentsDueOn: "2027-01-15",
      reportsDueOn: null,
      reminderDaysBefore: 7,
      open: true,
    });
    expect(typeof call.schemeName).toBe("string");

    const listed = await json(await t.call(staff, "GET", `/api/staff/calls?academicYear=${YEAR}`));
    expect(listed.map((c: { scheme: string }) => c.scheme)).toContain("idf");

    const open = await json(await t.call(ANONYMOUS, "GET", `/api/calls?academicYear=${YEAR}`));
    const idf = open.find((c: { scheme: string }) => c.scheme === "idf");
    expect(Object.keys(idf).sort()).toEqual([
      "academicYear",
      "closesOn",
      "documentsDueOn",
      "open",
      "opensOn",
      "reportsDueOn",
      "scheme",
      "schemeName",
    ]);
    expect(await json(await t.call(ANONYMOUS, "GET", "/api/calls?academicYear=2040-2041"))).toEqual(
      [],
    );
  });

  it("names each wrong field in a 422: unknown scheme, dates out of order, reminder days", async () => {
    const unknown = await put(
      "nope",
      { opensOn: "2026-11-01", closesOn: "2026-11-30" },
      { "accept-language": "en" },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    expect((await json(unknown)).errors).toEqual([
      { path: "scheme", message: 'no scheme "nope" is offered' },
    ]);

    const order = await put(
      "idf",
      {
        opensOn: "2026-12-01",
        closesOn: "2026-11-30",
        documentsDueOn: "2026-11-15",
        reportsDueOn: "2027-07-01",
      },
      { "accept-language": "fr" },
    );
    expect(order.status).toBe(422);
    expect((await json(order)).errors).toEqual([
      { path: "closesOn", message: "l'appel doit se clore le jour de son ouverture ou après" },
      { path: "documentsDueOn", message: "l'échéance ne peut précéder l'ouverture de l'appel" },
    ]);

    const days = await put("idf", {
      opensOn: "2026-11-01",
      closesOn: "2026-11-30",
      reminderDaysBefore: 61,
    });
    expect(days.status).toBe(422);
    expect((await json(days)).errors.map((e: { path: string }) => e.path)).toEqual([
      "reminderDaysBefore",
    ]);
  });

  it("is the office's only: a student may neither read the office's list nor open a call", async () => {
    const me = await t.newStudent("calls-student@example.org");
    expect((await t.call(me, "GET", "/api/staff/calls")).status).toBe(403);
    expect(
      (
        await t.call(me, "PUT", `/api/staff/calls/idf/${YEAR}`, {
          opensOn: "2026-11-01",
          closesOn: "2026-11-30",
        })
      ).status,
    ).toBe(403);
    expect((await t.call(ANONYMOUS, "GET", "/api/staff/calls")).status).toBe(401);
  });

  it("refuses a submission outside the window, with its dates in words; a draft still changes and a call open today lets it go", async () => {
    const closed = await put("erasmus", { opensOn: "2026-10-01", closesOn: "2026-11-25" });
    expect(closed.status).toBe(200);
    const schemeName = (await json(closed)).schemeName;
    const me = await t.newStudent("calls-late@example.org");
    const created = await t.call(me, "POST", "/api/applications", {
      situation: BERLIN_SEMESTER,
      schemes: ["erasmus"],
    });
    expect(created.status).toBe(201);
    const app = await json(created);
    const request = app.requests[0];
    const submit = () =>
      t.call(me, "POST", `/api/applications/${app.id}/requests/${request.id}/submit`, undefined, {
        "accept-language": "fr",
      });

    const refused = await submit();
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    const problem = await json(refused);
    expect(problem.type).toMatch(/\/call-closed$/);
    expect(problem.detail).toBe(
      `L'appel à candidatures ${schemeName} 2026-2027 était ouvert du 1er octobre 2026 au 25 novembre 2026\u00a0; il est clos.`,
    );
    expect(problem).toMatchObject({ opensOn: "2026-10-01", closesOn: "2026-11-25" });

    // the draft stays a draft, and still changes
    expect(
      (await t.call(me, "PUT", `/api/applications/${app.id}`, { situation: BERLIN_SEMESTER }))
        .status,
    ).toBe(200);

    // not open yet, in English
    await put("erasmus", { opensOn: "2026-11-27", closesOn: "2026-12-15" });
    const early = await t.call(
      me,
      "POST",
      `/api/applications/${app.id}/requests/${request.id}/submit`,
      undefined,
      { "accept-language": "en" },
    );
    expect(early.status).toBe(409);
    expect((await json(early)).detail).toBe(
      `The ${schemeName} 2026-2027 call for applications opens on 27 November 2026 and closes on 15 December 2026; it is not open yet.`,
    );

    // today is the window's first day: included
    await put("erasmus", { opensOn: "2026-11-26", closesOn: "2026-12-15" });
    const accepted = await submit();
    expect(accepted.status).toBe(200);
    expect((await json(accepted)).state).toBe("submitted");
  });

  it("lets a request whose scheme and year have no call be submitted as before", async () => {
    const me = await t.newStudent("calls-none@example.org");
    const app = await json(
      await t.call(me, "POST", "/api/applications", {
        situation: BERLIN_SEMESTER,
        schemes: ["alumni"],
      }),
    );
    const r = await t.call(
      me,
      "POST",
      `/api/applications/${app.id}/requests/${app.requests[0].id}/submit`,
    );
    expect(r.status).toBe(200);
  });

  it("lists a call's deadlines in the student's next steps while the documents they concern are missing", async () => {
    await put("erasmus", {
      opensOn: "2026-11-01",
      closesOn: "2026-12-15",
      documentsDueOn: "2027-01-10",
      reportsDueOn: "2027-08-01",
    });
    const me = await t.newStudent("calls-steps@example.org");
    const app = await json(
      await t.call(me, "POST", "/api/applications", {
        situation: BERLIN_SEMESTER,
        schemes: ["erasmus"],
      }),
    );
    const requestId = app.requests[0].id;
    const deadlines = async () =>
      (await json(await t.call(me, "GET", "/api/me/next-steps"))).items.filter(
        (i: { kind: string }) => i.kind === "call-deadline",
      );
    // a draft's documents are not due yet
    expect(await deadlines()).toEqual([]);
    const submitted = await t.call(
      me,
      "POST",
      `/api/applications/${app.id}/requests/${requestId}/submit`,
    );
    expect(submitted.status).toBe(200);

    const { checklist } = await json(await t.call(me, "GET", `/api/applications/${app.id}`));
    const before = checklist.filter((i: { due: string }) => i.due === "before-departure");
    const after = checklist.filter((i: { due: string }) => i.due === "after-return");
    // Erasmus+ asks for documents before departure and after return
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    // the stay tells apart two requests of one scheme under the one call
    const base = {
      applicationId: app.id,
      requestId,
      stay: { start: "2027-02-01", end: "2027-06-30" },
      overdue: false,
    };
    expect(await deadlines()).toEqual([
      expect.objectContaining({ ...base, deadline: "documents", date: "2027-01-10" }),
      expect.objectContaining({ ...base, deadline: "reports", date: "2027-08-01" }),
    ]);

    for (const item of before) {
      const form = new FormData();
      form.set("kind", item.id);
      form.set("file", new File([PNG_BYTES as Uint8Array<ArrayBuffer>], "scan.png"));
      const r = await t.app.request(`/api/applications/${app.id}/documents`, {
        method: "POST",
        headers: me.headers,
        body: form,
      });
      expect(r.status).toBe(201);
    }
    // the documents due before departure are in: their deadline no longer concerns the student
    expect((await deadlines()).map((d: { deadline: string }) => d.deadline)).toEqual(["reports"]);
  });
});
