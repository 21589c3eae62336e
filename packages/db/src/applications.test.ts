import type { Actor } from "@envol/domain";
import { eq } from "drizzle-orm";
import { Cause, Exit } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Applications } from "./applications.ts";
import { Budgets } from "./budgets.ts";
import { Database } from "./database.ts";
import { auditEvents, ledgerEntries, outbox } from "./schema/index.ts";
import { BERLIN_SEMESTER, openTestRuntime, semesterAt, testEngines } from "./testing/index.ts";
import { Users } from "./users.ts";

/** The typed error an Exit failed with, to assert on (undefined for a success). */
const errorOf = <A, E>(exit: Exit.Exit<A, E>): unknown =>
  Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined;

const STAFF: Actor = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" };

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "applications on %s",
  (_name, engine) => {
    let t: Awaited<ReturnType<typeof openTestRuntime>>;
    beforeAll(async () => {
      t = await openTestRuntime(engine);
    });
    afterAll(async () => t?.dispose());

    /** A student with an application for `schemes`, each request submitted and under review. */
    const underReview = async (
      email: string,
      schemes: readonly string[],
      situation = BERLIN_SEMESTER,
    ) => {
      const student = await t.run(
        Users.use((u) => u.ensure({ email, name: "Student", role: "student", lang: "en" })),
      );
      const me: Actor = { kind: "student", userId: student.id };
      const app = await t.run(
        Applications.use((a) => a.create({ studentId: student.id, situation, schemes })),
      );
      for (const r of app.requests) {
        await t.run(Applications.use((a) => a.decide(r.id, { action: "submit" }, me)));
        await t.run(Applications.use((a) => a.decide(r.id, { action: "start-review" }, STAFF)));
      }
      return { student, me, app };
    };

    it("files an application from a simulation, with its standalone estimates", async () => {
      const { app } = await underReview("ada@example.org", ["erasmus", "idf"]);
      expect(app.academicYear).toBe("2026-2027");
      expect(app.destinationCountry).toBe("DE");
      expect(app.requests.map((r) => [r.scheme, r.state, r.estimatedCents])).toEqual([
        // Call 2026: 292 € × 150/30 + the 309 € travel support every participant gets
        ["erasmus", "draft", 176900],
        ["idf", "draft", 225000],
      ]);
      const again = await t.run(Applications.use((a) => a.get(app.id)));
      expect(again.requests.map((r) => r.state)).toEqual(["under_review", "under_review"]);
    });

    it("approves within the envelope and records the commitment, the audit event and the message", async () => {
      await t.run(Budgets.use((b) => b.setEnvelope("erasmus", "2026-2027", 1_000_000, STAFF)));
      const { app } = await underReview("grace@example.org", ["erasmus"]);
      const request = app.requests[0];
      if (!request) throw new Error("no request");
      const approved = await t.run(
        Applications.use((a) => a.decide(request.id, { action: "approve" }, STAFF)),
      );
      expect(approved).toMatchObject({ state: "approved", approvedCents: 176900 });
      const [budget] = await t.run(Budgets.use((b) => b.list("2026-2027")));
      expect(budget).toMatchObject({
        scheme: "erasmus",
        committedCents: 176900,
        remainingCents: 1_000_000 - 176900,
      });
      const { db } = await t.run(Database);
      const ledger = await db
        .select()
        .from(ledgerEntries)
        .where(eq(ledgerEntries.requestId, request.id));
      expect(ledger.map((l) => [l.kind, l.amountCents])).toEqual([["commitment", 176900]]);
      const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, request.id));
      expect(audit.map((e) => e.action)).toEqual(["submit", "start-review", "approve"]);
      expect(audit.at(-1)).toMatchObject({
        actorKind: "staff",
        before: { state: "under_review", approvedCents: null },
      });
      const messages = await db
        .select()
        .from(outbox)
        .where(eq(outbox.recipient, "grace@example.org"));
      expect(messages.at(-1)).toMatchObject({
        lang: "en",
        subject: "Grant awarded: Erasmus+ Europe",
      });
    });

    it("refuses to approve without an envelope, and an illegal move before looking for one", async () => {
      const { app, me } = await underReview("hopper@example.org", ["fitec"]);
      const request = app.requests[0];
      if (!request) throw new Error("no request");
      const student = await t.runExit(
        Applications.use((a) => a.decide(request.id, { action: "approve" }, me)),
      );
      expect(errorOf(student)).toMatchObject({
        _tag: "TransitionNotAllowed",
        actor: "student",
        action: "approve",
      });
      // FITEC does not fund a stay in Berlin: the office overrides it, and still finds no envelope
      const staff = await t.runExit(
        Applications.use((a) =>
          a.decide(
            request.id,
            {
              action: "approve",
              amountCents: 100,
              override: { reason: "jury", grounds: ["not-eligible", "above-estimate"] },
            },
            STAFF,
          ),
        ),
      );
      expect(errorOf(staff)).toMatchObject({
        _tag: "BudgetNotFound",
        scheme: "fitec",
        academicYear: "2026-2027",
      });
    });

    it("never overspends: 50 approvals of 100 € race against an envelope of 1 000 €", async () => {
      await t.run(Budgets.use((b) => b.setEnvelope("alumni", "2026-2027", 100_000, STAFF)));
      const requests = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          underReview(`race${i}@example.org`, ["alumni"]).then(
            (x) => x.app.requests[0]?.id as string,
          ),
        ),
      );
      const results = await Promise.all(
        requests.map((id) =>
          t.runExit(
            Applications.use((a) =>
              a.decide(
                id,
                {
                  action: "approve",
                  amountCents: 10_000,
                  override: { reason: "jury", grounds: ["not-eligible", "above-estimate"] },
                },
                STAFF,
              ),
            ),
          ),
        ),
      );
      const ok = results.filter(Exit.isSuccess);
      const failed = results.filter(Exit.isFailure);
      expect(ok.length).toBe(10);
      expect(failed.length).toBe(40);
      for (const f of failed)
        expect(errorOf(f)).toMatchObject({ _tag: "BudgetExceeded", requestedCents: 10_000 });
      const budget = (await t.run(Budgets.use((b) => b.list("2026-2027")))).find(
        (b) => b.scheme === "alumni",
      );
      expect(budget).toMatchObject({
        envelopeCents: 100_000,
        committedCents: 100_000,
        remainingCents: 0,
      });
    });

    it("releases the commitment on withdrawal", async () => {
      await t.run(Budgets.use((b) => b.setEnvelope("idf", "2026-2027", 500_000, STAFF)));
      const { app, me } = await underReview("lovelace@example.org", ["idf"]);
      const id = app.requests[0]?.id as string;
      await t.run(Applications.use((a) => a.decide(id, { action: "approve" }, STAFF)));
      await t.run(
        Applications.use((a) => a.decide(id, { action: "withdraw", reason: "plans changed" }, me)),
      );
      const budget = (await t.run(Budgets.use((b) => b.list("2026-2027")))).find(
        (b) => b.scheme === "idf",
      );
      expect(budget?.committedCents).toBe(0);
    });

    it("keeps the audit trail append-only", async () => {
      const { db } = await t.run(Database);
      // drizzle wraps the database's error: the trigger's message is its cause
      const refusal = (e: unknown) => String((e as { cause?: Error }).cause?.message ?? e);
      const update = await db
        .update(auditEvents)
        .set({ reason: "tampered" })
        .then(() => "updated", refusal);
      // as the owner, the trigger refuses; as the runtime role (DATABASE_TEST_AS_APP_ROLE), the
      // missing right does, before the trigger
      expect(update).toMatch(
        /append-only: UPDATE refused|permission denied for table audit_events/,
      );
      const removal = await db.delete(auditEvents).then(() => "deleted", refusal);
      expect(removal).toMatch(
        /append-only: DELETE refused|permission denied for table audit_events/,
      );
    });

    describe("approvals the rules would refuse", () => {
      /** FITEC and Erasmus+ KA171 (`mic`) on one semester at USP: each eligible, not combined. */
      const saoPaulo = async (email: string) => {
        const { app } = await underReview(email, ["fitec", "mic"], semesterAt({ host: "usp" }));
        const [fitec, mic] = ["fitec", "mic"].map(
          (s) => app.requests.find((r) => r.scheme === s)?.id as string,
        );
        return { fitec: fitec as string, mic: mic as string };
      };
      const approve = (id: string, decision: object = {}) =>
        t.runExit(Applications.use((a) => a.decide(id, { action: "approve", ...decision }, STAFF)));

      beforeAll(async () => {
        for (const scheme of ["fitec", "mic"])
          await t.run(Budgets.use((b) => b.setEnvelope(scheme, "2026-2027", 100_000_000, STAFF)));
      });

      it("refuses a second exclusive grant for the same stay, naming the first, and takes it with an override kept in the audit trail", async () => {
        const { fitec, mic } = await saoPaulo("exclusive@example.org");
        expect(Exit.isSuccess(await approve(fitec))).toBe(true);
        expect(errorOf(await approve(mic))).toMatchObject({
          _tag: "OverrideRequired",
          grounds: [{ kind: "exclusive", requestId: fitec, scheme: "fitec" }],
        });
        const overridden = await approve(mic, {
          override: { reason: "Cumul voté en jury", grounds: ["exclusive"] },
        });
        expect(Exit.isSuccess(overridden) && overridden.value.state).toBe("approved");
        const { db } = await t.run(Database);
        const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, mic));
        expect(audit.at(-1)).toMatchObject({
          action: "approve",
          reason: "Cumul voté en jury",
          after: {
            state: "approved",
            override: { reason: "Cumul voté en jury", grounds: [{ kind: "exclusive" }] },
          },
        });
      });

      it("refuses a scheme that does not find the stay eligible, and an amount above its estimate, saying both figures", async () => {
        const berlin = await underReview("berlin-fitec@example.org", ["fitec", "erasmus"]);
        const [fitec, erasmus] = ["fitec", "erasmus"].map((s) =>
          berlin.app.requests.find((r) => r.scheme === s),
        );
        expect(errorOf(await approve(fitec?.id as string, { amountCents: 100_000 }))).toMatchObject(
          {
            _tag: "OverrideRequired",
            grounds: [{ kind: "not-eligible", verdict: "ineligible" }],
          },
        );
        await t.run(Budgets.use((b) => b.setEnvelope("erasmus", "2026-2027", 100_000_000, STAFF)));
        expect(
          errorOf(await approve(erasmus?.id as string, { amountCents: 14_000_000 })),
        ).toMatchObject({
          _tag: "OverrideRequired",
          grounds: [{ kind: "above-estimate", amountCents: 14_000_000, estimateCents: 176_900 }],
        });
        const exit = await approve(erasmus?.id as string, { amountCents: 176_900 });
        expect(Exit.isSuccess(exit) && exit.value.approvedCents).toBe(176_900);
      });

      it("lets at most one of two exclusive grants approved at once through without an override", async () => {
        for (let round = 0; round < 3; round++) {
          const { fitec, mic } = await saoPaulo(`race-exclusive-${round}@example.org`);
          const results = await Promise.all([approve(fitec), approve(mic)]);
          expect(results.filter(Exit.isSuccess)).toHaveLength(1);
          expect(
            errorOf(results.find(Exit.isFailure) as Exit.Exit<unknown, unknown>),
          ).toMatchObject({ _tag: "OverrideRequired", grounds: [{ kind: "exclusive" }] });
        }
      });
    });
  },
);
