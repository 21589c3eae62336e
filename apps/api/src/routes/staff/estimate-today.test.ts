import { Applications } from "@envol/db";
import { semesterAt, testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();

// an IDF semester of 2026-2027 (the demo's envelope is 150 000 €): five months at 450 € a
// month, 2 250 €, at the configured rate; 2 000 € at 400 €
const STAY = { start: "2027-02-01", end: "2027-06-30" } as const;
const SINCE = "2027-01-01";

// ADR 010 and 020: a hand approval weighs, and by default grants, what the rules in force for
// the stay's start give today, as the allocation funds it — not the estimate stored when the
// request was sent, which a save of the scheme's options may have made stale
describe.each(testEngines().map((e) => [e.name, e] as const))(
  "a hand approval after the scheme's options changed, on %s",
  (_name, engine) => {
    let t: TestApp;
    let staff: Caller;
    beforeAll(async () => {
      t = await openTestApp(engine);
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
    });
    afterAll(async () => t?.dispose());

    const decide = (request: string, decision: object) =>
      t.call(staff, "POST", `/api/staff/requests/${request}/decision`, decision);
    const saveRate = async (monthlyRateCents: number) => {
      const r = await t.call(staff, "POST", "/api/staff/schemes/idf/options", {
        since: SINCE,
        options: { monthlyRateCents },
        reason: "Vote du conseil d'administration",
      });
      expect(r.status).toBe(200);
    };

    /** A new student's IDF request for the semester, sent: its application and request ids. */
    const sent = async (email: string) => {
      const me = await t.newStudent(email);
      const app = await t.runtime.runPromise(
        Applications.use((a) =>
          a.create({
            studentId: me.userId ?? "",
            situation: semesterAt({ ...STAY, echelon: "4", residenceRegion: "11" }),
            schemes: ["idf"],
          }),
        ),
      );
      const request = app.requests[0]?.id ?? "";
      const r = await t.call(me, "POST", `/api/applications/${app.id}/requests/${request}/submit`);
      expect(r.status).toBe(200);
      expect((await decide(request, { action: "start-review" })).status).toBe(200);
      return { application: app.id, request };
    };

    /** The office's view of the request: the estimate stored at sending, and today's. */
    const viewed = async (application: string, request: string) => {
      const detail = await json(
        await t.call(staff, "GET", `/api/staff/applications/${application}`),
      );
      const r = detail.requests.find((x: { id: string }) => x.id === request);
      // today's: the live report's, on the rules in force for the stay's start
      const idf = detail.eligibility.report.schemes.find(
        (s: { scheme: string }) => s.scheme === "idf",
      );
      return { sentCents: r.estimatedCents, todayCents: idf.estimate?.totalCents ?? null };
    };

    const recalculated = async (request: string) => {
      const r = await t.call(staff, "POST", `/api/staff/requests/${request}/recalculation`, {
        actualStart: STAY.start,
        actualEnd: STAY.end,
      });
      expect(r.status).toBe(200);
      return json(r);
    };

    it("after a lowering: the view gives today's 2 000 €, approving it (the default) needs no override, and a recalculation on the same dates keeps it", async () => {
      const { application, request } = await sent("lowered@example.org");
      await saveRate(40_000);
      expect(await viewed(application, request)).toEqual({
        sentCents: 225_000,
        todayCents: 200_000,
      });
      // no amount: the default, today's estimate, with no override asked
      const approved = await decide(request, { action: "approve" });
      expect(approved.status).toBe(200);
      expect((await json(approved)).approvedCents).toBe(200_000);
      expect(await recalculated(request)).toMatchObject({
        approvedCents: 200_000,
        differenceCents: 0,
      });
    });

    it("after a raise: the view gives today's 2 250 €, the default approval grants it, and a recalculation on the same dates keeps it", async () => {
      // sent at 400 € a month (the period the test above saved), then raised back to 450 €
      const { application, request } = await sent("raised@example.org");
      expect((await viewed(application, request)).sentCents).toBe(200_000);
      await saveRate(45_000);
      expect(await viewed(application, request)).toEqual({
        sentCents: 200_000,
        todayCents: 225_000,
      });
      const approved = await decide(request, { action: "approve" });
      expect(approved.status).toBe(200);
      expect((await json(approved)).approvedCents).toBe(225_000);
      expect(await recalculated(request)).toMatchObject({
        approvedCents: 225_000,
        differenceCents: 0,
      });
    });

    it("the amount the view gives, sent explicitly, needs no override either", async () => {
      await saveRate(40_000);
      const { application, request } = await sent("explicit@example.org");
      await saveRate(42_000);
      const { todayCents } = await viewed(application, request);
      expect(todayCents).toBe(210_000);
      const approved = await decide(request, { action: "approve", amountCents: todayCents });
      expect(approved.status).toBe(200);
      // one cent more is above today's estimate: the override is asked
      const other = await sent("explicit.above@example.org");
      const above = await decide(other.request, { action: "approve", amountCents: 210_001 });
      expect(above.status).toBe(409);
      expect((await json(above)).grounds).toEqual([
        expect.objectContaining({ kind: "above-estimate", estimateCents: 210_000 }),
      ]);
    });
  },
);
