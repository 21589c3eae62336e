import { type Actor, type CrousEchelon, explainRank, type RankStanding } from "@envol/domain";
import { and, eq, inArray } from "drizzle-orm";
import { Cause, Effect, Exit } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Allocations } from "./allocations.ts";
import { Applications } from "./applications.ts";
import { Budgets } from "./budgets.ts";
import { Database } from "./database.ts";
import { Grants } from "./grants.ts";
import { auditEvents, budgets, outbox, schemeRequests } from "./schema/index.ts";
import { openTestRuntime, personnelStayAt, semesterAt, testEngines } from "./testing/index.ts";
import { Users } from "./users.ts";

const STAFF = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" } as const;
const SCHEME = "erasmus";

const errorOf = <A, E>(exit: Exit.Exit<A, E>): unknown =>
  Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined;

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "allocations on %s",
  (_name, engine) => {
    let t: Awaited<ReturnType<typeof openTestRuntime>>;
    beforeAll(async () => {
      t = await openTestRuntime(engine);
    });
    afterAll(async () => t?.dispose());

    let n = 0;
    /** A student's submitted request for the scheme, in the academic year that starts in `year`. */
    const submitted = async (year: number, echelon: CrousEchelon, lang: "fr" | "en" = "fr") => {
      n += 1;
      const student = await t.run(
        Users.use((u) =>
          u.ensure({ email: `s${n}@alloc.test`, name: `Student ${n}`, role: "student", lang }),
        ),
      );
      const me: Actor = { kind: "student", userId: student.id };
      const app = await t.run(
        Applications.use((a) =>
          a.create({
            studentId: student.id,
            situation: semesterAt({
              start: `${year + 1}-02-01`,
              end: `${year + 1}-06-30`,
              echelon,
            }),
            schemes: [SCHEME],
          }),
        ),
      );
      const id = app.requests[0]?.id as string;
      await t.run(Applications.use((a) => a.decide(id, { action: "submit" }, me)));
      return {
        id,
        me,
        studentId: student.id,
        email: student.email,
        applicationId: app.id,
        cents: app.requests[0]?.estimatedCents as number,
      };
    };
    const yearOf = (year: number) => `${year}-${year + 1}`;
    const setEnvelope = (year: number, cents: number) =>
      t.run(Budgets.use((b) => b.setEnvelope(SCHEME, yearOf(year), cents, STAFF)));
    const propose = (year: number, moves: Parameters<Allocations["Service"]["propose"]>[3] = []) =>
      t.runExit(
        Allocations.use((a) =>
          a.propose(SCHEME, yearOf(year), ["crous-echelon", "submitted-at"], moves, STAFF),
        ),
      );
    const proposed = async (year: number, moves: Parameters<typeof propose>[1] = []) => {
      const exit = await propose(year, moves);
      if (Exit.isFailure(exit)) throw Cause.squash(exit.cause);
      return exit.value;
    };
    const apply = (year: number, version: number) =>
      t.runExit(Allocations.use((a) => a.apply(SCHEME, yearOf(year), version, STAFF)));
    const db = async () => (await t.run(Database)).db;
    const statesOf = async (ids: readonly string[]) =>
      new Map(
        (
          await (
            await db()
          )
            .select({ id: schemeRequests.id, state: schemeRequests.state })
            .from(schemeRequests)
            .where(inArray(schemeRequests.id, [...ids]))
        ).map((r) => [r.id, r.state]),
      );
    const committedOf = async (year: number) =>
      (
        await (
          await db()
        )
          .select()
          .from(budgets)
          .where(and(eq(budgets.scheme, SCHEME), eq(budgets.academicYear, yearOf(year))))
      )[0]?.committedCents;

    it("ranks every eligible submitted request and funds by rank within what the envelope has left, the same again for the same inputs", async () => {
      const year = 2026;
      const low = await submitted(year, "1");
      const high = await submitted(year, "5");
      const mid = await submitted(year, "3");
      const outside = await submitted(year, "4");
      const each = high.cents;
      expect(each).toBeGreaterThan(0);
      // money committed outside the allocation: a request approved by hand before
      await setEnvelope(year, 3 * each + each / 2);
      await t.run(Applications.use((a) => a.decide(outside.id, { action: "start-review" }, STAFF)));
      await t.run(Applications.use((a) => a.decide(outside.id, { action: "approve" }, STAFF)));

      const first = await proposed(year);
      expect(first).toMatchObject({ status: "proposed", version: 1, lastFundedRank: 2 });
      expect(first.envelopeCents).toBe(2 * each + each / 2);
      expect(first.rows.map((r) => [r.requestId, r.rank, r.funded, r.waitlistPosition])).toEqual([
        [high.id, 1, true, null],
        [mid.id, 2, true, null],
        [low.id, 3, false, 1],
      ]);
      expect(first.allocatedCents).toBeLessThanOrEqual(first.envelopeCents);
      expect(first.remainingCents).toBe(each / 2);
      expect(first.rows[2]?.applicantName).toBe("Student 1");

      const again = await proposed(year);
      expect(again.version).toBe(2);
      expect(again.rows.map((r) => r.standing)).toEqual(first.rows.map((r) => r.standing));
      const { db: d } = await t.run(Database);
      const events = await d
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, `${SCHEME}/${yearOf(year)}`));
      expect(events.map((e) => [e.action, e.actorId])).toEqual([
        ["set-envelope", STAFF.userId],
        ["propose-allocation", STAFF.userId],
        ["propose-allocation", STAFF.userId],
      ]);
    });

    it("never allocates above the envelope, whatever it is, and a move by hand changes only what it must", async () => {
      const year = 2027;
      const requests = [];
      for (const e of ["5", "4", "3", "2", "1"] as const) requests.push(await submitted(year, e));
      const each = requests[0]?.cents as number;
      for (const envelope of [0, each - 1, each, 2 * each + 1, 3 * each, 10 * each]) {
        await setEnvelope(year, envelope);
        const a = await proposed(year);
        expect(a.allocatedCents).toBeLessThanOrEqual(envelope);
        expect(a.rows.filter((r) => r.funded)).toHaveLength(
          Math.min(5, Math.floor(envelope / each)),
        );
      }
      await setEnvelope(year, 3 * each);
      const before = await proposed(year);
      const moved = await proposed(year, [
        { requestId: requests[4]?.id as string, to: "funded", reason: "  Jury du 12 mars  " },
      ]);
      // only the lowest-ranked of those funded by rank leaves; the rest keep rank and outcome
      const changed = moved.rows.filter(
        (r, i) => r.funded !== before.rows[i]?.funded || r.rank !== before.rows[i]?.rank,
      );
      expect(changed.map((r) => [r.requestId, r.funded])).toEqual([
        [requests[2]?.id, false],
        [requests[4]?.id, true],
      ]);
      const byHand = moved.rows.find((r) => r.byHand);
      expect(byHand?.reason).toBe("Jury du 12 mars");
      expect(JSON.stringify(byHand?.standing)).not.toContain("Jury");

      const tooMuch = await propose(
        year,
        requests.slice(0, 4).map((r) => ({ requestId: r.id, to: "funded" as const, reason: "x" })),
      );
      expect(errorOf(tooMuch)).toMatchObject({ _tag: "MovesExceedEnvelope" });
      const unknown = await propose(year, [
        { requestId: crypto.randomUUID(), to: "funded", reason: "x" },
      ]);
      expect(errorOf(unknown)).toMatchObject({ _tag: "UnknownMoveRequest" });
    });

    it("applies in one transaction: approvals at their amounts, the waitlist in rank order, each student told their rank; never twice", async () => {
      const year = 2028;
      const a = await submitted(year, "5", "en");
      const b = await submitted(year, "4", "fr");
      const c = await submitted(year, "2", "en");
      await setEnvelope(year, 2 * a.cents);
      const p = await proposed(year, [
        { requestId: c.id, to: "waitlist", reason: "Dossier incomplet au jury" },
      ]);
      // an earlier version is refused
      expect(errorOf(await apply(year, p.version + 1))).toMatchObject({
        _tag: "AllocationVersionChanged",
      });

      const [one, two] = await Promise.all([apply(year, p.version), apply(year, p.version)]);
      const outcomes = [one, two].map((e) =>
        Exit.isSuccess(e) ? "applied" : (errorOf(e) as { _tag: string })._tag,
      );
      expect(outcomes.sort()).toEqual(["AllocationApplied", "applied"]);
      const applied = Exit.isSuccess(one) ? one.value : Exit.isSuccess(two) ? two.value : undefined;
      expect(applied?.status).toBe("applied");

      const states = await statesOf([a.id, b.id, c.id]);
      expect([states.get(a.id), states.get(b.id), states.get(c.id)]).toEqual([
        "approved",
        "approved",
        "waitlisted",
      ]);
      expect(await committedOf(year)).toBe(a.cents + b.cents);

      const d = await db();
      const mails = await d
        .select()
        .from(outbox)
        .where(
          inArray(outbox.recipient, [
            `s${n - 2}@alloc.test`,
            `s${n - 1}@alloc.test`,
            `s${n}@alloc.test`,
          ]),
        );
      // one message each (the review's start is silent), with the rank explained in the student's language
      expect(
        mails
          .filter((m) => m.topic !== "request.submit")
          .map((m) => [m.recipient, m.topic])
          .sort(),
      ).toEqual([
        [`s${n - 2}@alloc.test`, "request.approve"],
        [`s${n - 1}@alloc.test`, "request.approve"],
        [`s${n}@alloc.test`, "request.waitlist"],
      ]);
      const waitMail = mails.find((m) => m.topic === "request.waitlist");
      expect(waitMail?.body).toContain(
        "; the last request funded is 2nd; the office placed your request on the waitlist, where it is 1st.",
      );
      expect(waitMail?.body).toContain("3rd of 3: CROUS échelon 2, submitted on ");
      expect(waitMail?.body).not.toContain("incomplet");
      expect(
        mails.find((m) => m.recipient === `s${n - 1}@alloc.test` && m.topic === "request.approve")
          ?.body,
      ).toContain("2e sur 3\u00a0: échelon 4");

      const actions = await d
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(inArray(auditEvents.entityId, [a.id, b.id, c.id]));
      expect(actions.map((x) => x.action).sort()).toEqual([
        "approve",
        "approve",
        "start-review",
        "start-review",
        "start-review",
        "submit",
        "submit",
        "submit",
        "waitlist",
      ]);

      expect(errorOf(await apply(year, p.version))).toMatchObject({ _tag: "AllocationApplied" });
      expect(errorOf(await propose(year))).toMatchObject({ _tag: "AllocationApplied" });

      // each student reads their own standing, and only once applied
      const mine = await t.run(Allocations.use((x) => x.standingsOf(c.studentId)));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        requestId: c.id,
        applicationId: c.applicationId,
        scheme: SCHEME,
        academicYear: yearOf(year),
      });
      expect(JSON.stringify(mine)).not.toContain("incomplet");
    });

    it("applies nothing when a request changed since the proposal, naming it", async () => {
      const year = 2029;
      const a = await submitted(year, "5");
      const b = await submitted(year, "3");
      await setEnvelope(year, 3 * a.cents);
      const p = await proposed(year);
      expect(await t.run(Allocations.use((x) => x.standingsOf(a.studentId)))).toEqual([]);
      await t.run(
        Applications.use((x) =>
          x.decide(b.id, { action: "withdraw", reason: "plans changed" }, b.me),
        ),
      );
      const refused = errorOf(await apply(year, p.version));
      expect(refused).toMatchObject({ _tag: "AllocationOutdated", requestId: b.id });
      const states = await statesOf([a.id, b.id]);
      expect([states.get(a.id), states.get(b.id)]).toEqual(["submitted", "withdrawn"]);
      expect(await committedOf(year)).toBe(0);
      expect((await t.run(Allocations.use((x) => x.find(SCHEME, yearOf(year))))).status).toBe(
        "proposed",
      );
    });

    it("applies nothing when money committed since the proposal leaves the envelope short, naming the first it no longer covers", async () => {
      const year = 2030;
      const a = await submitted(year, "5");
      const b = await submitted(year, "3");
      const other = await submitted(year, "1");
      await setEnvelope(year, 2 * a.cents);
      const p = await proposed(year, [{ requestId: other.id, to: "waitlist", reason: "x" }]);
      // the office approves by hand the request the allocation left waiting: less is left
      await t.run(Applications.use((x) => x.decide(other.id, { action: "start-review" }, STAFF)));
      await t.run(Applications.use((x) => x.decide(other.id, { action: "approve" }, STAFF)));
      // the waitlisted request changed too: the first refusal found is the one reported
      const refused = errorOf(await apply(year, p.version)) as { _tag: string; requestId: string };
      expect(refused._tag).toBe("AllocationOutdated");
      expect(refused.requestId).toBe(other.id);
      // proposed again, the envelope's remainder covers one
      const again = await proposed(year);
      expect(again.rows.filter((r) => r.funded).map((r) => r.requestId)).toEqual([a.id]);
      await t.run(
        Effect.gen(function* () {
          const { db } = yield* Database;
          // committed money elsewhere after this proposal: the envelope no longer covers a
          yield* Effect.promise(() =>
            db
              .update(budgets)
              .set({ envelopeCents: 2 * a.cents, committedCents: 2 * a.cents - 1 })
              .where(and(eq(budgets.scheme, SCHEME), eq(budgets.academicYear, yearOf(year)))),
          );
        }),
      );
      expect(errorOf(await apply(year, again.version))).toMatchObject({
        _tag: "AllocationOutdated",
        requestId: a.id,
      });
      const states = await statesOf([a.id, b.id]);
      expect([states.get(a.id), states.get(b.id)]).toEqual(["submitted", "submitted"]);
    });

    it("ranks the personnel's requests too (unknown on the students' rules, then by submission), and each reads their own standing", async () => {
      const year = "2031-2032";
      const staffOf = async (i: number) => {
        const user = await t.run(
          Users.use((u) =>
            u.ensure({ email: `p${i}@alloc.test`, name: `Personnel ${i}`, role: "personnel" }),
          ),
        );
        const me: Actor = { kind: "personnel", userId: user.id };
        const app = await t.run(
          Applications.use((a) =>
            a.create({
              studentId: user.id,
              situation: personnelStayAt({ start: "2032-03-15", end: "2032-03-19" }),
              schemes: ["erasmus-staff"],
            }),
          ),
        );
        const id = app.requests[0]?.id as string;
        await t.run(Applications.use((a) => a.decide(id, { action: "submit" }, me)));
        return { id, userId: user.id, cents: app.requests[0]?.estimatedCents as number };
      };
      const first = await staffOf(1);
      const second = await staffOf(2);
      expect(first.cents).toBeGreaterThan(0);
      await t.run(Budgets.use((b) => b.setEnvelope("erasmus-staff", year, first.cents, STAFF)));
      const p = await t.run(
        Allocations.use((a) =>
          a.propose("erasmus-staff", year, ["crous-echelon", "submitted-at"], [], STAFF),
        ),
      );
      expect(p.rows.map((r) => [r.requestId, r.funded])).toEqual([
        [first.id, true],
        [second.id, false],
      ]);
      expect(p.rows[0]?.standing.values[0]).toEqual({ rule: "crous-echelon", value: null });
      await t.run(Allocations.use((a) => a.apply("erasmus-staff", year, p.version, STAFF)));
      const mine = await t.run(Allocations.use((a) => a.standingsOf(second.userId)));
      expect(mine.map((s) => [s.requestId, s.standing.outcome.kind])).toEqual([
        [second.id, "waitlisted"],
      ]);
    });

    it("property: within envelope less committed whatever the envelope, the money committed elsewhere and the moves; the same inputs give the same standings", async () => {
      const year = 2032;
      const requests = [];
      for (const e of ["5", "4", "3", "2", "1", "0bis"] as const)
        requests.push(await submitted(year, e));
      const each = requests[0]?.cents as number;
      await setEnvelope(year, 0);
      // a fixed-seed generator: every run draws the same cases, and a failure names its case
      let seed = 20_261_206;
      const next = (n: number) => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return seed % n;
      };
      const d = await db();
      for (let k = 0; k < 15; k++) {
        const envelopeCents = next(7 * each);
        const committedCents = next(envelopeCents + 1);
        await d
          .update(budgets)
          .set({ envelopeCents, committedCents })
          .where(and(eq(budgets.scheme, SCHEME), eq(budgets.academicYear, yearOf(year))));
        const moves = requests
          .filter(() => next(4) === 0)
          .map((r) => ({
            requestId: r.id,
            to: next(2) === 0 ? ("funded" as const) : ("waitlist" as const),
            reason: `case ${k}`,
          }));
        const exit = await propose(year, moves);
        const left = envelopeCents - committedCents;
        if (Exit.isFailure(exit)) {
          // refused only when the moves to funded alone exceed what is left
          const movedCents = moves.filter((m) => m.to === "funded").length * each;
          expect(errorOf(exit), `case ${k}`).toMatchObject({ _tag: "MovesExceedEnvelope" });
          expect(movedCents, `case ${k}`).toBeGreaterThan(left);
          continue;
        }
        const a = exit.value;
        const funded = a.rows.filter((r) => r.funded);
        expect(a.envelopeCents, `case ${k}`).toBe(left);
        expect(a.allocatedCents, `case ${k}`).toBeLessThanOrEqual(left);
        expect(
          funded.reduce((sum, r) => sum + r.amountCents, 0),
          `case ${k}`,
        ).toBe(a.allocatedCents);
        for (const m of moves)
          expect(a.rows.find((r) => r.requestId === m.requestId)?.funded, `case ${k}`).toBe(
            m.to === "funded",
          );
        const again = await proposed(year, moves);
        expect(
          again.rows.map((r) => r.standing),
          `case ${k}`,
        ).toEqual(a.rows.map((r) => r.standing));
      }
    });

    it("never lets a member of the office move or apply her own request (ADR 016's conflict of interest)", async () => {
      const year = 2035;
      const mine = await submitted(year, "1");
      const other = await submitted(year, "5");
      await setEnvelope(year, mine.cents + other.cents);
      // she applied as a member of the personnel before joining the office
      const her = { kind: "staff", userId: mine.studentId } as const;
      const moved = await t.runExit(
        Allocations.use((a) =>
          a.propose(
            SCHEME,
            yearOf(year),
            ["crous-echelon"],
            [{ requestId: mine.id, to: "funded", reason: "moi" }],
            her,
          ),
        ),
      );
      expect(errorOf(moved)).toMatchObject({ _tag: "OwnRequest", requestId: mine.id });
      // ranked like any other by a colleague's proposal, but she cannot apply it herself
      const p = await proposed(year);
      expect(p.rows.map((r) => r.requestId).sort()).toEqual([mine.id, other.id].sort());
      const applied = await t.runExit(
        Allocations.use((a) => a.apply(SCHEME, yearOf(year), p.version, her)),
      );
      expect(errorOf(applied)).toMatchObject({ _tag: "OwnRequest", requestId: mine.id });
      expect([...(await statesOf([mine.id, other.id])).values()]).toEqual([
        "submitted",
        "submitted",
      ]);
      expect(Exit.isSuccess(await apply(year, p.version))).toBe(true);
    });

    it("never lets her apply an allocation that leaves her own request, waitlisted by hand before, waiting", async () => {
      const year = 2041;
      await setEnvelope(year, 0);
      const mine = await submitted(year, "1");
      // a colleague put it on the waiting list by hand
      await t.run(Applications.use((a) => a.decide(mine.id, { action: "start-review" }, STAFF)));
      await t.run(Applications.use((a) => a.decide(mine.id, { action: "waitlist" }, STAFF)));
      const other = await submitted(year, "5");
      await setEnvelope(year, other.cents);
      const p = await proposed(year);
      expect(p.rows.map((r) => [r.requestId, r.funded])).toEqual([
        [other.id, true],
        [mine.id, false],
      ]);
      const her = { kind: "staff", userId: mine.studentId } as const;
      const since = await lastMailId();
      const applied = await t.runExit(
        Allocations.use((a) => a.apply(SCHEME, yearOf(year), p.version, her)),
      );
      expect(errorOf(applied)).toMatchObject({ _tag: "OwnRequest", requestId: mine.id });
      // nothing applied, no one told anything
      const states = await statesOf([other.id, mine.id]);
      expect([states.get(other.id), states.get(mine.id)]).toEqual(["submitted", "waitlisted"]);
      const mails = await (await db()).select({ id: outbox.id }).from(outbox);
      expect(mails.filter((m) => m.id > since)).toEqual([]);
      expect(Exit.isSuccess(await apply(year, p.version))).toBe(true);
    });

    it("ranks a request waitlisted by hand before with the others, and the promotion then follows the ranks", async () => {
      const year = 2036;
      await setEnvelope(year, 0);
      const early = await submitted(year, "1");
      await t.run(Applications.use((a) => a.decide(early.id, { action: "start-review" }, STAFF)));
      await t.run(Applications.use((a) => a.decide(early.id, { action: "waitlist" }, STAFF)));
      const high = await submitted(year, "6");
      const mid = await submitted(year, "5");
      const p = await proposed(year);
      expect(p.rows.map((r) => [r.requestId, r.rank, r.funded])).toEqual([
        [high.id, 1, false],
        [mid.id, 2, false],
        [early.id, 3, false],
      ]);
      expect(Exit.isSuccess(await apply(year, p.version))).toBe(true);
      await setEnvelope(year, high.cents);
      const promoted = await t.run(
        Grants.use((g) => g.promoteWaitlisted(SCHEME, yearOf(year), STAFF)),
      );
      expect(promoted).toEqual([high.id]);
      // and a request waitlisted by hand that the allocation funds is promoted at its amount
      const later = 2037;
      await setEnvelope(later, 0);
      const waiting = await submitted(later, "2");
      await t.run(Applications.use((a) => a.decide(waiting.id, { action: "start-review" }, STAFF)));
      await t.run(Applications.use((a) => a.decide(waiting.id, { action: "waitlist" }, STAFF)));
      await setEnvelope(later, waiting.cents);
      const funded = await proposed(later);
      expect(funded.rows.map((r) => [r.requestId, r.funded])).toEqual([[waiting.id, true]]);
      expect(Exit.isSuccess(await apply(later, funded.version))).toBe(true);
      expect((await statesOf([waiting.id])).get(waiting.id)).toBe("approved");
      expect(await committedOf(later)).toBe(waiting.cents);
    });

    /** The messages written to `recipient` after the outbox's row `since`, in order. */
    const mailsOf = async (recipient: string, since = 0) =>
      (await (await db()).select().from(outbox).where(eq(outbox.recipient, recipient)))
        .filter((m) => m.id > since)
        .sort((x, y) => x.id - y.id);
    const lastMailId = async () =>
      Math.max(0, ...(await (await db()).select({ id: outbox.id }).from(outbox)).map((m) => m.id));
    const byHand = async (id: string, action: "waitlist") => {
      await t.run(Applications.use((a) => a.decide(id, { action: "start-review" }, STAFF)));
      await t.run(Applications.use((a) => a.decide(id, { action }, STAFF)));
    };

    it("tells a request waitlisted by hand and left waiting its rank, once, as it tells the others waiting", async () => {
      const year = 2038;
      await setEnvelope(year, 0);
      const early = await submitted(year, "1", "en");
      await byHand(early.id, "waitlist");
      const earlyFr = await submitted(year, "0bis", "fr");
      await byHand(earlyFr.id, "waitlist");
      const high = await submitted(year, "6", "en");
      const mid = await submitted(year, "3", "en");
      await setEnvelope(year, high.cents);
      const p = await proposed(year);
      expect(p.rows.map((r) => [r.requestId, r.funded, r.waitlistPosition])).toEqual([
        [high.id, true, null],
        [mid.id, false, 1],
        [early.id, false, 2],
        [earlyFr.id, false, 3],
      ]);
      const since = await lastMailId();
      expect(Exit.isSuccess(await apply(year, p.version))).toBe(true);

      const applied = await t.run(Allocations.use((a) => a.find(SCHEME, yearOf(year))));
      const rowOf = (id: string) => applied.rows.find((r) => r.requestId === id);
      const [toMid, toEarly, toEarlyFr] = await Promise.all(
        [mid, early, earlyFr].map((r) => mailsOf(r.email, since)),
      );
      // one message each, the same words as the other students waiting, with the rank the
      // office's view gives, explained in the student's language
      expect(toEarly?.map((m) => m.topic)).toEqual(["request.waitlist"]);
      expect(toEarlyFr?.map((m) => m.topic)).toEqual(["request.waitlist"]);
      const [mine, theirs, french] = [toEarly?.[0], toMid?.[0], toEarlyFr?.[0]];
      expect(mine?.subject).toBe(theirs?.subject);
      expect(mine?.body.split("\n\n")[0]).toBe(theirs?.body.split("\n\n")[0]);
      expect(mine?.body).toContain(explainRank(rowOf(early.id)?.standing as RankStanding, "en"));
      expect(mine?.body).toContain("3rd of 4: CROUS échelon 1");
      expect(mine?.body).toContain("your request is 2nd on the waitlist");
      expect(french?.lang).toBe("fr");
      expect(french?.body).toContain(
        explainRank(rowOf(earlyFr.id)?.standing as RankStanding, "fr"),
      );
      expect(french?.body).toContain("4e sur 4\u00a0: échelon 0bis");
      // still waiting, queued again at its rank's place
      expect((await statesOf([early.id])).get(early.id)).toBe("waitlisted");
    });

    it("tells a request waitlisted by hand that the allocation funds its rank with the promotion, once", async () => {
      const year = 2039;
      await setEnvelope(year, 0);
      const waiting = await submitted(year, "4", "fr");
      await byHand(waiting.id, "waitlist");
      const other = await submitted(year, "1", "fr");
      await setEnvelope(year, waiting.cents);
      const p = await proposed(year);
      expect(p.rows.map((r) => [r.requestId, r.funded])).toEqual([
        [waiting.id, true],
        [other.id, false],
      ]);
      const since = await lastMailId();
      expect(Exit.isSuccess(await apply(year, p.version))).toBe(true);
      const mails = await mailsOf(waiting.email, since);
      expect(mails.map((m) => m.topic)).toEqual(["request.promote"]);
      const applied = await t.run(Allocations.use((a) => a.find(SCHEME, yearOf(year))));
      expect(mails[0]?.body).toContain(
        explainRank(applied.rows[0]?.standing as RankStanding, "fr"),
      );
      expect(mails[0]?.body).toContain("1er sur 2\u00a0: échelon 4");
    });
  },
);
