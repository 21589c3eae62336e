import { randomUUID } from "node:crypto";
import {
  type Actor,
  type AllocationCandidate,
  type AllocationError,
  type AllocationMove,
  type AppliedMove,
  allocate,
  type CandidateInvalid,
  createRegistry,
  explainRank,
  isExplained,
  OwnRequest,
  type PriorityRules,
  planRequeue,
  type RankStanding,
  rank,
  standingsOf,
  type Text,
} from "@envol/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { Context, DateTime, Effect, Layer, Result } from "effect";
import {
  AllocationApplied,
  AllocationNotFound,
  AllocationOutdated,
  AllocationVersionChanged,
} from "./allocation-errors.ts";
import { Applications } from "./applications.ts";
import { applyMovePlan } from "./apply-move-plan.ts";
import { recordAudit } from "./audit-log.ts";
import { Database } from "./database.ts";
import type { BudgetNotFound } from "./errors.ts";
import { lockBudget, readBudget } from "./request-lock.ts";
import {
  allocationStandings,
  allocations,
  applications,
  auditEvents,
  schemeRequests,
  users,
} from "./schema/index.ts";
import { Schemes } from "./schemes.ts";
import { type Tx, tagged, transact } from "./transact.ts";
import { verdictToday } from "./verdict-today.ts";

export * from "./allocation-errors.ts";

type StaffActor = Extract<Actor, { readonly kind: "staff" }>;

/** The requests a call ranks: sent to the office and not yet decided, those waitlisted before included. */
export const ALLOCATION_STATES = ["submitted", "under_review", "waitlisted"] as const;

/** One request in a call's allocation, as the office reads it. */
export interface AllocationRow {
  readonly requestId: string;
  readonly applicationId: string;
  readonly applicantName: string;
  readonly rank: number;
  readonly amountCents: number;
  readonly funded: boolean;
  /** Its place on the waitlist (1-based); null when funded. */
  readonly waitlistPosition: number | null;
  /** Moved by the office, not placed by its rank. */
  readonly byHand: boolean;
  /** The office's reason for a move by hand (office only); null otherwise. */
  readonly reason: string | null;
  /** What the explanation says (never the reason). */
  readonly standing: RankStanding;
}

/** A call's allocation: the proposal, or once applied the record of its decisions. */
export interface AllocationView {
  readonly scheme: string;
  readonly academicYear: string;
  readonly status: "proposed" | "applied";
  readonly version: number;
  readonly rules: PriorityRules;
  readonly moves: readonly AppliedMove[];
  /** What the envelope had left (envelope less committed) when it was proposed. */
  readonly envelopeCents: number;
  readonly allocatedCents: number;
  readonly remainingCents: number;
  readonly lastFundedRank: number | null;
  readonly proposedAt: string;
  readonly appliedAt: string | null;
  /** In rank order. */
  readonly rows: readonly AllocationRow[];
}

/** A student's (or a member of the personnel's) standing in an applied allocation. */
export interface ApplicantStanding {
  readonly applicationId: string;
  readonly requestId: string;
  readonly scheme: string;
  readonly academicYear: string;
  readonly standing: RankStanding;
}

export type ProposeError =
  | AllocationError
  | CandidateInvalid
  | AllocationApplied
  | BudgetNotFound
  | OwnRequest;
export type ApplyError =
  | AllocationNotFound
  | AllocationApplied
  | AllocationVersionChanged
  | AllocationOutdated
  | BudgetNotFound
  | OwnRequest;

const isProposeError = tagged<ProposeError>(
  "AllocationInputInvalid",
  "UnknownMoveRequest",
  "MovesExceedEnvelope",
  "CandidateInvalid",
  "AllocationApplied",
  "BudgetNotFound",
  "OwnRequest",
);
const isApplyError = tagged<ApplyError>(
  "AllocationNotFound",
  "AllocationApplied",
  "AllocationVersionChanged",
  "AllocationOutdated",
  "BudgetNotFound",
  "OwnRequest",
);

const callKey = (scheme: string, academicYear: string) => `${scheme}/${academicYear}`;

