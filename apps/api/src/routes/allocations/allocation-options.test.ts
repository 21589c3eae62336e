/**
 * An allocation after the office saved new options (ADR 019, 020): the requests sent before are
 * ranked at what the rules in force give their stays now, never dropped for it, and the grant
 * approved stores the options that computed its amount.
 */
import { semesterAt, testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();

const STAY = { start: "2027-02-01", end: "2027-06-30" } as const;

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "an allocation after new options on %s",
  (_name, engine) => {
    let t: TestApp;
    let staff: Caller;
    beforeAll(async () => {
      t = await openTestApp(engine);
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
    });
    afterAll(async () => t?.dispose());

    it("allocates a request sent at 450 € a month at the 400 € saved since, and its recalculation on the same dates changes nothing", async () => {
      const me = await t.newStudent("alloc-options@example.org");
      const created = await json(
        await t.call(me, "POST", "/api/applications", {
          situation: semesterAt({ ...STAY, echelon: "4", residenceRegion: "11" }),
          schemes: ["idf"],
        }),
      );
      const request = created.requests[0];
      // five months at 450 €
      expect(request.estimatedCents).toBe(225_000);
      const sent = await t.call(
        me,
        "POST",
        `/api/applications/${created.id}/requests/${request.id}/submit`,
      );
      expect(sent.status).toBe(200);

      const saved = await t.call(staff, "POST", "/api/staff/schemes/idf/options", {
        since: "2027-01-01",
        options: { monthlyRateCents: 40_000 },
        reason: "Vote du conseil régional",
      });
      expect(saved.status).toBe(200);

      const proposed = await t.call(staff, "PUT", "/api/staff/calls/idf/2026-2027/allocation", {
        rules: ["crous-echelon"],
      });
      expect(proposed.status).toBe(200);
      const allocation = await json(proposed);
      const row = allocation.rows.find((r: { requestId: string }) => r.requestId === request.id);
      expect(row).toMatchObject({ amountCents: 200_000, funded: true });

      const applied = await t.call(
        staff,
        "POST",
        "/api/staff/calls/idf/2026-2027/allocation/apply",
        {
          version: allocation.version,
        },
      );
      expect(applied.status).toBe(200);
      const after = await json(await t.call(me, "GET", `/api/applications/${created.id}`));
      expect(after.requests[0]).toMatchObject({ state: "approved", approvedCents: 200_000 });

      const recalculated = await t.call(
        staff,
        "POST",
        `/api/staff/requests/${request.id}/recalculation`,
        { actualStart: STAY.start, actualEnd: STAY.end },
      );
      expect(recalculated.status).toBe(200);
      expect((await json(recalculated)).differenceCents).toBe(0);
    });
  },
);
