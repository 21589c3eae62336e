import { Database, RateLimits, Sessions, schema, Users } from "@envol/db";
import { openTestRuntime, testEngines } from "@envol/db/testing";
import { Duration } from "effect";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startPurger } from "./purge-expired.ts";

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "the purge of expired rows on %s",
  (_name, engine) => {
    let t: Awaited<ReturnType<typeof openTestRuntime>>;
    beforeAll(async () => {
      t = await openTestRuntime(engine);
    });
    afterAll(async () => t?.dispose());

    it("deletes, at once and then periodically, expired sessions and ended counters, and keeps the live ones", async () => {
      const user = await t.run(
        Users.use((u) => u.ensure({ email: "purge@example.org", name: "P", role: "student" })),
      );
      await t.run(Sessions.use((s) => s.open(user.id, Duration.millis(-1))));
      const live = await t.run(Sessions.use((s) => s.open(user.id, Duration.hours(8))));
      // the purge's instant after the sessions are opened on the wall clock: taken before, a slow
      // open (≥ 2 ms) made the expired session's end later than that instant, and it was kept
      const now = new Date();
      const ended = new Date(now.getTime() - 120_000);
      await t.run(RateLimits.use((r) => r.hit("ended", { limit: 5, windowMs: 60_000 }, ended)));
      await t.run(RateLimits.use((r) => r.hit("current", { limit: 5, windowMs: 60_000 }, now)));

      const logged: object[] = [];
      const stop = startPurger({
        run: (effect) => t.runExit(effect),
        logger: { info: (fields) => logged.push(fields), error: () => undefined },
        intervalMs: 50,
        now: () => now,
      });
      const { db } = await t.run(Database);
      await vi.waitFor(
        async () => {
          expect(await db.select().from(schema.rateLimits)).toHaveLength(1);
          expect(await db.select().from(schema.sessions)).toHaveLength(1);
        },
        { timeout: 5_000, interval: 20 },
      );
      expect(logged).toContainEqual({ sessions: 1, rateLimits: 1 });
      expect((await db.select().from(schema.rateLimits))[0]?.key).toBe("current");
      expect(await t.run(Sessions.use((s) => s.find(live.token)))).toBeDefined();

      // a later run finds what has expired since
      await t.run(RateLimits.use((r) => r.hit("later", { limit: 5, windowMs: 1 }, ended)));
      await vi.waitFor(
        async () => {
          expect((await db.select().from(schema.rateLimits)).map((r) => r.key)).toEqual([
            "current",
          ]);
        },
        { timeout: 5_000, interval: 20 },
      );
      await stop();
    });
  },
);
