import type { Actor } from "@envol/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Applications } from "./applications.ts";
import { Budgets } from "./budgets.ts";
import { Database } from "./database.ts";
import { ledgerEntries, schemeRequests } from "./schema/index.ts";
import type { ApproveJob, ApproveReport } from "./testing/approve-worker.ts";
import { openTestRuntime, testEngines } from "./testing/index.ts";
import { BERLIN_SEMESTER as situation } from "./testing/situations.ts";
import { spawnWorker, type Worker } from "./testing/workers.ts";
import { Users } from "./users.ts";

const STAFF: Actor = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" };

const postgres = testEngines().find((e) => e.name === "postgres");

describe("budget race between two Node processes", () => {
  let t: Awaited<ReturnType<typeof openTestRuntime>> | undefined;
  const workers: Worker[] = [];
  beforeAll(async () => {
    if (postgres) t = await openTestRuntime(postgres);
  });
  afterAll(async () => {
    for (const w of workers) w.kill("SIGKILL");
    await Promise.all(workers.map((w) => w.exited));
    await t?.dispose();
  });

  it.skipIf(!postgres)(
    "never overspends: 50 approvals of 100 € from two processes against 1 000 € on PostgreSQL (needs DATABASE_URL)",
    async () => {
      if (!t) throw new Error("no PostgreSQL runtime");
      const { run, config } = t;
      await run(Budgets.use((b) => b.setEnvelope("alumni", "2026-2027", 100_000, STAFF)));
      // set up one after the other: the race is the approvals', and fifty set-ups at once would
      // only queue on the test's own pool
      const requestIds: string[] = [];
      for (let i = 0; i < 50; i++) {
        const student = await run(
          Users.use((u) =>
            u.ensure({ email: `race${i}@example.org`, name: "Student", role: "student" }),
          ),
        );
        const app = await run(
          Applications.use((a) =>
            a.create({ studentId: student.id, situation, schemes: ["alumni"] }),
          ),
        );
        const id = app.requests[0]?.id as string;
        const me: Actor = { kind: "student", userId: student.id };
        await run(Applications.use((a) => a.decide(id, { action: "submit" }, me)));
        await run(Applications.use((a) => a.decide(id, { action: "start-review" }, STAFF)));
        requestIds.push(id);
      }

      for (const share of [requestIds.slice(0, 25), requestIds.slice(25)]) {
        const w = spawnWorker("./approve-worker.ts");
        workers.push(w);
        w.send({ config, requestIds: share, amountCents: 10_000 } satisfies ApproveJob);
      }
      // both have their connections open before either starts
      await Promise.all(workers.map((w) => w.next()));
      for (const w of workers) w.send({ go: true });
      const reports = await Promise.all(workers.map((w) => w.next<ApproveReport>()));
      const [a, b] = reports as [ApproveReport, ApproveReport];
      expect(a.pid).not.toBe(b.pid);
      // the two processes' approvals ran at the same time, not one batch after the other
      expect(a.startedAt).toBeLessThan(b.finishedAt);
      expect(b.startedAt).toBeLessThan(a.finishedAt);

      const approved = reports.flatMap((r) => r.approved);
      const failures = reports.flatMap((r) => r.failures);
      expect(approved).toHaveLength(10);
      expect(failures).toEqual(Array.from({ length: 40 }, () => "BudgetExceeded"));

      const budget = (await run(Budgets.use((b) => b.list("2026-2027")))).find(
        (x) => x.scheme === "alumni",
      );
      expect(budget).toMatchObject({ envelopeCents: 100_000, committedCents: 100_000 });
      const { db } = await run(Database);
      const [ledger] = await db
        .select({
          rows: sql<number>`count(*)::int`,
          total: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)::int`,
        })
        .from(ledgerEntries)
        .where(eq(ledgerEntries.kind, "commitment"));
      expect(ledger).toEqual({ rows: 10, total: 100_000 });
      const inDatabase = await db
        .select({ id: schemeRequests.id })
        .from(schemeRequests)
        .where(and(eq(schemeRequests.scheme, "alumni"), eq(schemeRequests.state, "approved")));
      expect(inDatabase.map((r) => r.id).sort()).toEqual([...approved].sort());
      expect((await Promise.all(workers.map((w) => w.exited))).map((e) => e.code)).toEqual([0, 0]);
    },
  );
});
