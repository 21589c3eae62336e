/**
 * Every free text has a maximum length (issue #10, item 4): one character too many is a 422
 * naming the field, over real HTTP, on each kind of route (public, sign-in, student, staff,
 * partner). A text too long for the body limit itself is a 413.
 */
import { Applications } from "@envol/db";
import { BERLIN_SEMESTER, testEngines } from "@envol/db/testing";
import { TEXT_LIMITS } from "@envol/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Listening, listen } from "./testing/listen.ts";
import { ANONYMOUS, type Caller, DEMO, openTestApp, type TestApp } from "./testing/test-app.ts";

const tooLong = (limit: number) => "x".repeat(limit + 1);

const withHostName = (name: string) => ({
  ...BERLIN_SEMESTER,
  mobility: { ...BERLIN_SEMESTER.mobility, host: { country: "DE", city: "Berlin", name } },
});

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "free-text lengths over HTTP on %s",
  (_name, engine) => {
    let t: TestApp;
    let http: Listening;
    let student: Caller;
    let staff: Caller;
    let partner: Caller;
    let draftId: string;
    let requestId: string;
    let mobilityId: string;

    const send = (caller: Caller, method: string, path: string, body: unknown) =>
      fetch(`${http.url}${path}`, {
        method,
        headers: { ...caller.headers, "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    /** The 422's field paths. */
    const invalidFields = async (r: Response) => {
      expect(r.status, await r.clone().text()).toBe(422);
      expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      return ((await r.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    };

    beforeAll(async () => {
      t = await openTestApp(engine);
      http = await listen(t.app);
      student = await t.newStudent("long-texts@example.org");
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
      partner = await t.partner("tu-berlin");
      const created = await send(student, "POST", "/api/applications", {
        situation: BERLIN_SEMESTER,
        schemes: ["erasmus"],
      });
      expect(created.status).toBe(201);
      const draft = (await created.json()) as { id: string; requests: { id: string }[] };
      draftId = draft.id;
      requestId = draft.requests[0]?.id ?? "";
      // a mobility the partner sees: submitted
      await t.runtime.runPromise(
        Applications.use((a) =>
          a.decide(
            requestId,
            { action: "submit" },
            { kind: "student", userId: student.userId ?? "" },
          ),
        ),
      );
      mobilityId = draftId;
    });
    afterAll(async () => {
      await http?.close();
      await t?.dispose();
    });

    it("a host name of 201 characters: 422 on the simulation, the application and its draft", async () => {
      const long = withHostName(tooLong(TEXT_LIMITS.name));
      expect(await invalidFields(await send(ANONYMOUS, "POST", "/api/simulations", long))).toEqual([
        "mobility.host.name",
      ]);
      expect(
        await invalidFields(
          await send(student, "POST", "/api/applications", {
            situation: long,
            schemes: ["erasmus"],
          }),
        ),
      ).toEqual(["situation.mobility.host.name"]);
      expect(
        await invalidFields(
          await send(student, "PUT", `/api/applications/${draftId}`, { situation: long }),
        ),
      ).toEqual(["situation.mobility.host.name"]);
      // 200 characters are fine
      const fits = await send(ANONYMOUS, "POST", "/api/simulations", withHostName("x".repeat(200)));
      expect(fits.status).toBe(200);
    });

    it("a host name of 200 000 characters: 413, the body is over the limit", async () => {
      const r = await send(
        ANONYMOUS,
        "POST",
        "/api/simulations",
        withHostName("x".repeat(200_000)),
      );
      expect(r.status).toBe(413);
      expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    });

    it("an e-mail of 255 characters at sign-in", async () => {
      const email = `${"a".repeat(64)}@${"b".repeat(186)}.org`;
      expect(email).toHaveLength(255);
      expect(
        await invalidFields(
          await send(ANONYMOUS, "POST", "/api/auth/sign-in", { email, password: "x" }),
        ),
      ).toEqual(["email"]);
    });

    it("ids and reasons of the student's, the staff's and the partner's writes", async () => {
      expect(
        await invalidFields(
          await send(student, "POST", "/api/applications", {
            situation: BERLIN_SEMESTER,
            schemes: [tooLong(TEXT_LIMITS.id)],
          }),
        ),
      ).toEqual(["schemes.0"]);
      expect(
        await invalidFields(
          await send(
            student,
            "POST",
            `/api/applications/${draftId}/requests/${requestId}/withdraw`,
            {
              reason: tooLong(TEXT_LIMITS.text),
            },
          ),
        ),
      ).toEqual(["reason"]);
      expect(
        await invalidFields(
          await send(staff, "POST", "/api/staff/partner-keys", {
            partnerId: tooLong(TEXT_LIMITS.id),
            label: tooLong(TEXT_LIMITS.name),
          }),
        ),
      ).toEqual(["partnerId", "label"]);
      expect(
        await invalidFields(
          await send(staff, "POST", `/api/staff/requests/${requestId}/decision`, {
            action: "reject",
            reason: tooLong(TEXT_LIMITS.text),
          }),
        ),
      ).toEqual(["reason"]);
      expect(
        await invalidFields(
          await send(partner, "PUT", `/api/partner/v1/omobilities/${mobilityId}/decision`, {
            decision: "pending",
            comment: tooLong(TEXT_LIMITS.text),
          }),
        ),
      ).toEqual(["comment"]);
    });
  },
);
