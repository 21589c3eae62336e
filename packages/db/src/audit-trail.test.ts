import type { Actor, Situation } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { Effect, Layer, ManagedRuntime } from "effect";
import { TestClock } from "effect/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Applications } from "./applications.ts";
import { AuditTrail } from "./audit-trail.ts";
import { Budgets } from "./budgets.ts";
import { Partners } from "./partners.ts";
import { repositoriesLayer, type TestEngine, testEngines } from "./testing/index.ts";
import { Users } from "./users.ts";

const STAFF: Actor = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" };

/** Runs `effect` with the clock at `iso`. */
const at =
  (iso: string) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.andThen(TestClock.setTime(Date.parse(iso)), effect).pipe(
      Effect.provide(TestClock.layer()),
    );

const situation: Situation = {
  asOf: "2026-11-26",
  mobility: {
    kind: "study",
    host: { partner: "tu-berlin" },
    start: "2027-02-01",
    end: "2027-06-30",
  },
};

const open = async (engine: TestEngine) => {
  const { config, drop } = await engine.create();
  const runtime = ManagedRuntime.make(
    AuditTrail.layer.pipe(Layer.provideMerge(repositoriesLayer(config))),
  );
  await runtime.runPromise(Partners.use((p) => p.seed(DEMO_PARTNER_CATALOGUE)));
  return {
    run: runtime.runPromise,
    dispose: async () => {
      await runtime.dispose();
      await drop();
    },
  };
};

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "audit trail on %s",
  (_name, engine) => {
    let t: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      t = await open(engine);
    });
    afterAll(async () => t?.dispose());

    it("tells the history of one entity, oldest first, with who, when, before and after", async () => {
      await t.run(
        at("2026-12-01T09:00:00Z")(
          Budgets.use((b) => b.setEnvelope("erasmus", "2026-2027", 1_000_000, STAFF)),
        ),
      );
      await t.run(
        at("2026-12-02T09:00:00Z")(
          Budgets.use((b) => b.setEnvelope("idf", "2026-2027", 500_000, STAFF)),
        ),
      );
      await t.run(
        at("2026-12-03T09:00:00Z")(
          Budgets.use((b) => b.setEnvelope("erasmus", "2026-2027", 2_000_000, STAFF)),
        ),
      );
      const events = await t.run(AuditTrail.use((a) => a.forEntity("budget", "erasmus/2026-2027")));
      expect(events.map((e) => [e.at, e.actor, e.action, e.before, e.after, e.reason])).toEqual([
        [
          "2026-12-01T09:00:00.000Z",
          { kind: "staff", id: STAFF.kind === "staff" && STAFF.userId },
          "set-envelope",
          null,
          { envelopeCents: 1_000_000 },
          null,
        ],
        [
          "2026-12-03T09:00:00.000Z",
          { kind: "staff", id: STAFF.kind === "staff" && STAFF.userId },
          "set-envelope",
          { envelopeCents: 1_000_000 },
          { envelopeCents: 2_000_000 },
          null,
        ],
      ]);
      expect(await t.run(AuditTrail.use((a) => a.forEntity("budget", "mic/2026-2027")))).toEqual(
        [],
      );
    });

    it("keeps a request's events in the order they were written, even within one second", async () => {
      const student = await t.run(
        Users.use((u) => u.ensure({ email: "ada@example.org", name: "Ada", role: "student" })),
      );
      const me: Actor = { kind: "student", userId: student.id };
      const app = await t.run(
        Applications.use((a) => a.create({ studentId: student.id, situation, schemes: ["idf"] })),
      );
      const id = app.requests[0]?.id as string;
      // all at the same instant: only the write order tells them apart
      const sameTime = at("2026-12-10T10:00:00Z");
      await t.run(sameTime(Applications.use((a) => a.decide(id, { action: "submit" }, me))));
      await t.run(
        sameTime(Applications.use((a) => a.decide(id, { action: "start-review" }, STAFF))),
      );
      await t.run(
        sameTime(
          Applications.use((a) => a.decide(id, { action: "reject", reason: "incomplete" }, STAFF)),
        ),
      );
      const events = await t.run(AuditTrail.use((a) => a.forEntity("scheme_request", id)));
      expect(events.map((e) => [e.action, e.actor.kind, e.reason])).toEqual([
        ["submit", "student", null],
        ["start-review", "staff", null],
        ["reject", "staff", "incomplete"],
      ]);
    });

    it("reads several entities' events in one query, oldest first, and nothing else", async () => {
      const all = await t.run(AuditTrail.use((a) => a.recent({ limit: 200 })));
      const request = all.find((e) => e.entityType === "scheme_request");
      if (!request) throw new Error("no request event");
      const wanted = [
        { type: "budget", id: "erasmus/2026-2027" },
        { type: "scheme_request", id: request.entityId },
        { type: "budget", id: "no-such/2026-2027" },
      ];
      const events = await t.run(AuditTrail.use((a) => a.forEntities(wanted)));
      // exactly what one query per entity gives, in the order the events were written
      const one = async (type: string, id: string) =>
        t.run(AuditTrail.use((a) => a.forEntity(type, id)));
      const expected = [
        ...(await one("budget", "erasmus/2026-2027")),
        ...(await one("scheme_request", request.entityId)),
      ].sort((x, y) => x.id - y.id);
      expect(events).toEqual(expected);
      expect(events.map((e) => e.entityType)).toEqual([
        "budget",
        "budget",
        "scheme_request",
        "scheme_request",
        "scheme_request",
      ]);
      // the idf envelope, another entity of the same type, is left out
      expect(events.some((e) => e.entityId === "idf/2026-2027")).toBe(false);
      expect(await t.run(AuditTrail.use((a) => a.forEntities([])))).toEqual([]);
    });

    it("pages through the latest events, newest first, without gaps or repeats", async () => {
      const all = await t.run(AuditTrail.use((a) => a.recent({ limit: 200 })));
      // three envelopes, then the application's creation and three decisions
      expect(all.map((e) => e.action)).toEqual([
        "reject",
        "start-review",
        "submit",
        "create-application",
        "set-envelope",
        "set-envelope",
        "set-envelope",
      ]);
      const pages: number[][] = [];
      let before: number | undefined;
      for (;;) {
        const page = await t.run(
          AuditTrail.use((a) =>
            a.recent(before === undefined ? { limit: 3 } : { limit: 3, before }),
          ),
        );
        if (page.length === 0) break;
        pages.push(page.map((e) => e.id));
        before = page.at(-1)?.id;
      }
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(pages.flat()).toEqual(all.map((e) => e.id));
      expect(await t.run(AuditTrail.use((a) => a.recent({ limit: 0 })))).toHaveLength(1);
      expect(await t.run(AuditTrail.use((a) => a.recent()))).toHaveLength(all.length);
    });
  },
);
