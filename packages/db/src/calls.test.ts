import type { Actor } from "@envol/domain";
import { eq } from "drizzle-orm";
import { ManagedRuntime } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Applications } from "./applications.ts";
import { Calls } from "./calls.ts";
import { Database } from "./database.ts";
import { auditEvents, calls, outbox } from "./schema/index.ts";
import {
  BERLIN_SEMESTER,
  openTestRuntime,
  repositoriesLayer,
  testEngines,
} from "./testing/index.ts";
import { Users } from "./users.ts";

const STAFF: Actor = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" };

const TERMS = {
  opensOn: "2027-02-01",
  closesOn: "2027-03-15",
  documentsDueOn: "2027-03-01",
  reportsDueOn: null,
  reminderDaysBefore: 7,
};

describe.each(testEngines().map((e) => [e.name, e] as const))("calls on %s", (_name, engine) => {
  let t: Awaited<ReturnType<typeof openTestRuntime>>;
  beforeAll(async () => {
    t = await openTestRuntime(engine);
  });
  afterAll(async () => t?.dispose());

  it("opens a call per scheme and year, changes it, and the audit trail says who did", async () => {
    const opened = await t.run(Calls.use((c) => c.set("erasmus", "2026-2027", TERMS, STAFF)));
    expect(opened).toMatchObject({ scheme: "erasmus", academicYear: "2026-2027", ...TERMS });
    const changed = await t.run(
      Calls.use((c) => c.set("erasmus", "2026-2027", { ...TERMS, closesOn: "2027-03-31" }, STAFF)),
    );
    expect(changed.id).toBe(opened.id);
    await t.run(Calls.use((c) => c.set("idf", "2027-2028", TERMS, STAFF)));

    expect((await t.run(Calls.use((c) => c.list("2026-2027")))).map((c) => c.closesOn)).toEqual([
      "2027-03-31",
    ]);
    expect(await t.run(Calls.use((c) => c.list()))).toHaveLength(2);
    expect(await t.run(Calls.use((c) => c.find("idf", "2026-2027")))).toBeUndefined();

    const { db } = await t.run(Database);
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, "erasmus/2026-2027"));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["open-call", STAFF.userId],
      ["change-call", STAFF.userId],
    ]);
    expect(events[1]?.before).toMatchObject({ closesOn: "2027-03-15" });
    expect(events[1]?.after).toMatchObject({ closesOn: "2027-03-31" });
  });

  it("audits two openings of one call at the same moment as an opening and a change", async () => {
    const years = ["2030-2031", "2031-2032", "2032-2033", "2033-2034", "2034-2035"];
    await Promise.all(
      years.flatMap((year) =>
        [TERMS, { ...TERMS, closesOn: "2027-03-20" }].map((terms) =>
          t.run(Calls.use((c) => c.set("fitec", year, terms, STAFF))),
        ),
      ),
    );
    const { db } = await t.run(Database);
    for (const year of years) {
      const events = await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, `fitec/${year}`));
      expect(events.map((e) => e.action).sort(), year).toEqual(["change-call", "open-call"]);
      const change = events.find((e) => e.action === "change-call");
      expect(change?.before, year).not.toBeNull();
    }
  });

  it("refuses, in the database itself, a window that closes before it opens", async () => {
    const { db } = await t.run(Database);
    await expect(
      db.insert(calls).values({
        id: "00000000-0000-4000-8000-0000000000c1",
        scheme: "alumni",
        academicYear: "2026-2027",
        opensOn: "2027-03-01",
        closesOn: "2027-02-01",
        createdAt: new Date(),
        updatedAt: new Date(),
      }),
    ).rejects.toThrow();
  });

  it("writes a deadline's reminder once per request, the key and the message together", async () => {
    const call = await t.run(Calls.use((c) => c.set("idf", "2026-2027", TERMS, STAFF)));
    const student = await t.run(
      Users.use((u) => u.ensure({ email: "rem@example.org", name: "S", role: "student" })),
    );
    const app = await t.run(
      Applications.use((a) =>
        a.create({ studentId: student.id, situation: BERLIN_SEMESTER, schemes: ["idf"] }),
      ),
    );
    const requestId = app.requests[0]?.id as string;
    // a draft is not reminded
    expect(await t.run(Calls.use((c) => c.reminderCandidates(call, "documents")))).toEqual([]);
    const me: Actor = { kind: "student", userId: student.id };
    await t.run(Applications.use((a) => a.decide(requestId, { action: "submit" }, me)));
    const candidates = await t.run(Calls.use((c) => c.reminderCandidates(call, "documents")));
    expect(candidates).toEqual([
      { requestId, applicationId: app.id, email: "rem@example.org", lang: "fr" },
    ]);

    const reminder = {
      callId: call.id,
      requestId,
      applicationId: app.id,
      kind: "documents" as const,
      dueOn: "2027-03-01",
      recipient: "rem@example.org",
      lang: "fr" as const,
      subject: "Rappel\u00a0: documents à déposer avant le 1er mars 2027",
      body: "…",
    };
    // on PostgreSQL, a second runtime with its own connections: another instance (PGlite
    // belongs to one process: its in-memory database is not shared)
    const other =
      engine.name === "postgres" ? ManagedRuntime.make(repositoriesLayer(t.config)) : t.runtime;
    const written = await Promise.all([
      t.run(Calls.use((c) => c.remind(reminder))),
      other.runPromise(Calls.use((c) => c.remind(reminder))),
      t.run(Calls.use((c) => c.remind(reminder))),
    ]);
    if (other !== t.runtime) await other.dispose();
    expect(written.filter(Boolean)).toHaveLength(1);
    const { db } = await t.run(Database);
    const sent = await db.select().from(outbox).where(eq(outbox.recipient, "rem@example.org"));
    // the submission's own message, then the one reminder
    expect(sent.map((m) => [m.topic, m.subject]).slice(1)).toEqual([
      ["call.reminder.documents", "Rappel\u00a0: documents à déposer avant le 1er mars 2027"],
    ]);
    expect(await t.run(Calls.use((c) => c.reminderCandidates(call, "documents")))).toEqual([]);
    // the other deadline is its own key
    expect(await t.run(Calls.use((c) => c.reminderCandidates(call, "reports")))).toHaveLength(1);
  });
});
