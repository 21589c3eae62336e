import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimits, type RateRule } from "./rate-limits.ts";
import { openTestRuntime, testEngines } from "./testing/index.ts";

const T0 = new Date("2026-11-26T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "rate limits on %s",
  (_name, engine) => {
    let t: Awaited<ReturnType<typeof openTestRuntime>>;
    beforeAll(async () => {
      t = await openTestRuntime(engine);
    });
    afterAll(async () => t?.dispose());

    const hit = (key: string, rule: RateRule, when: Date) =>
      t.run(RateLimits.use((r) => r.hit(key, rule, when)));

    it("allows the limit's hits in a window, refuses the next until it ends, then counts again", async () => {
      const rule = { limit: 3, windowMs: 60_000 };
      for (let i = 0; i < 3; i++) expect((await hit("w", rule, at(i))).allowed).toBe(true);
      expect(await hit("w", rule, at(10_000))).toEqual({ allowed: false, retryAfterMs: 50_000 });
      expect(await t.run(RateLimits.use((r) => r.count("w", at(10_000))))).toBe(3);
      expect(await hit("w", rule, at(60_000))).toEqual({ allowed: true, count: 1 });
    });

    it("counts hits that race atomically: of 40 at once, exactly the limit is allowed", async () => {
      const rule = { limit: 5, windowMs: 60_000 };
      const hits = await Promise.all(Array.from({ length: 40 }, () => hit("race", rule, T0)));
      expect(hits.filter((h) => h.allowed)).toHaveLength(5);
      expect(await t.run(RateLimits.use((r) => r.count("race", T0)))).toBe(5);
    });

    it("gives a hit back", async () => {
      const rule = { limit: 1, windowMs: 60_000 };
      expect((await hit("r", rule, T0)).allowed).toBe(true);
      expect((await hit("r", rule, T0)).allowed).toBe(false);
      await t.run(RateLimits.use((r) => r.release("r")));
      expect((await hit("r", rule, T0)).allowed).toBe(true);
    });

    it("purges the counters whose window has ended, and only those", async () => {
      await hit("old", { limit: 9, windowMs: 1_000 }, T0);
      await hit("current", { limit: 9, windowMs: 3_600_000 }, T0);
      const gone = await t.run(RateLimits.use((r) => r.purge(at(2_000))));
      expect(gone).toBeGreaterThanOrEqual(1);
      expect(await t.run(RateLimits.use((r) => r.count("old", T0)))).toBe(0);
      expect(await t.run(RateLimits.use((r) => r.count("current", at(2_000))))).toBe(1);
    });
  },
);