/** One proposal or apply of a call at a time: the second waits, then sees the first's work. */
const lockCall = (tx: Tx, scheme: string, academicYear: string) =>
  tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`allocation:${callKey(scheme, academicYear)}`}))`,
  );

/**
 * The call's allocation row, if any, locked after the call itself (see `lockCall`): what a
 * proposal replaces and an apply applies.
 */
const lockedAllocation = async (tx: Tx, scheme: string, academicYear: string) => {
  await lockCall(tx, scheme, academicYear);
  const rows = await tx
    .select()
    .from(allocations)
    .where(and(eq(allocations.scheme, scheme), eq(allocations.academicYear, academicYear)))
    .for("update");
  return rows[0];
};

const bothLanguages = (standing: RankStanding) => ({
  fr: explainRank(standing, "fr"),
  en: explainRank(standing, "en"),
});

/** Why a decision of the apply is refused, in both languages. */
const whyOf = (error: unknown): Text =>
  isExplained(error)
    ? { fr: error.explain("fr"), en: error.explain("en") }
    : { fr: String((error as Error).message), en: String((error as Error).message) };

/**
 * A call's ranked allocation (issue #15, ADRs 017 and 019): proposed from every eligible
 * request of the scheme and year sent to the office, within what is left of the envelope, then
 * applied in one transaction with the same decisions, money, audit events and messages as the
 * office's decisions by hand.
 */
export class Allocations extends Context.Service<
  Allocations,
  {
    /**
     * Ranks the call's eligible requests by `rules` and allocates what the envelope has left,
     * with the office's moves; stores it as the call's proposal (a new version, replacing an
     * earlier one); audited.
     */
    readonly propose: (
      scheme: string,
      academicYear: string,
      rules: PriorityRules,
      moves: readonly AllocationMove[],
      actor: StaffActor,
    ) => Effect.Effect<AllocationView, ProposeError>;
    readonly find: (
      scheme: string,
      academicYear: string,
    ) => Effect.Effect<AllocationView, AllocationNotFound>;
    /**
     * Applies the proposal the office read (`expectedVersion`), in one transaction: each funded
     * request approved at its amount, each waiting one waitlisted in rank order, each student
     * told their rank; nothing if any request changed or the envelope no longer covers them.
     */
    readonly apply: (
      scheme: string,
      academicYear: string,
      expectedVersion: number,
      actor: StaffActor,
    ) => Effect.Effect<AllocationView, ApplyError>;
    /** The applicant's own standings, from applied allocations only. */
    readonly standingsOf: (applicantId: string) => Effect.Effect<readonly ApplicantStanding[]>;
  }
>()("@envol/db/Allocations") {
  static readonly layer = Layer.effect(
    Allocations,
    Effect.gen(function* () {
      const { db } = yield* Database;
      const schemes = yield* Schemes;
      const applicationsRepo = yield* Applications;

      /** The call's requests sent to the office, in one query, with when each was submitted. */
      const candidatesOf = async (tx: Tx, scheme: string, academicYear: string) =>
        tx
          .select({
            requestId: schemeRequests.id,
            studentId: applications.studentId,
            version: schemeRequests.version,
            estimatedCents: schemeRequests.estimatedCents,
            updatedAt: schemeRequests.updatedAt,
            situation: applications.situation,
            // the submission's instant is the audit trail's (its first `submit`)
            submittedAt: sql<
              Date | string | null
            >`(select min(${auditEvents.at}) from ${auditEvents} where ${auditEvents.entityType} = 'scheme_request' and ${auditEvents.entityId} = ${schemeRequests.id}::text and ${auditEvents.action} = 'submit')`,
          })
          .from(schemeRequests)
          .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
          .where(
            and(
              eq(schemeRequests.scheme, scheme),
              eq(applications.academicYear, academicYear),
              inArray(schemeRequests.state, [...ALLOCATION_STATES]),
            ),
          );

      const load = async (
        tx: Tx,
        scheme: string,
        academicYear: string,
      ): Promise<AllocationView | undefined> => {
        const a = (
          await tx
            .select()
            .from(allocations)
            .where(and(eq(allocations.scheme, scheme), eq(allocations.academicYear, academicYear)))
        )[0];
        if (!a) return undefined;
        const rows = await tx
          .select({
            standing: allocationStandings.standing,
            amountCents: allocationStandings.amountCents,
            funded: allocationStandings.funded,
            requestId: allocationStandings.requestId,
            applicationId: schemeRequests.applicationId,
            applicantName: users.name,
          })
          .from(allocationStandings)
          .innerJoin(schemeRequests, eq(schemeRequests.id, allocationStandings.requestId))
          .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
          .innerJoin(users, eq(users.id, applications.studentId))
          .where(eq(allocationStandings.allocationId, a.id))
          .orderBy(asc(allocationStandings.rank));
        const reasons = new Map(a.moves.map((m) => [m.requestId, m.reason]));
        return {
          scheme: a.scheme,
          academicYear: a.academicYear,
          status: a.status,
          version: a.version,
          rules: a.rules,
          moves: a.moves,
          envelopeCents: a.envelopeCents,
          allocatedCents: a.allocatedCents,
          remainingCents: a.envelopeCents - a.allocatedCents,
          lastFundedRank: a.lastFundedRank,
          proposedAt: a.proposedAt.toISOString(),
          appliedAt: a.appliedAt?.toISOString() ?? null,
          rows: rows.map((r) => ({
            requestId: r.requestId,
            applicationId: r.applicationId,
            applicantName: r.applicantName,
            rank: r.standing.rank,
            amountCents: r.amountCents,
            funded: r.funded,
            waitlistPosition:
              r.standing.outcome.kind === "waitlisted" ? r.standing.outcome.position : null,
            byHand: r.standing.outcome.byHand,
            reason: reasons.get(r.requestId) ?? null,
            standing: r.standing,
          })),
        };
      };

      const propose = Effect.fn("Allocations.propose")(function* (
        scheme: string,
        academicYear: string,
        rules: PriorityRules,
        moves: readonly AllocationMove[],
        actor: StaffActor,
      ) {
        const at = yield* DateTime.nowAsDate;
        const today = at.toISOString().slice(0, 10);
        return yield* transact(
          db,
          async (tx) => {
            const current = await lockedAllocation(tx, scheme, academicYear);
            if (current?.status === "applied")
              throw new AllocationApplied({ scheme, academicYear });
            const budget = await readBudget(tx, scheme, academicYear);
            const envelopeCents = budget.envelopeCents - budget.committedCents;

            // the requests the scheme finds eligible today, at what it gives them today: the rules
            // in force for each stay's start (ADR 020: the office may have saved new options
            // since the request was sent), which the approval then stores with the amount
            const rows = await candidatesOf(tx, scheme, academicYear);
            // a member of the office never moves her own request (ADR 016's conflict of interest)
            const own = moves.find((m) =>
              rows.some((r) => r.requestId === m.requestId && r.studentId === actor.userId),
            );
            if (own) throw new OwnRequest({ requestId: own.requestId, action: "approve" });
            // the scheme alone: its verdict and standalone estimate do not depend on the others,
            // and evaluating one scheme rather than every one is what makes 10 000 requests fast
            const plugin = schemes.registry.byId.get(scheme);
            const alone = plugin
              ? createRegistry({
                  institution: schemes.registry.institution,
                  plugins: [plugin],
                  partners: schemes.registry.partners,
                })
              : schemes.registry;
            const versions = new Map<string, number>();
            const candidates: AllocationCandidate[] = [];
            for (const row of rows) {
              const now = verdictToday(alone, row.situation, scheme, today);
              if (now.verdict !== "eligible" || now.estimateCents === null) continue;
              versions.set(row.requestId, row.version);
              const submitted = row.submittedAt ?? row.updatedAt;
              candidates.push({
                requestId: row.requestId,
                situation: row.situation,
                submittedAt: new Date(submitted).toISOString(),
                amountCents: now.estimateCents,
              });
            }
            const ranking = rank(candidates, rules);
            if (Result.isFailure(ranking)) throw ranking.failure;
            const allocated = allocate(ranking.success, envelopeCents, moves);
            if (Result.isFailure(allocated)) throw allocated.failure;
            const allocation = allocated.success;
            const standings = standingsOf(ranking.success, allocation);

            const id = current?.id ?? randomUUID();
            const version = (current?.version ?? 0) + 1;
            const values = {
              status: "proposed" as const,
              version,
              rules,
              moves: allocation.moves,
              envelopeCents,
              allocatedCents: allocation.totalFundedCents,
              lastFundedRank: allocation.lastFundedRank,
              proposedBy: actor.userId,
              proposedAt: at,
            };
            if (current) {
              await tx.delete(allocationStandings).where(eq(allocationStandings.allocationId, id));
              await tx.update(allocations).set(values).where(eq(allocations.id, id));
            } else {
              await tx.insert(allocations).values({ id, scheme, academicYear, ...values });
            }
            const standingRows = ranking.success.ranked.map((c) => {
              const standing = standings.get(c.requestId) as RankStanding;
              return {
                request_id: c.requestId,
                rank: c.rank,
                funded: standing.outcome.kind === "funded",
                amount_cents: c.amountCents,
                request_version: versions.get(c.requestId) as number,
                submitted_at: c.submittedAt,
                standing,
              };
            });
            // one statement and one parameter for the whole ranking (10 000 rows in one go)
            await tx.execute(sql`
              insert into ${allocationStandings} (allocation_id, request_id, rank, funded,
                amount_cents, request_version, submitted_at, standing)
              select ${id}::uuid, r.request_id, r.rank, r.funded, r.amount_cents,
                     r.request_version, r.submitted_at, r.standing
              from jsonb_to_recordset(${JSON.stringify(standingRows)}::jsonb) as r(
                request_id uuid, rank integer, funded boolean, amount_cents bigint,
                request_version integer, submitted_at text, standing jsonb)`);
            await recordAudit(tx, {
              at,
              actor,
              action: "propose-allocation",
              entityType: "allocation",
              entityId: callKey(scheme, academicYear),
              before: current
                ? { version: current.version, allocatedCents: current.allocatedCents }
                : null,
              after: {
                version,
                rules,
                moves: allocation.moves,
                envelopeCents,
                allocatedCents: allocation.totalFundedCents,
                funded: allocation.funded.length,
                waitlisted: allocation.waitlisted.length,
                lastFundedRank: allocation.lastFundedRank,
              },
            });
            return (await load(tx, scheme, academicYear)) as AllocationView;
          },
          isProposeError,
        );
      });

      const find = Effect.fn("Allocations.find")(function* (scheme: string, academicYear: string) {
        const found = yield* Effect.promise(() => load(db as unknown as Tx, scheme, academicYear));
        if (!found) return yield* new AllocationNotFound({ scheme, academicYear });
        return found;
      });

      const apply = Effect.fn("Allocations.apply")(function* (
        scheme: string,
        academicYear: string,
        expectedVersion: number,
        actor: StaffActor,
      ) {
        const at = yield* DateTime.nowAsDate;
        return yield* transact(
          db,
          async (tx) => {
            const a = await lockedAllocation(tx, scheme, academicYear);
            if (!a) throw new AllocationNotFound({ scheme, academicYear });
            if (a.status === "applied") throw new AllocationApplied({ scheme, academicYear });
            if (a.version !== expectedVersion)
              throw new AllocationVersionChanged({ expectedVersion, version: a.version });

            const standing = await tx
              .select()
              .from(allocationStandings)
              .where(eq(allocationStandings.allocationId, a.id))
              .orderBy(asc(allocationStandings.rank));
            // every request locked first, in one statement and the id's order, then their
            // students, then the envelope: the order each decision by hand takes, request, student,
            // envelope, so that an apply and a decision never wait on each other in a circle
            const ids = standing.map((s) => s.requestId);
            const locked =
              ids.length === 0
                ? []
                : await tx
                    .select({
                      id: schemeRequests.id,
                      state: schemeRequests.state,
                      version: schemeRequests.version,
                      applicationId: schemeRequests.applicationId,
                      studentId: applications.studentId,
                    })
                    .from(schemeRequests)
                    .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
                    .where(inArray(schemeRequests.id, ids))
                    .orderBy(asc(schemeRequests.id))
                    .for("update", { of: schemeRequests });
            const byId = new Map(locked.map((r) => [r.id, r]));
            for (const s of standing) {
              const now = byId.get(s.requestId);
              if (now === undefined || now.version !== s.requestVersion)
                throw new AllocationOutdated({
                  requestId: s.requestId,
                  applicationId: now?.applicationId ?? "",
                  why: {
                    fr: "elle a changé depuis la proposition",
                    en: "it changed since the proposal",
                  },
                });
            }
            const students = [...new Set(locked.map((r) => r.studentId))].sort();
            // with where each is written to, in their language: a request already waiting is
            // told its rank here, not by a decision
            const recipients = new Map(
              (students.length === 0
                ? []
                : await tx
                    .select({ id: users.id, email: users.email, lang: users.lang })
                    .from(users)
                    .where(inArray(users.id, students))
                    .orderBy(asc(users.id))
                    .for("no key update")
              ).map((u) => [u.id, u]),
            );
            const budget = await lockBudget(tx, scheme, academicYear);
            // the envelope, as it stands now: money committed outside the allocation since the
            // proposal leaves less, and the first funded request it no longer covers is named
            let left = budget.envelopeCents - budget.committedCents;
            for (const s of standing.filter((r) => r.funded)) {
              left -= s.amountCents;
              if (left < 0)
                throw new AllocationOutdated({
                  requestId: s.requestId,
                  applicationId: byId.get(s.requestId)?.applicationId ?? "",
                  why: {
                    fr: "l'enveloppe ne la couvre plus",
                    en: "the envelope no longer covers it",
                  },
                });
            }

            // the same decisions as by hand: review started (silently), then approved or
            // waitlisted in rank order, the student told their rank in the decision's message
            const decideAll = async (s: (typeof standing)[number]) => {
              const request = byId.get(s.requestId) as (typeof locked)[number];
              const note = bothLanguages(s.standing);
              try {
                if (request.state === "submitted")
                  await applicationsRepo.decideIn(
                    tx,
                    s.requestId,
                    { action: "start-review" },
                    actor,
                    at,
                    { notify: false },
                  );
                if (request.state === "waitlisted" && !s.funded) {
                  // already waiting: queued again at its rank's place, as the promotion reads the
                  // waitlist in the order of its events (a request waitlisted by hand before the
                  // call closed does not keep a place ahead of those ranked above it), its
                  // student told their rank as those waitlisted now are; never by herself
                  if (request.studentId === actor.userId)
                    throw new OwnRequest({ requestId: s.requestId, action: "waitlist" });
                  const student = recipients.get(request.studentId);
                  // every request's student was locked above, with where to write to them
                  if (!student)
                    throw new Error(`request ${s.requestId}: its student is not locked`);
                  await applyMovePlan(
                    tx,
                    planRequeue(
                      schemes.registry.byId.get(scheme)?.name ?? { fr: scheme, en: scheme },
                      s.standing.rank,
                    ),
                    {
                      at,
                      actor,
                      requestId: s.requestId,
                      applicationId: request.applicationId,
                      budgetId: null,
                      student,
                      note,
                    },
                  );
                } else
                  await applicationsRepo.decideIn(
                    tx,
                    s.requestId,
                    s.funded
                      ? {
                          action: request.state === "waitlisted" ? "promote" : "approve",
                          amountCents: s.amountCents,
                        }
                      : { action: "waitlist" },
                    actor,
                    at,
                    { note },
                  );
              } catch (e) {
                // her own request among those to decide: a colleague applies it (403, as by hand)
                if (e instanceof OwnRequest) throw e;
                if (typeof e === "object" && e !== null && "_tag" in e)
                  throw new AllocationOutdated({
                    requestId: s.requestId,
                    applicationId: request.applicationId,
                    why: whyOf(e),
                  });
                throw e;
              }
            };
            for (const s of standing) await decideAll(s);

            await tx
              .update(allocations)
              .set({ status: "applied", appliedBy: actor.userId, appliedAt: at })
              .where(eq(allocations.id, a.id));
            await recordAudit(tx, {
              at,
              actor,
              action: "apply-allocation",
              entityType: "allocation",
              entityId: callKey(scheme, academicYear),
              before: { status: "proposed", version: a.version },
              after: {
                status: "applied",
                version: a.version,
                allocatedCents: a.allocatedCents,
                funded: standing.filter((s) => s.funded).length,
                waitlisted: standing.filter((s) => !s.funded).length,
              },
            });
            return (await load(tx, scheme, academicYear)) as AllocationView;
          },
          isApplyError,
        );
      });

      const standingsOfApplicant = Effect.fn("Allocations.standingsOf")(function* (
        applicantId: string,
      ) {
        const rows = yield* Effect.promise(() =>
          db
            .select({
              applicationId: applications.id,
              requestId: schemeRequests.id,
              scheme: schemeRequests.scheme,
              academicYear: applications.academicYear,
              standing: allocationStandings.standing,
            })
            .from(allocationStandings)
            .innerJoin(allocations, eq(allocations.id, allocationStandings.allocationId))
            .innerJoin(schemeRequests, eq(schemeRequests.id, allocationStandings.requestId))
            .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
            .where(and(eq(applications.studentId, applicantId), eq(allocations.status, "applied")))
            .orderBy(asc(applications.academicYear), asc(schemeRequests.scheme)),
        );
        return rows;
      });

      return Allocations.of({ propose, find, apply, standingsOf: standingsOfApplicant });
    }),
  );
}
