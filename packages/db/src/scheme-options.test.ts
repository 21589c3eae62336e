import type { Actor } from "@envol/domain";
import { and, eq } from "drizzle-orm";
import { Effect } from "effect";
import { TestClock } from "effect/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "./database.ts";
import { auditEvents } from "./schema/index.ts";
import { SchemeOptions } from "./scheme-options.ts";
import { openTestRuntime, seedWhatIfVolume, testEngines } from "./testing/index.ts";
import { WhatIfPopulation, whatIfBatch } from "./what-if-population.ts";

const STAFF: Actor = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" };

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "dated options and the what-if's read on %s",
  (_name, engine) => {
    let t: Awaited<ReturnType<typeof openTestRuntime>>;
    beforeAll(async () => {
      t = await openTestRuntime(engine);
    });
    afterAll(async () => t?.dispose());

    it("saves a scheme's options from a date, replaces the same date, audits before and after, and moves the version", async () => {
      const version = () => t.run(SchemeOptions.use((s) => s.version()));
      const empty = await version();
      expect(empty).toBe("0:");
      const save = (since: string, rate: number, before: number) =>
        t.run(
          SchemeOptions.use((s) =>
            s.save({
              scheme: "idf",
              since,
              options: { monthlyRateCents: rate },
              before: { monthlyRateCents: before },
              reason: "  Vote du conseil  ",
              actor: STAFF,
            }),
          ),
        );
      const first = await save("2027-09-01", 40_000, 45_000);
      expect(first).toMatchObject({
        scheme: "idf",
        since: "2027-09-01",
        reason: "Vote du conseil",
        savedBy: STAFF.userId,
      });
      const once = await version();
      expect(once).not.toBe(empty);
      await save("2027-09-01", 38_000, 40_000);
      await save("2028-09-01", 42_000, 38_000);
      expect(await version()).not.toBe(once);
      const periods = await t.run(SchemeOptions.use((s) => s.list()));
      expect(
        periods.map((p) => [p.since, (p.options as { monthlyRateCents: number }).monthlyRateCents]),
      ).toEqual([
        ["2027-09-01", 38_000],
        ["2028-09-01", 42_000],
      ]);
      const { db } = await t.run(Database);
      const events = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, "scheme"), eq(auditEvents.entityId, "idf")));
      expect(events.map((e) => [e.action, e.actorId, e.reason])).toEqual([
        ["set-scheme-options", STAFF.userId, "Vote du conseil"],
        ["set-scheme-options", STAFF.userId, "Vote du conseil"],
        ["set-scheme-options", STAFF.userId, "Vote du conseil"],
      ]);
      expect(events[1]?.before).toEqual({
        since: "2027-09-01",
        options: { monthlyRateCents: 40_000 },
      });
      expect(events[1]?.after).toEqual({
        since: "2027-09-01",
        options: { monthlyRateCents: 38_000 },
      });
    });

    it("moves the version when a period is replaced by a save stamped earlier than the latest (clocks out of step)", async () => {
      const version = () => t.run(SchemeOptions.use((s) => s.version()));
      const now = Date.parse("2027-06-01T10:00:00.000Z");
      // each save runs on its own clock, as two instances whose clocks differ would
      const save = (since: string, rate: number, at: number) =>
        t.run(
          Effect.andThen(
            TestClock.setTime(at),
            SchemeOptions.use((s) =>
              s.save({
                scheme: "mic",
                since,
                options: { monthlyRateCents: rate },
                before: {},
                reason: "Vote du conseil",
                actor: STAFF,
              }),
            ),
          ).pipe(Effect.provide(TestClock.layer())),
        );
      await save("2027-09-01", 40_000, now);
      await save("2028-01-01", 35_000, now + 2_000);
      const seen = await version();
      // same count, and the latest save is still the one at now + 2 s
      await save("2027-09-01", 30_000, now + 1_000);
      expect(await version()).not.toBe(seen);
      const moved = await version();
      // the same options saved again with the same instant change nothing a registry reads
      expect(await version()).toBe(moved);
    });

    it("reads a year's requests by keyset pages, each once, with its first submission instant", async () => {
      const { db } = await t.run(Database);
      await seedWhatIfVolume(db, {
        requests: 250,
        scheme: "idf",
        year: 2027,
        partners: [{ id: "tu-berlin", country: "DE" }],
        tag: "pages",
      });
      const total = await t.run(WhatIfPopulation.use((p) => p.count("idf", "2027-2028")));
      // drafts and refusals (8 states in 100, drawn by 7i mod 100) are not read: 19 of 250
      expect(total).toBe(231);
      const seen = new Set<string>();
      let after: string | null = null;
      let pages = 0;
      do {
        const page = await whatIfBatch(db, "idf", "2027-2028", after, 100);
        for (const r of page.rows) {
          expect(seen.has(r.requestId)).toBe(false);
          seen.add(r.requestId);
          expect(r.submittedAt).toMatch(/^2027-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
          expect(r.situation.mobility.start >= "2027-09-01").toBe(true);
        }
        after = page.next;
        pages++;
      } while (after !== null);
      expect(seen.size).toBe(231);
      expect(pages).toBe(3);
      expect(await t.run(WhatIfPopulation.use((p) => p.count("idf", "2028-2029")))).toBe(0);
      expect((await whatIfBatch(db, "erasmus", "2027-2028", null, 100)).rows).toEqual([]);
    });
  },
);
