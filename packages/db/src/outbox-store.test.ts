import { eq, isNull } from "drizzle-orm";
import { Effect, Layer, ManagedRuntime } from "effect";
import { TestClock } from "effect/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Database, type DatabaseConfig } from "./database.ts";
import { OUTBOX_LEASE_MS, Outbox, outboxRetryDelayMs } from "./outbox-store.ts";
import { outbox } from "./schema/index.ts";
import { repositoriesLayer, type TestEngine, testEngines } from "./testing/index.ts";

const MINUTE = 60_000;

/** Runs `effect` with the clock at `ms`. */
const at =
  (ms: number) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.andThen(TestClock.setTime(ms), effect).pipe(Effect.provide(TestClock.layer()));

describe("outboxRetryDelayMs", () => {
  it.each([
    [0, 1],
    [1, 2],
    [2, 4],
    [3, 8],
    [4, 16],
    [5, 32],
    [6, 60],
    [7, 60],
    [50, 60],
    [5000, 60],
  ])("after %i earlier attempts waits %i minutes", (attempts, minutes) => {
    expect(outboxRetryDelayMs(attempts)).toBe(minutes * MINUTE);
  });
});

const open = async (engine: TestEngine) => {
  const { config, drop } = await engine.create();
  const runtime = ManagedRuntime.make(
    Outbox.layer.pipe(Layer.provideMerge(repositoriesLayer(config))),
  );
  return {
    config,
    run: runtime.runPromise,
    dispose: async () => {
      await runtime.dispose();
      await drop();
    },
  };
};

/** Another instance of the API: its own pool on the same database. */
const otherInstance = (config: DatabaseConfig) =>
  ManagedRuntime.make(Outbox.layer.pipe(Layer.provideMerge(Database.layer(config))));

