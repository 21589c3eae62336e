/**
 * Dates outside 2000-01-01 – 2100-12-31 are a 422 naming the field (issue #10, item 8): year 0
 * reached the database and gave a 500 on four routes, and a stay from year 1 to 9999 was
 * accepted. Over real HTTP, on the simulation and the four routes, with an application that
 * each route really acts on (a draft, an approved grant, a mobility its host sees).
 */
import { Applications, Users } from "@envol/db";
import { BERLIN_SEMESTER, testEngines } from "@envol/db/testing";
import type { Actor, Situation } from "@envol/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Listening, listen } from "./testing/listen.ts";
import { ANONYMOUS, type Caller, DEMO, openTestApp, type TestApp } from "./testing/test-app.ts";

/** Stays with a date out of range: year 0, year 1 to 9999, year 9999. */
const OUT_OF_RANGE = [
  ["0000-02-01", "0000-06-30"],
  ["0001-01-01", "9999-12-31"],
  ["9999-02-01", "9999-06-30"],
] as const;

const stay = (start: string, end: string): Situation => ({
  ...BERLIN_SEMESTER,
  mobility: { ...BERLIN_SEMESTER.mobility, start, end },
});

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "dates out of range over HTTP on %s",
  (_name, engine) => {
    let t: TestApp;
    let http: Listening;
    let student: Caller;
    let staff: Caller;
    let berlin: Caller;
    let draftId: string;
    /** An approved request of a submitted application to TU Berlin. */
    let approved: { applicationId: string; requestId: string };

    const send = (caller: Caller, method: string, path: string, body: unknown) =>
      fetch(`${http.url}${path}`, {
        method,
        headers: { ...caller.headers, "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    const expectInvalid = async (r: Response, fields: readonly string[]) => {
      const text = await r.text();
      expect(r.status, text).toBe(422);
      expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const errors = (JSON.parse(text) as { errors: { path: string; message: string }[] }).errors;
      for (const field of fields)
        expect(errors, text).toContainEqual({
          path: field,
          message: "doit être une date du 2000-01-01 au 2100-12-31",
        });
    };

    beforeAll(async () => {
      t = await openTestApp(engine);
      http = await listen(t.app);
      student = await t.newStudent("dates@example.org");
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
      berlin = await t.partner("tu-berlin");
      const created = await send(student, "POST", "/api/applications", {
        situation: BERLIN_SEMESTER,
        schemes: ["erasmus"],
      });
      expect(created.status).toBe(201);
      draftId = ((await created.json()) as { id: string }).id;

      const other = await t.runtime.runPromise(
        Users.use((u) => u.ensure({ email: "approved@example.org", name: "A", role: "student" })),
      );
      const staffUser = await t.runtime.runPromise(
        Users.use((u) => u.findByEmail(DEMO.staff.email)),
      );
      const office: Actor = { kind: "staff", userId: staffUser?.id ?? "" };
      const application = await t.runtime.runPromise(
        Applications.use((a) =>
          a.create({ studentId: other.id, situation: BERLIN_SEMESTER, schemes: ["erasmus"] }),
        ),
      );
      const requestId = application.requests[0]?.id ?? "";
      const steps = [
        [{ action: "submit" }, { kind: "student", userId: other.id }],
        [{ action: "start-review" }, office],
        [{ action: "approve" }, office],
      ] as const;
      for (const [decision, actor] of steps)
        await t.runtime.runPromise(Applications.use((a) => a.decide(requestId, decision, actor)));
      approved = { applicationId: application.id, requestId };
    });
    afterAll(async () => {
      await http?.close();
      await t?.dispose();
    });

    it.each(OUT_OF_RANGE)("a simulation from %s to %s", async (start, end) => {
      await expectInvalid(await send(ANONYMOUS, "POST", "/api/simulations", stay(start, end)), [
        "mobility.start",
        "mobility.end",
      ]);
    });

    it.each(OUT_OF_RANGE)("an application from %s to %s", async (start, end) => {
      await expectInvalid(
        await send(student, "POST", "/api/applications", {
          situation: stay(start, end),
          schemes: ["erasmus"],
        }),
        ["situation.mobility.start", "situation.mobility.end"],
      );
    });

    it.each(OUT_OF_RANGE)("a draft changed to %s – %s", async (start, end) => {
      await expectInvalid(
        await send(student, "PUT", `/api/applications/${draftId}`, { situation: stay(start, end) }),
        ["situation.mobility.start", "situation.mobility.end"],
      );
    });

    it.each(OUT_OF_RANGE)("a recalculation on %s – %s", async (start, end) => {
      await expectInvalid(
        await send(staff, "POST", `/api/staff/requests/${approved.requestId}/recalculation`, {
          actualStart: start,
          actualEnd: end,
        }),
        ["actualStart", "actualEnd"],
      );
    });

    it.each(OUT_OF_RANGE)("a partner's verified decision with %s – %s", async (start, end) => {
      await expectInvalid(
        await send(
          berlin,
          "PUT",
          `/api/partner/v1/omobilities/${approved.applicationId}/decision`,
          {
            decision: "verified",
            actual_arrival_date: start,
            actual_departure_date: end,
          },
        ),
        ["actual_arrival_date", "actual_departure_date"],
      );
    });

    it("still takes the dates of a real stay on each route", async () => {
      const real = ["2027-02-01", "2027-06-30"] as const;
      expect((await send(ANONYMOUS, "POST", "/api/simulations", stay(...real))).status).toBe(200);
      expect(
        (await send(student, "PUT", `/api/applications/${draftId}`, { situation: stay(...real) }))
          .status,
      ).toBe(200);
      expect(
        (
          await send(staff, "POST", `/api/staff/requests/${approved.requestId}/recalculation`, {
            actualStart: real[0],
            actualEnd: real[1],
          })
        ).status,
      ).toBe(200);
    });
  },
);
