import { Applications, Database } from "@envol/db";
import { seedQueueVolume, testEngines } from "@envol/db/testing";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, openTestApp, type TestApp } from "../../testing/test-app.ts";

/**
 * The partner's index at volume: more requests than the staff queue counts (1 000) or lets a
 * page skip to, all hosted by one partner.
 */
describe.each(testEngines().map((e) => [e.name, e] as const))(
  "partner index at volume on %s",
  (_name, engine) => {
    let t: TestApp;
    let kth: Caller;
    const runDb = <A>(f: (db: Parameters<typeof seedQueueVolume>[0]) => Promise<A>) =>
      t.runtime.runPromise(Database.use(({ db }) => Effect.promise(() => f(db))));

    beforeAll(async () => {
      t = await openTestApp(engine);
      kth = await t.partner("kth");
      await runDb((db) =>
        seedQueueVolume(db, {
          applications: 1_100,
          schemes: ["idf", "erasmus"],
          partners: [{ id: "kth", country: "SE" }],
          tag: "partner-volume",
          firstYear: 2040,
        }),
      );
    }, 120_000);
    afterAll(async () => t?.dispose());

    it("lists every mobility of the partner, past the queue's 1 000 counted requests", async () => {
      // every request of the partner's stays in one read, drafts left out as the index does
      const all = await t.runtime.runPromise(
        Applications.use((a) => a.queueAfter({ hostPartnerId: "kth" }, null, 100_000)),
      );
      const expected = [
        ...new Set(
          all.rows.filter((r) => r.request.state !== "draft").map((r) => r.request.applicationId),
        ),
      ].sort();
      expect(expected.length).toBeGreaterThan(1_000);
      const r = await t.call(kth, "GET", "/api/partner/v1/omobilities");
      expect(r.status).toBe(200);
      const listed = ((await r.json()) as { omobilities: { omobility_id: string }[] }).omobilities
        .map((m) => m.omobility_id)
        .sort();
      expect(listed).toEqual(expected);
    }, 60_000);
  },
);
