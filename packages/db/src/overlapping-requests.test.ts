import type { Actor, RequestState } from "@envol/domain";
import { Cause, Exit } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Applications, type Decision } from "./applications.ts";
import { OverlappingRequest } from "./errors.ts";
import { openTestRuntime, semesterAt, testEngines } from "./testing/index.ts";
import { Users } from "./users.ts";

const errorOf = <A, E>(exit: Exit.Exit<A, E>): unknown =>
  Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined;

const STAFF: Actor = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" };

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "the same stay funded twice, on %s",
  (_name, engine) => {
    let t: Awaited<ReturnType<typeof openTestRuntime>>;
    beforeAll(async () => {
      t = await openTestRuntime(engine);
    });
    afterAll(async () => t?.dispose());

    let n = 0;
    const student = async () => {
      const s = await t.run(
        Users.use((u) =>
          u.ensure({ email: `twice${n++}@example.org`, name: "Student", role: "student" }),
        ),
      );
      return { id: s.id, me: { kind: "student", userId: s.id } as Actor };
    };
    const apply = (
      studentId: string,
      dates: { start: string; end: string },
      schemes: readonly string[] = ["erasmus"],
    ) =>
      t.run(
        Applications.use((a) =>
          a.create({ studentId, situation: semesterAt({ ...dates }), schemes }),
        ),
      );
    const requestOf = (
      app: { requests: readonly { id: string; scheme: string }[] },
      scheme = "erasmus",
    ) => app.requests.find((r) => r.scheme === scheme)?.id as string;
    const submit = (requestId: string, me: Actor) =>
      t.runExit(Applications.use((a) => a.decide(requestId, { action: "submit" }, me)));

    const SPRING = { start: "2027-02-01", end: "2027-06-30" };
    const LATE_SPRING = { start: "2027-06-30", end: "2027-08-31" };
    const AUTUMN = { start: "2027-09-01", end: "2028-01-31" };

    it("refuses a second request for the same scheme on an overlapping stay, naming the first", async () => {
      const s = await student();
      const first = await apply(s.id, SPRING);
      expect(Exit.isSuccess(await submit(requestOf(first), s.me))).toBe(true);
      const second = await apply(s.id, LATE_SPRING);
      const error = errorOf(await submit(requestOf(second), s.me));
      expect(error).toBeInstanceOf(OverlappingRequest);
      expect(error).toMatchObject({
        requestId: requestOf(second),
        scheme: "erasmus",
        otherApplicationId: first.id,
        otherStartDate: "2027-02-01",
        otherEndDate: "2027-06-30",
        otherState: "submitted",
      });
      // the scheme by its name, the other stay by its dates in words: no id, no ISO date
      const en = (error as OverlappingRequest).explain("en");
      expect(en).toMatch(
        /^This Erasmus\+ .+ request cannot be submitted: your application for the stay from 1 February 2027 to 30 June 2027, which overlaps this one, already has a Erasmus\+ .+ request in the state “submitted”\. The same stay cannot be funded twice by the same scheme\.$/,
      );
      const fr = (error as OverlappingRequest).explain("fr");
      expect(fr).toContain("votre candidature pour le séjour du 1er février 2027 au 30 juin 2027");
      for (const text of [en, fr]) expect(text).not.toMatch(/[0-9a-f]{8}-|2027-0|erasmus /);
      const after = await t.run(Applications.use((a) => a.get(second.id)));
      expect(after.requests.map((r) => r.state)).toEqual(["draft"]);
    });

    it("lets the stay be applied for again once the first request no longer stands", async () => {
      const s = await student();
      const first = await apply(s.id, SPRING);
      await submit(requestOf(first), s.me);
      await t.run(
        Applications.use((a) => a.decide(requestOf(first), { action: "withdraw" }, s.me)),
      );
      const second = await apply(s.id, SPRING);
      expect(Exit.isSuccess(await submit(requestOf(second), s.me))).toBe(true);
    });

    it("does not count drafts, and refuses in every standing state", async () => {
      const s = await student();
      const draft = await apply(s.id, SPRING);
      const other = await apply(s.id, SPRING);
      // a draft asks for nothing: the other application may be submitted
      expect(Exit.isSuccess(await submit(requestOf(other), s.me))).toBe(true);
      // and now the draft cannot be, as long as the other one stands
      const steps: readonly [Decision, RequestState][] = [
        [{ action: "start-review" }, "under_review"],
        [{ action: "waitlist" }, "waitlisted"],
      ];
      expect(errorOf(await submit(requestOf(draft), s.me))).toMatchObject({
        otherState: "submitted",
      });
      for (const [decision, state] of steps) {
        const moved = await t.runExit(
          Applications.use((a) => a.decide(requestOf(other), decision, STAFF)),
        );
        expect(Exit.isSuccess(moved)).toBe(true);
        expect(errorOf(await submit(requestOf(draft), s.me))).toMatchObject({
          otherState: state,
        });
      }
    });

    it("accepts another scheme on the same stay, and the same scheme on a stay that does not overlap", async () => {
      const s = await student();
      const spring = await apply(s.id, SPRING, ["erasmus", "idf"]);
      await submit(requestOf(spring), s.me);
      const springAgain = await apply(s.id, SPRING, ["idf"]);
      expect(Exit.isSuccess(await submit(requestOf(springAgain, "idf"), s.me))).toBe(true);
      const autumn = await apply(s.id, AUTUMN);
      expect(Exit.isSuccess(await submit(requestOf(autumn), s.me))).toBe(true);
      // another student's overlapping stay is theirs
      const o = await student();
      const theirs = await apply(o.id, SPRING);
      expect(Exit.isSuccess(await submit(requestOf(theirs), o.me))).toBe(true);
    });

    it("lets exactly one of two overlapping applications submitted at the same time through", async () => {
      for (let round = 0; round < 5; round++) {
        const s = await student();
        const a = await apply(s.id, SPRING);
        const b = await apply(s.id, LATE_SPRING);
        const exits = await Promise.all([submit(requestOf(a), s.me), submit(requestOf(b), s.me)]);
        expect(exits.filter(Exit.isSuccess)).toHaveLength(1);
        expect(exits.map(errorOf).filter((e) => e !== undefined)).toEqual([
          expect.any(OverlappingRequest),
        ]);
      }
    });
  },
);
