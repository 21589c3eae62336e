import { eq } from "drizzle-orm";
import { Duration } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "./database.ts";
import { sessions } from "./schema/index.ts";
import { Sessions } from "./sessions.ts";
import { openTestRuntime, testEngines } from "./testing/index.ts";
import { Users } from "./users.ts";

describe.each(testEngines().map((e) => [e.name, e] as const))("sessions on %s", (_name, engine) => {
  let t: Awaited<ReturnType<typeof openTestRuntime>>;
  beforeAll(async () => {
    t = await openTestRuntime(engine);
  });
  afterAll(async () => t?.dispose());

  it("opens a session, finds it by its token, stores only the token's hash, and revokes it", async () => {
    const user = await t.run(
      Users.use((u) => u.ensure({ email: "s@example.org", name: "S", role: "student" })),
    );
    const opened = await t.run(Sessions.use((s) => s.open(user.id, Duration.hours(8))));
    const found = await t.run(Sessions.use((s) => s.find(opened.token)));
    expect(found).toMatchObject({
      user: { id: user.id, role: "student" },
      csrfToken: opened.csrfToken,
    });
    const { db } = await t.run(Database);
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(opened.token);
    await t.run(Sessions.use((s) => s.revoke(opened.token)));
    expect(await t.run(Sessions.use((s) => s.find(opened.token)))).toBeUndefined();
    expect(await t.run(Sessions.use((s) => s.find("not-a-token")))).toBeUndefined();
  });

  it("lets an expired session go", async () => {
    const user = await t.run(
      Users.use((u) => u.ensure({ email: "e@example.org", name: "E", role: "staff" })),
    );
    const opened = await t.run(Sessions.use((s) => s.open(user.id, Duration.millis(-1))));
    expect(await t.run(Sessions.use((s) => s.find(opened.token)))).toBeUndefined();
  });

  it("purges the sessions expired or revoked, and keeps the live ones", async () => {
    const user = await t.run(
      Users.use((u) => u.ensure({ email: "p@example.org", name: "P", role: "student" })),
    );
    await t.run(Sessions.use((s) => s.open(user.id, Duration.millis(-1))));
    const revoked = await t.run(Sessions.use((s) => s.open(user.id, Duration.hours(8))));
    await t.run(Sessions.use((s) => s.revoke(revoked.token)));
    const live = await t.run(Sessions.use((s) => s.open(user.id, Duration.hours(8))));
    const gone = await t.run(Sessions.use((s) => s.purge(new Date(Date.now() + 1_000))));
    expect(gone).toBeGreaterThanOrEqual(2);
    const { db } = await t.run(Database);
    const left = (await db.select().from(sessions).where(eq(sessions.userId, user.id))).map((s) =>
      s.expiresAt.getTime(),
    );
    expect(left).toEqual([live.expiresAt.getTime()]);
    expect(await t.run(Sessions.use((s) => s.find(live.token)))).toBeDefined();
  });
});
