/**
 * The calls' reminders on a real database: once per request and deadline, whoever reminds
 * (on PostgreSQL, two instances' runtimes, each its own connection pool, at the same moment),
 * never for a request whose documents are in, never before their days, on the test's own days.
 */
import { Applications, Calls, Database, Documents, Outbox, schema, Users } from "@envol/db";
import { BERLIN_SEMESTER, testEngines } from "@envol/db/testing";
import type { Actor } from "@envol/domain";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { remindCallDeadlines, startCallReminders } from "./call-reminders.ts";
import { type EnvolRuntime, makeEnvolRuntime } from "./envol-runtime.ts";

const STAFF: Actor = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" };

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "the calls' reminders on %s",
  (name, engine) => {
    let first: EnvolRuntime;
    let second: EnvolRuntime;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const created = await engine.create();
      drop = created.drop;
      first = makeEnvolRuntime(created.config);
      await first.loadPartners();
      // PGlite belongs to one process: its one runtime plays both instances
      second = name === "postgres" ? makeEnvolRuntime(created.config) : first;
      if (second !== first) await second.refreshPartners();
    });
    afterAll(async () => {
      if (second && second !== first) await second.runtime.dispose();
      await first?.runtime.dispose();
      await drop?.();
    });

    /** A student (of `lang`) with a submitted Erasmus+ request of 2026-2027. */
    const submitted = async (email: string, lang: "fr" | "en") => {
      const run = first.runtime.runPromise;
      const student = await run(
        Users.use((u) => u.ensure({ email, name: "S", role: "student", lang })),
      );
      const app = await run(
        Applications.use((a) =>
          a.create({ studentId: student.id, situation: BERLIN_SEMESTER, schemes: ["erasmus"] }),
        ),
      );
      const request = app.requests[0];
      if (!request) throw new Error("no request");
      const me: Actor = { kind: "student", userId: student.id };
      await run(Applications.use((a) => a.decide(request.id, { action: "submit" }, me)));
      return { student, app, request, me };
    };

    const remindersTo = async (email: string) =>
      (await first.runtime.runPromise(Outbox.use((o) => o.forRecipient(email)))).filter((m) =>
        m.topic.startsWith("call.reminder."),
      );

    const pass = (on: string, instance = first) =>
      remindCallDeadlines(instance.appDeps.run, instance.registry, on).then((exit) => {
        if (exit._tag !== "Success") throw new Error(String(exit.cause));
        return exit.value;
      });

    it("reminds once per request and deadline, from its days before to the deadline, never once the documents are in", async () => {
      await first.runtime.runPromise(
        Calls.use((c) =>
          c.set(
            "erasmus",
            "2026-2027",
            {
              opensOn: "2026-09-01",
              closesOn: "2026-12-15",
              documentsDueOn: "2027-03-01",
              reportsDueOn: "2027-09-30",
              reminderDaysBefore: 7,
            },
            STAFF,
          ),
        ),
      );
      const late = await submitted("late@example.org", "en");
      const ready = await submitted("ready@example.org", "fr");
      // a draft is not reminded
      const draftStudent = await first.runtime.runPromise(
        Users.use((u) => u.ensure({ email: "draft@example.org", name: "D", role: "student" })),
      );
      await first.runtime.runPromise(
        Applications.use((a) =>
          a.create({
            studentId: draftStudent.id,
            situation: BERLIN_SEMESTER,
            schemes: ["erasmus"],
          }),
        ),
      );
      // the second student has uploaded every document due before departure
      for (const kind of ["learning-agreement", "grant-agreement"]) {
        await first.runtime.runPromise(
          Documents.use((d) =>
            d.insert({
              applicationId: ready.app.id,
              kind,
              fileName: `${kind}.pdf`,
              mediaType: "application/pdf",
              sizeBytes: 10,
              sha256: "0".repeat(64),
              storageKey: `${kind}-${ready.app.id}`,
              actor: ready.me,
              quota: { maxDocuments: 20, maxBytes: 10_000_000 },
            }),
          ),
        );
      }

      // eight days before: too early
      expect(await pass("2027-02-21")).toBe(0);
      // seven days before, two instances at the same moment: one message between them
      const written = await Promise.all([
        pass("2027-02-22", first),
        pass("2027-02-22", second),
        pass("2027-02-22", first),
      ]);
      expect(written.reduce((a, b) => a + b, 0)).toBe(1);
      const mails = await remindersTo("late@example.org");
      expect(mails.map((m) => [m.topic, m.lang, m.subject])).toEqual([
        ["call.reminder.documents", "en", "Reminder: documents to upload by 1 March 2027"],
      ]);
      expect(mails[0]?.payload).toMatchObject({
        requestId: late.request.id,
        kind: "documents",
        dueOn: "2027-03-01",
      });
      // the next day, and on the deadline itself: nothing more
      expect(await pass("2027-02-23")).toBe(0);
      expect(await pass("2027-03-01")).toBe(0);
      expect(await remindersTo("late@example.org")).toHaveLength(1);
      expect(await remindersTo("ready@example.org")).toEqual([]);
      expect(await remindersTo("draft@example.org")).toEqual([]);

      // the reports' deadline is its own reminder, in the student's language
      expect(await pass("2027-09-25")).toBe(2);
      expect((await remindersTo("ready@example.org")).map((m) => m.subject)).toEqual([
        "Rappel\u00a0: documents de retour à déposer avant le 30 septembre 2027",
      ]);
      // after the deadline: nothing
      expect(await pass("2027-10-01")).toBe(0);
      const { db } = await first.runtime.runPromise(Database);
      const all = await db.select().from(schema.outbox);
      expect(all.filter((m) => m.topic.startsWith("call.reminder."))).toHaveLength(3);
    });

    it("runs as each instance's periodic job, on the day it is given, until stopped", async () => {
      await submitted("loop@example.org", "fr");
      const logged: object[] = [];
      const stop = startCallReminders({
        run: first.appDeps.run,
        registry: first.appDeps.registry,
        logger: { info: (fields) => logged.push(fields), error: () => undefined },
        today: () => "2027-02-25",
        intervalMs: 50,
      });
      await vi.waitFor(async () => expect(await remindersTo("loop@example.org")).toHaveLength(1), {
        timeout: 5_000,
        interval: 20,
      });
      await stop();
      expect(logged).toContainEqual({ reminders: 1 });
      expect((await remindersTo("loop@example.org"))[0]?.subject).toBe(
        "Rappel\u00a0: documents à déposer avant le 1er mars 2027",
      );
    });
  },
);
