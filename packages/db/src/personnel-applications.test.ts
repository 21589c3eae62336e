import type { Actor } from "@envol/domain";
import { eq, sql } from "drizzle-orm";
import { Cause, Exit } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Applications } from "./applications.ts";
import { Budgets } from "./budgets.ts";
import { Database } from "./database.ts";
import { auditEvents } from "./schema/index.ts";
import { BERLIN_SEMESTER, openTestRuntime, personnelStayAt, testEngines } from "./testing/index.ts";
import { Users } from "./users.ts";

const STAFF: Actor = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" };

/** The school's personnel as applicants (ADR 016): their accounts, their actions, the queue. */
describe.each(testEngines().map((e) => [e.name, e] as const))(
  "personnel applications on %s",
  (_name, engine) => {
    let t: Awaited<ReturnType<typeof openTestRuntime>>;
    beforeAll(async () => {
      t = await openTestRuntime(engine);
    });
    afterAll(async () => t?.dispose());

    /** An applicant of `role` with an application for `scheme`, its request submitted. */
    const submitted = async (email: string, role: "student" | "personnel", scheme: string) => {
      const user = await t.run(
        Users.use((u) => u.ensure({ email, name: email.split("@")[0] ?? email, role })),
      );
      const me: Actor = { kind: role, userId: user.id };
      const situation = role === "personnel" ? personnelStayAt() : BERLIN_SEMESTER;
      const app = await t.run(
        Applications.use((a) => a.create({ studentId: user.id, situation, schemes: [scheme] })),
      );
      const request = app.requests[0];
      if (!request) throw new Error("no request");
      await t.run(Applications.use((a) => a.decide(request.id, { action: "submit" }, me)));
      return { user, me, app, request };
    };

    it("stores a personnel account, and records its actions as the personnel's in the audit trail", async () => {
      const { user, app, request } = await submitted(
        "claire@example.org",
        "personnel",
        "erasmus-staff",
      );
      expect(user.role).toBe("personnel");
      expect(app.participant).toBe("personnel");
      const { db } = await t.run(Database);
      const events = await db
        .select({
          kind: auditEvents.actorKind,
          id: auditEvents.actorId,
          action: auditEvents.action,
        })
        .from(auditEvents)
        .where(eq(auditEvents.actorId, user.id));
      expect(events).toEqual([
        { kind: "personnel", id: user.id, action: "create-application" },
        { kind: "personnel", id: user.id, action: "submit" },
      ]);
      expect((await t.run(Applications.use((a) => a.get(request.applicationId)))).participant).toBe(
        "personnel",
      );
    });

    it("lets a personnel member act on their own requests only", async () => {
      const { request } = await submitted("paul@example.org", "personnel", "erasmus-staff");
      const other = await t.run(
        Users.use((u) =>
          u.ensure({ email: "zoe@example.org", name: "Zoé", role: "personnel", lang: "fr" }),
        ),
      );
      const exit = await t.runExit(
        Applications.use((a) =>
          a.decide(request.id, { action: "withdraw" }, { kind: "personnel", userId: other.id }),
        ),
      );
      expect(Exit.isFailure(exit) && Cause.squash(exit.cause)).toMatchObject({
        _tag: "NotYourRequest",
        actor: "personnel",
      });
    });

    it("filters the office's queue by participant, each row saying its own", async () => {
      const student = await submitted("ines@example.org", "student", "erasmus");
      const personnel = await submitted("marc@example.org", "personnel", "erasmus-staff");
      const page = (participant?: "student" | "personnel") =>
        t.run(
          Applications.use((a) =>
            a.queue({ view: "to-process", ...(participant && { participant }), limit: 200 }),
          ),
        );
      const ids = (rows: readonly { request: { id: string } }[]) => rows.map((r) => r.request.id);

      const all = await page();
      expect(ids(all.rows)).toEqual(
        expect.arrayContaining([student.request.id, personnel.request.id]),
      );
      const onlyPersonnel = await page("personnel");
      expect(ids(onlyPersonnel.rows)).toContain(personnel.request.id);
      expect(ids(onlyPersonnel.rows)).not.toContain(student.request.id);
      expect(onlyPersonnel.rows.every((r) => r.participant === "personnel")).toBe(true);
      expect(onlyPersonnel.total).toBe(onlyPersonnel.rows.length);
      const onlyStudents = await page("student");
      expect(ids(onlyStudents.rows)).toContain(student.request.id);
      expect(ids(onlyStudents.rows)).not.toContain(personnel.request.id);
      expect(onlyStudents.rows.every((r) => r.participant === "student")).toBe(true);
      expect(onlyStudents.total + onlyPersonnel.total).toBe(all.total);

      const batch = await t.run(
        Applications.use((a) => a.queueAfter({ participant: "personnel" }, null, 100)),
      );
      expect(batch.rows.map((r) => r.participant)).toEqual(
        batch.rows.map(() => "personnel" as const),
      );
      expect(ids(batch.rows)).toContain(personnel.request.id);
    });

    it("approves a personnel request within erasmus-staff's own envelope, and refuses one above it", async () => {
      await t.run(Budgets.use((b) => b.setEnvelope("erasmus-staff", "2026-2027", 200_000, STAFF)));
      await t.run(Budgets.use((b) => b.setEnvelope("erasmus", "2026-2027", 1_000_000, STAFF)));
      const review = async (email: string) => {
        const { request } = await submitted(email, "personnel", "erasmus-staff");
        await t.run(
          Applications.use((a) => a.decide(request.id, { action: "start-review" }, STAFF)),
        );
        return request;
      };
      const first = await review("anne@example.org");
      const approved = await t.run(
        Applications.use((a) => a.decide(first.id, { action: "approve" }, STAFF)),
      );
      // rulebook §10: 180 € × (5 + 2) + 309 € travel, the estimate
      expect(approved).toMatchObject({ state: "approved", approvedCents: 156_900 });
      const envelopes = await t.run(Budgets.use((b) => b.list("2026-2027")));
      expect(envelopes.find((b) => b.scheme === "erasmus-staff")).toMatchObject({
        committedCents: 156_900,
        remainingCents: 200_000 - 156_900,
      });
      // the students' envelope is not the personnel's
      expect(envelopes.find((b) => b.scheme === "erasmus")?.committedCents).toBe(0);

      const second = await review("bruno@example.org");
      const refused = await t.runExit(
        Applications.use((a) => a.decide(second.id, { action: "approve" }, STAFF)),
      );
      expect(Exit.isFailure(refused) && Cause.squash(refused.cause)).toMatchObject({
        _tag: "BudgetExceeded",
        scheme: "erasmus-staff",
        requestedCents: 156_900,
        remainingCents: 43_100,
      });
    });

    it("takes the personnel role in the users table, whose check refuses a role it does not know", async () => {
      const { db } = await t.run(Database);
      const insert = (email: string, role: string) =>
        db.execute(
          sql`insert into users (id, email, name, role, created_at) values (gen_random_uuid(), ${email}, 'X', ${role}, now())`,
        );
      await insert("p@example.org", "personnel");
      await expect(insert("o@example.org", "office")).rejects.toMatchObject({
        cause: expect.objectContaining({ constraint: "users_role" }),
      });
    });
  },
);