describe.each(testEngines().map((e) => [e.name, e] as const))("outbox on %s", (_name, engine) => {
  let t: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    t = await open(engine);
  });
  afterAll(async () => t?.dispose());
  // what a test leaves unsent would be due in the next one, which claims oldest first
  afterEach(async () => {
    const { db } = await t.run(Database);
    await db
      .update(outbox)
      .set({ sentAt: new Date(0) })
      .where(isNull(outbox.sentAt));
  });

  /** Writes messages due at the given times, as `Applications.decide` does; returns their ids. */
  const enqueue = async (topic: string, dueAt: readonly Date[]) => {
    const { db } = await t.run(Database);
    if (dueAt.length === 0) return [];
    const rows = await db
      .insert(outbox)
      .values(
        dueAt.map((due, i) => ({
          topic,
          recipient: `student${i}@example.org`,
          lang: "fr" as const,
          subject: `${topic} ${i}`,
          body: "…",
          createdAt: due,
          nextAttemptAt: due,
        })),
      )
      .returning({ id: outbox.id });
    return rows.map((r) => r.id);
  };
  const row = async (id: number) => {
    const { db } = await t.run(Database);
    return (await db.select().from(outbox).where(eq(outbox.id, id)))[0];
  };
  /** Claims what is due at `now`, keeping only this test's topic. */
  const claim = async (topic: string, now: Date, limit = 100) =>
    (await t.run(Outbox.use((o) => o.pending(limit, now)))).filter((m) => m.topic === topic);

  it("counts the backlog: unsent messages, those that failed, and the oldest one's age", async () => {
    const now = new Date("2030-04-01T12:00:00Z");
    const backlog = () => t.run(Outbox.use((o) => o.backlog(now)));
    expect(await backlog()).toEqual({ unsent: 0, failing: 0, oldestAgeSeconds: 0 });
    const [first, second] = await enqueue("backlog", [
      new Date(now.getTime() - 3 * MINUTE),
      new Date(now.getTime() - MINUTE),
      new Date(now.getTime() - MINUTE),
    ]);
    await t.run(Outbox.use((o) => o.markFailed(first as number, "550 mailbox unavailable")));
    await t.run(Outbox.use((o) => o.markSent(second as number)));
    expect(await backlog()).toEqual({ unsent: 2, failing: 1, oldestAgeSeconds: 180 });
  });

  it("claims due messages oldest first and hides them from other claims for the lease", async () => {
    const now = new Date("2030-01-01T12:00:00Z");
    const [older, old, later] = await enqueue("lease", [
      new Date(now.getTime() - 2 * MINUTE),
      new Date(now.getTime() - MINUTE),
      new Date(now.getTime() + MINUTE),
    ]);
    const first = await claim("lease", now);
    expect(first.map((m) => m.id)).toEqual([older, old]);
    expect(first.every((m) => m.nextAttemptAt.getTime() === now.getTime() + OUTBOX_LEASE_MS)).toBe(
      true,
    );
    expect(await claim("lease", now)).toEqual([]);
    expect((await claim("lease", new Date(now.getTime() + MINUTE))).map((m) => m.id)).toEqual([
      later,
    ]);
    // a sender that died holding them: they are due again once the lease has run out
    const afterLease = new Date(now.getTime() + OUTBOX_LEASE_MS);
    expect((await claim("lease", afterLease)).map((m) => m.id)).toEqual([older, old]);
  });

  it("claims no more than the limit", async () => {
    const now = new Date("2030-02-01T00:00:00Z");
    const ids = await enqueue(
      "limit",
      [1, 2, 3, 4, 5].map((i) => new Date(now.getTime() - i)),
    );
    const batch = await claim("limit", now, 2);
    expect(batch.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    expect(await t.run(Outbox.use((o) => o.pending(0, now)))).toEqual([]);
  });

  it("never claims a sent message again", async () => {
    const now = new Date("2030-03-01T00:00:00Z");
    const [id] = (await enqueue("sent", [now])) as [number];
    expect((await claim("sent", now)).map((m) => m.id)).toEqual([id]);
    await t.run(at(now.getTime() + 1_000)(Outbox.use((o) => o.markSent(id))));
    expect((await row(id))?.sentAt?.toISOString()).toBe("2030-03-01T00:00:01.000Z");
    expect(await claim("sent", new Date("2031-01-01T00:00:00Z"))).toEqual([]);
    // a late failure report from another sender changes nothing
    expect(await t.run(Outbox.use((o) => o.markFailed(id, "timeout")))).toBeUndefined();
    expect(await row(id)).toMatchObject({ attempts: 0, lastError: null });
  });

  it("retries a failed message with exponential backoff, capped at one hour", async () => {
    const start = Date.parse("2030-04-01T00:00:00Z");
    const [id] = (await enqueue("backoff", [new Date(start)])) as [number];
    let clock = start;
    const waits: number[] = [];
    for (let i = 1; i <= 8; i++) {
      expect((await claim("backoff", new Date(clock))).map((m) => m.id)).toEqual([id]);
      const failedAt = clock + 1_000;
      const schedule = await t.run(
        at(failedAt)(Outbox.use((o) => o.markFailed(id, `smtp refused #${i}`))),
      );
      expect(schedule?.attempts).toBe(i);
      waits.push(((schedule?.nextAttemptAt.getTime() ?? 0) - failedAt) / MINUTE);
      expect(await row(id)).toMatchObject({
        attempts: i,
        lastError: `smtp refused #${i}`,
        nextAttemptAt: schedule?.nextAttemptAt,
      });
      // not due a moment before its time, due at it
      const next = schedule?.nextAttemptAt.getTime() ?? 0;
      expect(await claim("backoff", new Date(next - 1))).toEqual([]);
      clock = next;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    await t.run(Outbox.use((o) => o.markFailed(id, "x".repeat(10_000))));
    expect((await row(id))?.lastError).toHaveLength(2_000);
  });

  it("gives each message to one claimer only, however many claim at once", async () => {
    const now = new Date("2030-05-01T00:00:00Z");
    const ids = await enqueue(
      "race",
      Array.from({ length: 200 }, (_, i) => new Date(now.getTime() - i)),
    );
    // on PostgreSQL the claimers are two instances, each with its own pool; PGlite has one
    // connection per data directory, so there they race on it
    const other = engine.name === "postgres" ? otherInstance(t.config) : undefined;
    // every claimer first opens its connection (the other instance also runs its migrations
    // check), then all start together: otherwise the warm instance can drain the queue before
    // the cold one has connected, and there is no race to test
    let warmed = 0;
    let go = () => {};
    const allWarm = new Promise<void>((resolve) => {
      go = resolve;
    });
    const claimers = [t.run, other?.runPromise ?? t.run].flatMap((run) =>
      [0, 1, 2].map(() => async () => {
        await run(Outbox.use((o) => o.pending(1, new Date(0))));
        if (++warmed === 6) go();
        await allWarm;
        const got: number[] = [];
        for (;;) {
          const batch = (await run(Outbox.use((o) => o.pending(7, now)))).filter(
            (m) => m.topic === "race",
          );
          if (batch.length === 0) return got;
          got.push(...batch.map((m) => m.id));
        }
      }),
    );
    const results = await Promise.all(claimers.map((c) => c()));
    await other?.dispose();
    const claimed = results.flat();
    expect(claimed.length).toBe(200);
    expect(new Set(claimed)).toEqual(new Set(ids));
    // both instances did claim: the race did happen
    expect(results.slice(0, 3).flat().length).toBeGreaterThan(0);
    expect(results.slice(3).flat().length).toBeGreaterThan(0);
  });
});
