import type { Actor } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { and, asc, eq } from "drizzle-orm";
import { Cause, Exit, Layer, ManagedRuntime } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Applications } from "./applications.ts";
import { Budgets } from "./budgets.ts";
import { Database } from "./database.ts";
import { Grants } from "./grants.ts";
import { Partners } from "./partners.ts";
import { auditEvents, ledgerEntries, outbox } from "./schema/index.ts";
import { repositoriesLayer, semesterAt, testEngines } from "./testing/index.ts";
import { Users } from "./users.ts";

const STAFF = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" } as const;
const USP = { kind: "partner", partnerId: "usp" } as const;

const errorOf = <A, E>(exit: Exit.Exit<A, E>): unknown =>
  Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined;

const appLayer = (config: Parameters<typeof repositoriesLayer>[0]) =>
  Grants.layer.pipe(Layer.provideMerge(repositoriesLayer(config)));

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "grant reviews on %s",
  (_name, engine) => {
    let runtime: ManagedRuntime.ManagedRuntime<Layer.Success<ReturnType<typeof appLayer>>, never>;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const created = await engine.create();
      drop = created.drop;
      runtime = ManagedRuntime.make(appLayer(created.config));
      await runtime.runPromise(Partners.use((p) => p.seed(DEMO_PARTNER_CATALOGUE)));
      for (const scheme of ["idf", "fitec", "ami"])
        await runtime.runPromise(
          Budgets.use((b) => b.setEnvelope(scheme, "2026-2027", 10_000_000, STAFF)),
        );
    });
    afterAll(async () => {
      await runtime?.dispose();
      await drop?.();
    });

    /** A student at São Paulo (USP) from 1 February to 30 June 2027, each scheme approved. */
    const approvedAtUsp = async (email: string, schemes: readonly string[]) => {
      const student = await runtime.runPromise(
        Users.use((u) => u.ensure({ email, name: "Student", role: "student", lang: "fr" })),
      );
      const me: Actor = { kind: "student", userId: student.id };
      const app = await runtime.runPromise(
        Applications.use((a) =>
          a.create({
            studentId: student.id,
            situation: semesterAt({
              host: "usp",
              echelon: "4",
              quotientFamilial: 900_000,
              residenceRegion: "11",
            }),
            schemes,
          }),
        ),
      );
      const ids: Record<string, string> = {};
      for (const r of app.requests) {
        ids[r.scheme] = r.id;
        for (const [decision, actor] of [
          [{ action: "submit" }, me],
          [{ action: "start-review" }, STAFF],
          [{ action: "approve" }, STAFF],
        ] as const)
          await runtime.runPromise(Applications.use((a) => a.decide(r.id, decision, actor)));
      }
      return { app, ids };
    };

    const tables = async (requestId: string, email: string) => {
      const { db } = await runtime.runPromise(Database);
      return {
        ledger: await db
          .select()
          .from(ledgerEntries)
          .where(eq(ledgerEntries.requestId, requestId))
          .orderBy(asc(ledgerEntries.id)),
        audit: await db
          .select()
          .from(auditEvents)
          .where(
            and(eq(auditEvents.entityType, "scheme_request"), eq(auditEvents.entityId, requestId)),
          )
          .orderBy(asc(auditEvents.id)),
        messages: await db.select().from(outbox).where(eq(outbox.recipient, email)),
      };
    };
    const approvedCentsOf = async (applicationId: string, scheme: string) =>
      (await runtime.runPromise(Applications.use((a) => a.get(applicationId)))).requests.find(
        (r) => r.scheme === scheme,
      )?.approvedCents;

    it("a host's statement that lowers the grant applies at once; one that raises it waits for the office", async () => {
      const email = "statement.raise@example.org";
      const { app, ids } = await approvedAtUsp(email, ["idf"]);
      const idf = ids.idf as string;
      expect(await approvedCentsOf(app.id, "idf")).toBe(225_000);

      const lowered = await runtime.runPromise(
        Grants.use((g) =>
          g.stateDates(idf, { actualStart: "2027-02-01", actualEnd: "2027-06-10" }, USP),
        ),
      );
      expect(lowered).toMatchObject({ kind: "applied", recalculation: { approvedCents: 195_000 } });

      // back to the whole semester: a rise, stored for the office, no money moves
      const raised = await runtime.runPromise(
        Grants.use((g) =>
          g.stateDates(idf, { actualStart: "2027-02-01", actualEnd: "2027-06-30" }, USP),
        ),
      );
      expect(raised).toMatchObject({
        kind: "awaiting-office",
        review: {
          kind: "partner-statement",
          state: "pending",
          beforeCents: 195_000,
          afterCents: 225_000,
          raisedBy: "partner:usp",
        },
      });
      expect(await approvedCentsOf(app.id, "idf")).toBe(195_000);
      const before = await tables(idf, email);
      expect(before.ledger).toHaveLength(2);
      expect(before.audit.at(-1)?.action).toBe("statement-awaiting-office");

      // the same statement again stores nothing more
      const again = await runtime.runPromise(
        Grants.use((g) =>
          g.stateDates(idf, { actualStart: "2027-02-01", actualEnd: "2027-06-30" }, USP),
        ),
      );
      expect(again).toMatchObject({ kind: "awaiting-office" });
      const reviews = await runtime.runPromise(Grants.use((g) => g.reviewsOf(app.id)));
      expect(reviews.map((r) => [r.kind, r.state])).toEqual([["partner-statement", "pending"]]);

      // the office confirms: the recalculation is applied through the usual path, audited
      const confirmed = await runtime.runPromise(Grants.use((g) => g.confirmStatement(idf, STAFF)));
      expect(confirmed).toMatchObject({ previousCents: 195_000, approvedCents: 225_000 });
      const after = await tables(idf, email);
      expect(after.ledger.map((l) => [l.kind, l.amountCents])).toEqual([
        ["commitment", 225_000],
        ["recalculation", -30_000],
        ["recalculation", 30_000],
      ]);
      expect(after.audit.slice(-2).map((e) => e.action)).toEqual([
        "confirm-statement",
        "recalculate",
      ]);
      expect(
        (await runtime.runPromise(Grants.use((g) => g.reviewsOf(app.id)))).map((r) => r.state),
      ).toEqual(["confirmed"]);
      // nothing is left to confirm
      const twice = await runtime.runPromiseExit(Grants.use((g) => g.confirmStatement(idf, STAFF)));
      expect(errorOf(twice)).toMatchObject({ _tag: "NoPendingReview" });
    });

    it("the office rejects a statement with a reason: audited, the grant unchanged", async () => {
      const email = "statement.reject@example.org";
      const { app, ids } = await approvedAtUsp(email, ["idf"]);
      const idf = ids.idf as string;
      await runtime.runPromise(
        Grants.use((g) =>
          g.stateDates(idf, { actualStart: "2027-02-01", actualEnd: "2027-06-10" }, USP),
        ),
      );
      await runtime.runPromise(
        Grants.use((g) =>
          g.stateDates(idf, { actualStart: "2027-01-20", actualEnd: "2027-06-30" }, USP),
        ),
      );
      const rejected = await runtime.runPromise(
        Grants.use((g) =>
          g.setAside(idf, "partner-statement", "Arrivée anticipée non justifiée", STAFF),
        ),
      );
      expect(rejected).toMatchObject({
        state: "rejected",
        reason: "Arrivée anticipée non justifiée",
      });
      expect(await approvedCentsOf(app.id, "idf")).toBe(195_000);
      const { audit, ledger } = await tables(idf, email);
      expect(audit.at(-1)).toMatchObject({
        action: "reject-statement",
        reason: "Arrivée anticipée non justifiée",
      });
      expect(ledger).toHaveLength(2);
    });

    it("identical statements sent at once make one recalculation: one ledger line, one event, one message", async () => {
      const email = "statement.race@example.org";
      const { ids } = await approvedAtUsp(email, ["idf"]);
      const idf = ids.idf as string;
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, () =>
          runtime.runPromise(
            Grants.use((g) =>
              g.stateDates(idf, { actualStart: "2027-02-01", actualEnd: "2027-06-10" }, USP),
            ),
          ),
        ),
      );
      expect(outcomes.filter((o) => o.kind === "applied")).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind === "unchanged")).toHaveLength(5);
      const { ledger, audit, messages } = await tables(idf, email);
      expect(ledger.map((l) => l.kind)).toEqual(["commitment", "recalculation"]);
      expect(audit.filter((e) => e.action === "recalculate")).toHaveLength(1);
      expect(messages.filter((m) => m.topic === "request.recalculate")).toHaveLength(1);
    });

    it("flags the FITEC grant when another grant's recalculation leaves the stay under its 120 days", async () => {
      const { app, ids } = await approvedAtUsp("stale.fitec@example.org", ["idf", "fitec"]);
      expect(await approvedCentsOf(app.id, "fitec")).toBe(290_000);
      // 1 February to 29 May 2027: 119 days
      await runtime.runPromise(
        Grants.use((g) =>
          g.recalculate(
            ids.idf as string,
            { actualStart: "2027-02-01", actualEnd: "2027-05-29" },
            STAFF,
          ),
        ),
      );
      // the FITEC grant is not changed, but flagged with what changed
      expect(await approvedCentsOf(app.id, "fitec")).toBe(290_000);
      const [flag, ...others] = await runtime.runPromise(Grants.use((g) => g.reviewsOf(app.id)));
      expect(others).toEqual([]);
      expect(flag).toMatchObject({
        requestId: ids.fitec,
        scheme: "fitec",
        kind: "stale-grant",
        state: "pending",
        actualStart: "2027-02-01",
        actualEnd: "2027-05-29",
        beforeCents: 290_000,
        afterCents: null,
        afterVerdict: "ineligible",
      });
      expect(flag?.explanation.fr).toContain("le séjour n'est pas éligible au titre de");
      expect(flag?.explanation.en).toContain("the stay is not eligible under");

      // the office dismisses it with a reason: audited, the grant unchanged
      const dismissed = await runtime.runPromise(
        Grants.use((g) =>
          g.setAside(ids.fitec as string, "stale-grant", "Prolongation accordée par USP", STAFF),
        ),
      );
      expect(dismissed).toMatchObject({
        state: "dismissed",
        reason: "Prolongation accordée par USP",
      });
      const { audit } = await tables(ids.fitec as string, "stale.fitec@example.org");
      expect(audit.at(-1)).toMatchObject({
        action: "dismiss-flag",
        reason: "Prolongation accordée par USP",
      });
      expect(await approvedCentsOf(app.id, "fitec")).toBe(290_000);
    });

    it("clears a flag when the office recalculates the flagged grant; flags nothing when no verdict or amount moves", async () => {
      const { app, ids } = await approvedAtUsp("stale.ami@example.org", ["idf", "ami"]);
      const recalculate = (scheme: string, actualEnd: string) =>
        runtime.runPromise(
          Grants.use((g) =>
            g.recalculate(ids[scheme] as string, { actualStart: "2027-02-01", actualEnd }, STAFF),
          ),
        );
      await recalculate("idf", "2027-06-01");
      const flags = await runtime.runPromise(Grants.use((g) => g.reviewsOf(app.id)));
      expect(flags.map((f) => [f.scheme, f.state, f.afterCents])).toEqual([
        ["ami", "pending", 161_333],
      ]);
      await recalculate("ami", "2027-06-01");
      const after = await runtime.runPromise(Grants.use((g) => g.reviewsOf(app.id)));
      // the AMI grant's own recalculation on the same dates moves no other grant's figures
      expect(after.map((f) => [f.scheme, f.state])).toEqual([["ami", "recalculated"]]);
    });
  },
);
