import { randomUUID } from "node:crypto";
import {
  type Actor,
  type BudgetExceeded,
  type ConfiguredPlugin,
  createRegistry,
  defaultAdvanceCents,
  type EstimateLineWords,
  estimateLineWords,
  evaluate,
  type GrantComputation,
  type Lang,
  type LedgerKind,
  type LedgerLine,
  planRecalculation,
  RECALCULABLE_STATES,
  type Remaining,
  recalculationImpossibleBecause,
  recalculationRefusal,
  remainingOfRequest,
  type SchemeResult,
  type Situation,
  type StatementHold,
  type StayDates,
  type StoredLedgerLine,
  staleGrantOf,
  statementAwaitingOffice,
  storedEstimateLine,
  type Text,
  UnknownPartner,
  type Verdict,
  type VerdictOnDates,
  type WrittenLedgerLine,
} from "@envol/domain";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { Context, DateTime, Effect, Layer, Result } from "effect";
import { Applications } from "./applications.ts";
import { applyMovePlan } from "./apply-move-plan.ts";
import { actorId, recordAudit } from "./audit-log.ts";
import { Database } from "./database.ts";
import {
  type BudgetNotFound,
  NoPendingReview,
  RecalculationImpossible,
  RequestNotFound,
} from "./errors.ts";
import { lockBudget, lockRequest, paidSoFar } from "./request-lock.ts";
import {
  applications,
  auditEvents,
  grantReviews,
  ledgerEntries,
  schemeRequests,
} from "./schema/index.ts";
import { Schemes } from "./schemes.ts";
import { type Tx, tagged, transact } from "./transact.ts";
import { type RequestView, requestView } from "./views.ts";

/** The dates the stay actually took, as the host or the office confirmed them. */
export interface ActualDates {
  readonly actualStart: string;
  readonly actualEnd: string;
  /**
   * Recompute with the scheme's options in force today rather than those stored at approval
   * (a staff choice: ARCHITECTURE §2.6).
   */
  readonly useCurrentOptions?: boolean;
  /**
   * The hours a member of the personnel actually taught, from the certificate of attendance:
   * the teaching-hours rule reads them instead of the hours stated when applying (office only).
   */
  readonly actualTeachingHours?: number;
}

/**
 * What a recalculation did: the grant before and after, and the ledger line's explanation (keys
 * and parameters: `renderLedgerLine` writes it in the reader's language).
 */
export interface Recalculation {
  readonly request: RequestView;
  readonly previousCents: number;
  readonly approvedCents: number;
  /** The new amount less the previous one: the change of the envelope's commitment. */
  readonly differenceCents: number;
  /** What is still to pay to the student, or to recover, from what was paid. */
  readonly remaining: Remaining;
  readonly explanation: readonly LedgerLine[];
}

/** One line of a request's ledger: money committed, released, paid or recalculated, explained. */
export interface LedgerEntryView {
  readonly id: number;
  readonly kind: LedgerKind;
  /** Positive: committed, paid or due; negative: released or to recover. */
  readonly amountCents: number;
  readonly instalment: "advance" | "balance" | null;
  /** Keyed lines, or the French sentences of a row written before keys: see `renderLedgerLine`. */
  readonly explanation: readonly StoredLedgerLine[];
  readonly at: string;
}

/** A request's payments as the office confirms them: see `Grants.paymentsDue`. */
export interface PaymentsDue {
  /** Paid so far (advance, balance). */
  readonly paidCents: number;
  /** The advance when no amount is typed: the scheme's share of the grant (0 without a grant). */
  readonly advanceCents: number;
  /** The balance: what is still to pay, or to recover, of the grant. Null without a grant. */
  readonly remaining: Remaining | null;
}

export type GrantReviewKind = "partner-statement" | "stale-grant";
export type GrantReviewState = typeof grantReviews.$inferSelect.state;
type GrantReviewRow = typeof grantReviews.$inferSelect;

/**
 * What about a grant awaits (or awaited) the office (ADR 012): a host's statement that would
 * raise it, or a grant left stale by another grant's recalculation.
 */
export interface GrantReviewView {
  readonly id: string;
  readonly requestId: string;
  readonly scheme: string;
  readonly kind: GrantReviewKind;
  readonly state: GrantReviewState;
  /** The actual dates it is about. */
  readonly actualStart: string;
  readonly actualEnd: string;
  /** The grant as it stood, and what the scheme gives on the actual dates (null: nothing). */
  readonly beforeCents: number;
  readonly afterCents: number | null;
  readonly afterVerdict: Verdict;
  /** Why the office is asked, in both languages. */
  readonly explanation: Text;
  /** `partner:tu-berlin`, `staff:<user id>`. */
  readonly raisedBy: string;
  readonly createdAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  /** The office's reason, for a rejected statement or a dismissed flag. */
  readonly reason: string | null;
}

const reviewView = (row: GrantReviewRow, scheme: string): GrantReviewView => ({
  id: row.id,
  requestId: row.requestId,
  scheme,
  kind: row.kind,
  state: row.state,
  actualStart: row.actualStart,
  actualEnd: row.actualEnd,
  beforeCents: row.beforeCents,
  afterCents: row.afterCents,
  afterVerdict: row.afterVerdict,
  explanation: row.explanation,
  raisedBy: row.raisedBy,
  createdAt: row.createdAt.toISOString(),
  decidedBy: row.decidedBy,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  reason: row.reason,
});

const reviewerOf = (actor: Actor): string => `${actor.kind}:${actorId(actor)}`;

/** What a host's statement of actual dates did to one grant. */
export type StatementOutcome =
  /** Applied at once: it keeps the grant, or lowers one unpaid and approved on the rules. */
  | { readonly kind: "applied"; readonly recalculation: Recalculation }
  /** The same dates as the grant's last recalculation: nothing to do. */
  | { readonly kind: "unchanged" }
  /** Dates the office already rejected: nothing to do, the rejection stands. */
  | { readonly kind: "already-rejected"; readonly review: GrantReviewView }
  /**
   * It would raise the grant, or change one approved by override or with money paid: stored for
   * the office to confirm or reject.
   */
  | { readonly kind: "awaiting-office"; readonly review: GrantReviewView };

export type RecalculationError =
  | RequestNotFound
  | RecalculationImpossible
  | BudgetExceeded
  | BudgetNotFound;

/** Who may promote from the waiting list: the office, or Envol when it releases money. */
export type PromotingActor = Extract<Actor, { readonly kind: "staff" | "system" }>;

const isRecalculationError = tagged<RecalculationError>(
  "RequestNotFound",
  "RecalculationImpossible",
  "BudgetExceeded",
  "BudgetNotFound",
);

/** What the last recalculation's audit event keeps: its lines in both languages, or French only. */
type RecordedComputation = Omit<GrantComputation, "lines"> & {
  readonly lines: readonly (EstimateLineWords | WrittenLedgerLine)[];
};

/**
 * Grants once approved (ARCHITECTURE §2.6): recalculation on the actual dates, and promotion
 * from the waiting list when money is released. Instalments (advance, balance) are decisions
 * of `Applications.decide`.
 */
export class Grants extends Context.Service<
  Grants,
  {
    /**
     * Recomputes an approved grant on the stay's actual dates with the plugin options stored
     * at approval (or the current ones), and records the difference as one explained ledger
     * line, the envelope's commitment, an audit event and the student's message, in one
     * transaction.
     */
    readonly recalculate: (
      requestId: string,
      dates: ActualDates,
      actor: Actor,
    ) => Effect.Effect<Recalculation, RecalculationError>;
    /**
     * A host's statement of the stay's actual dates for one grant, weighed under the request's
     * lock: the same dates as the last recalculation, or as a statement the office rejected,
     * change nothing; dates that lower or keep the grant recalculate it; dates that would raise
     * it, or change a grant approved by override or with money paid, are stored for the office
     * (ADR 012).
     */
    readonly stateDates: (
      requestId: string,
      dates: { readonly actualStart: string; readonly actualEnd: string },
      actor: Extract<Actor, { readonly kind: "partner" }>,
    ) => Effect.Effect<StatementOutcome, RecalculationError>;
    /** The office confirms a host's pending statement: the grant is recalculated on its dates. */
    readonly confirmStatement: (
      requestId: string,
      actor: Extract<Actor, { readonly kind: "staff" }>,
    ) => Effect.Effect<Recalculation, RecalculationError | NoPendingReview>;
    /**
     * The office sets a pending review aside with a reason: a host's statement is rejected, a
     * stale grant's flag dismissed. Audited; the grant is unchanged.
     */
    readonly setAside: (
      requestId: string,
      kind: GrantReviewKind,
      reason: string,
      actor: Extract<Actor, { readonly kind: "staff" }>,
    ) => Effect.Effect<GrantReviewView, RequestNotFound | NoPendingReview>;
    /** Every review of an application's grants, newest first. */
    readonly reviewsOf: (applicationId: string) => Effect.Effect<readonly GrantReviewView[]>;
    /**
     * Promotes the scheme's waitlisted requests of the year, longest waiting first, while their
     * estimate fits what is left in the envelope; each in its own transaction. The ids promoted.
     */
    readonly promoteWaitlisted: (
      scheme: string,
      academicYear: string,
      actor: PromotingActor,
    ) => Effect.Effect<readonly string[], BudgetNotFound>;
    /**
     * What the next payment of a request would be, for the office to confirm before paying:
     * the advance's default and what remains (the balance), from what was paid.
     */
    readonly paymentsDue: (requestId: string) => Effect.Effect<PaymentsDue, RequestNotFound>;
    /** The ledger of one request, oldest line first. */
    readonly ledgerFor: (
      requestId: string,
    ) => Effect.Effect<readonly LedgerEntryView[], RequestNotFound>;
  }
>()("@envol/db/Grants") {
  static readonly layer = Layer.effect(
    Grants,
    Effect.gen(function* () {
      const { db } = yield* Database;
      const schemes = yield* Schemes;
      const applicationsRepo = yield* Applications;

      /** One scheme evaluated alone: its standalone amount, not its share of a plan. */
      const evaluateAlone = (
        plugin: ConfiguredPlugin,
        situation: Situation,
        lang: Lang,
      ): SchemeResult => {
        const one = createRegistry({
          institution: schemes.registry.institution,
          plugins: [plugin],
          partners: schemes.registry.partners,
        });
        const report = evaluate(situation, one, {
          asOf: situation.asOf ?? situation.mobility.start,
          lang,
        });
        return report.schemes[0] as SchemeResult;
      };
      /** The scheme's result in both languages (the engine writes one at a time). */
      const evaluateInBoth = (plugin: ConfiguredPlugin, situation: Situation) => ({
        fr: evaluateAlone(plugin, situation, "fr"),
        en: evaluateAlone(plugin, situation, "en"),
      });
      const linesOf = (r: { readonly fr: SchemeResult; readonly en: SchemeResult }) =>
        estimateLineWords(r.fr, r.en);

      type Locked = Awaited<ReturnType<typeof lockRequest>>;

      /** The request locked for a recalculation: a partner reaches its own students only. */
      const lockForRecalculation = async (tx: Tx, requestId: string, actor: Actor) => {
        // the same lock order as Applications.decide: the request, then the envelope
        const locked = await lockRequest(tx, requestId);
        if (actor.kind === "partner" && locked.application.hostPartnerId !== actor.partnerId)
          throw new RequestNotFound({ id: requestId });
        return locked;
      };

      /** What the last recalculation of the request recorded, if any. */
      const lastRecalculation = async (tx: Tx, requestId: string) =>
        (
          await tx
            .select({ after: auditEvents.after })
            .from(auditEvents)
            .where(
              and(
                eq(auditEvents.entityType, "scheme_request"),
                eq(auditEvents.entityId, requestId),
                eq(auditEvents.action, "recalculate"),
              ),
            )
            .orderBy(sql`${auditEvents.id} desc`)
            .limit(1)
        )[0]?.after as RecordedComputation | undefined;

      /** The plugin a grant is recomputed with: its approval's options, or today's. */
      const pluginFor = (
        request: Locked["request"],
        useCurrentOptions: boolean,
      ): {
        readonly plugin: ConfiguredPlugin;
        readonly useCurrent: boolean;
        readonly configure: (options: unknown) => ConfiguredPlugin | undefined;
      } => {
        const impossible = (why: Text) =>
          new RecalculationImpossible({ requestId: request.id, why });
        const current = schemes.registry.byId.get(request.scheme);
        const configure = (options: unknown): ConfiguredPlugin | undefined => {
          // options stored years ago may no longer validate: say so rather than crash
          try {
            return schemes.configureWith(request.scheme, options);
          } catch (e) {
            throw impossible(
              recalculationImpossibleBecause.optionsNoLongerValid(
                current?.name ?? { fr: request.scheme, en: request.scheme },
                (e as Error).message,
              ),
            );
          }
        };
        const useCurrent = useCurrentOptions || request.approvedOptions === null;
        const plugin = useCurrent ? current : configure(request.approvedOptions);
        if (!plugin)
          throw impossible(recalculationImpossibleBecause.schemeWithdrawn(request.scheme));
        return { plugin, useCurrent, configure };
      };

      const onDates = (situation: Situation, start: string, end: string): Situation => ({
        ...situation,
        mobility: { ...situation.mobility, start, end },
      });

      /**
       * The application's situation as the office last recorded the stay: with the hours actually
       * taught when a certificate of attendance gave them (`ActualDates.actualTeachingHours`).
       */
      const asRecorded = (
        application: { readonly situation: Situation; readonly actualTeachingHours: number | null },
        teachingHours: number | null = application.actualTeachingHours,
      ): Situation => {
        const { situation } = application;
        if (teachingHours === null || situation.personnel === undefined) return situation;
        return { ...situation, personnel: { ...situation.personnel, teachingHours } };
      };

      /** The grant evaluated on the actual dates: its new amount, or why it has none. */
      const evaluateOn = (locked: Locked, dates: ActualDates, actor: Actor) => {
        const { request, application } = locked;
        const impossible = (why: Text) =>
          new RecalculationImpossible({ requestId: request.id, why });
        const refusal = recalculationRefusal(
          { ...request, studentId: application.studentId },
          dates,
          actor,
        );
        if (refusal) throw impossible(refusal);
        if (
          dates.actualTeachingHours !== undefined &&
          application.situation.personnel === undefined
        )
          throw impossible(recalculationImpossibleBecause.hoursOfAStudentsStay);
        const teachingHours = dates.actualTeachingHours ?? application.actualTeachingHours;
        const { plugin, useCurrent, configure } = pluginFor(
          request,
          dates.useCurrentOptions === true,
        );
        const evaluated = (() => {
          // the catalogue may have lost the host since: a typed domain error, not a crash
          try {
            return evaluateInBoth(
              plugin,
              onDates(asRecorded(application, teachingHours), dates.actualStart, dates.actualEnd),
            );
          } catch (e) {
            if (e instanceof UnknownPartner)
              throw impossible(recalculationImpossibleBecause.partnerWithdrawn(e.partner));
            throw e;
          }
        })();
        if (evaluated.fr.verdict !== "eligible" || !evaluated.fr.estimate)
          throw impossible(recalculationImpossibleBecause.noAmount(evaluated.fr, evaluated.en));
        return {
          dates,
          teachingHours,
          plugin,
          useCurrent,
          configure,
          evaluated,
          newCents: evaluated.fr.estimate.totalCents,
        };
      };
      type Evaluated = ReturnType<typeof evaluateOn>;

      /** The recalculation planned on the evaluated amount, with the envelope locked. */
      const planOn = async (tx: Tx, locked: Locked, on: Evaluated) => {
        const { request, application } = locked;
        const current = schemes.registry.byId.get(request.scheme);
        // what the grant was: the last recalculation's lines, or the approval's estimate
        const last = await lastRecalculation(tx, request.id);
        const previous = last
          ? { ...last, lines: last.lines.map(storedEstimateLine) }
          : {
              startDate: application.startDate,
              endDate: application.endDate,
              options: {
                source: request.approvedOptions === null ? "current" : "approval",
                values: request.approvedOptions ?? current?.options ?? null,
              } as const,
              lines: (() => {
                // the plugin configured above when it is the approval's, else configured now;
                // with today's options chosen, approval options that no longer validate leave
                // the lines before unknown rather than stop the recalculation
                const approvedWith = (() => {
                  if (request.approvedOptions === null) return current;
                  if (!on.useCurrent) return on.plugin;
                  try {
                    return on.configure(request.approvedOptions);
                  } catch {
                    return undefined;
                  }
                })();
                return approvedWith
                  ? linesOf(evaluateInBoth(approvedWith, application.situation))
                  : [];
              })(),
            };
        const budget = await lockBudget(tx, request.scheme, application.academicYear);
        const planned = planRecalculation(
          {
            requestId: request.id,
            scheme: request.scheme,
            schemeName: on.plugin.name,
            approvedCents: request.approvedCents as number,
            previous,
            paidCents: await paidSoFar(tx, request.id),
            budgetRemainingCents: budget.envelopeCents - budget.committedCents,
          },
          {
            startDate: on.dates.actualStart,
            endDate: on.dates.actualEnd,
            approvedCents: on.newCents,
            options: {
              source: on.useCurrent ? "current" : "approval",
              values: on.plugin.options,
            },
            lines: linesOf(on.evaluated),
          },
        );
        if (Result.isFailure(planned)) throw planned.failure;
        return { plan: planned.success, budget, teachingHours: on.teachingHours };
      };

      /** What a grant's scheme says of the stay on some dates, for a stale-grant review. */
      const verdictOn = (
        request: {
          readonly id: string;
          readonly scheme: string;
          readonly approvedOptions: unknown;
        },
        situation: Situation,
        dates: { readonly startDate: string; readonly endDate: string },
      ): VerdictOnDates => {
        const configured = (() => {
          if (request.approvedOptions === null) return schemes.registry.byId.get(request.scheme);
          try {
            return schemes.configureWith(request.scheme, request.approvedOptions);
          } catch {
            // options no longer valid: today's, as a staff recalculation would offer
            return schemes.registry.byId.get(request.scheme);
          }
        })();
        const none = { ...dates, verdict: "ineligible", estimateCents: null } as const;
        if (!configured) return none;
        try {
          const result = evaluateAlone(
            configured,
            onDates(situation, dates.startDate, dates.endDate),
            "fr",
          );
          return {
            ...dates,
            verdict: result.verdict,
            estimateCents: result.estimate?.totalCents ?? null,
          };
        } catch (e) {
          if (e instanceof UnknownPartner) return none;
          throw e;
        }
      };

      /** Closes a grant's pending review of a kind: what the office (or a later move) did with it. */
      const closeReview = async (
        tx: Tx,
        requestId: string,
        kind: GrantReviewKind,
        state: Exclude<GrantReviewState, "pending">,
        decided: { readonly at: Date; readonly actor: Actor; readonly reason?: string },
      ) =>
        tx
          .update(grantReviews)
          .set({
            state,
            decidedAt: decided.at,
            decidedBy: reviewerOf(decided.actor),
            reason: decided.reason ?? null,
          })
          .where(
            and(
              eq(grantReviews.requestId, requestId),
              eq(grantReviews.kind, kind),
              eq(grantReviews.state, "pending"),
            ),
          )
          .returning();

      /**
       * The stay's actual dates moved: every other running grant of the application is weighed on
       * the new dates against the dates before, and flagged for the office when its verdict or
       * amount changes. None is changed (issue #12, item 6).
       */
      const flagOtherGrants = async (
        tx: Tx,
        locked: Locked,
        dates: { readonly before: StayDates; readonly after: StayDates },
        hoursAfter: number | null,
        at: Date,
        actor: Actor,
      ) => {
        const { request, application } = locked;
        if (
          dates.before.startDate === dates.after.startDate &&
          dates.before.endDate === dates.after.endDate &&
          hoursAfter === application.actualTeachingHours
        )
          return;
        const others = await tx
          .select()
          .from(schemeRequests)
          .where(
            and(
              eq(schemeRequests.applicationId, application.id),
              ne(schemeRequests.id, request.id),
              inArray(schemeRequests.state, [...RECALCULABLE_STATES]),
            ),
          );
        for (const other of others) {
          if (other.approvedCents === null) continue;
          const stale = staleGrantOf(
            {
              schemeName: schemes.registry.byId.get(other.scheme)?.name ?? {
                fr: other.scheme,
                en: other.scheme,
              },
              approvedCents: other.approvedCents,
            },
            verdictOn(other, asRecorded(application), dates.before),
            verdictOn(other, asRecorded(application, hoursAfter), dates.after),
          );
          if (!stale) continue;
          await closeReview(tx, other.id, "stale-grant", "superseded", { at, actor });
          await tx.insert(grantReviews).values({
            id: randomUUID(),
            requestId: other.id,
            applicationId: application.id,
            kind: "stale-grant",
            state: "pending",
            actualStart: dates.after.startDate,
            actualEnd: dates.after.endDate,
            beforeCents: other.approvedCents,
            afterCents: stale.afterCents,
            afterVerdict: stale.afterVerdict,
            explanation: stale.explanation,
            raisedBy: reviewerOf(actor),
            createdAt: at,
          });
        }
      };

      /** Applies a planned recalculation: the grant, the stay's dates, the money, the reviews. */
      const applyRecalculation = async (
        tx: Tx,
        locked: Locked,
        planned: Awaited<ReturnType<typeof planOn>>,
        at: Date,
        actor: Actor,
        statement: "confirmed" | "superseded" = "superseded",
      ): Promise<Recalculation> => {
        const { request, application, student } = locked;
        const { plan, budget } = planned;
        const updated = (
          await tx
            .update(schemeRequests)
            .set({
              approvedCents: plan.approvedCents,
              updatedAt: at,
              version: request.version + 1,
            })
            .where(eq(schemeRequests.id, request.id))
            .returning()
        )[0] as typeof schemeRequests.$inferSelect;
        await tx
          .update(applications)
          .set({
            actualStartDate: plan.actual.startDate,
            actualEndDate: plan.actual.endDate,
            actualTeachingHours: planned.teachingHours,
            updatedAt: at,
          })
          .where(eq(applications.id, application.id));
        await applyMovePlan(tx, plan, {
          at,
          actor,
          requestId: request.id,
          applicationId: application.id,
          budgetId: budget.id,
          student,
          payload: { differenceCents: plan.differenceCents },
        });
        // the grant is recomputed: what the office was asked about it is answered
        await closeReview(tx, request.id, "stale-grant", "recalculated", { at, actor });
        await closeReview(tx, request.id, "partner-statement", statement, { at, actor });
        await flagOtherGrants(
          tx,
          locked,
          {
            before: {
              startDate: application.actualStartDate ?? application.startDate,
              endDate: application.actualEndDate ?? application.endDate,
            },
            after: plan.actual,
          },
          planned.teachingHours,
          at,
          actor,
        );
        return {
          request: requestView(updated),
          previousCents: plan.previousCents,
          approvedCents: plan.approvedCents,
          differenceCents: plan.differenceCents,
          remaining: plan.remaining,
          explanation: plan.ledger[0]?.explanation ?? [],
        } satisfies Recalculation;
      };

      const recalculate = Effect.fn("Grants.recalculate")(function* (
        requestId: string,
        dates: ActualDates,
        actor: Actor,
      ) {
        const at = yield* DateTime.nowAsDate;
        return yield* transact(
          db,
          async (tx) => {
            const locked = await lockForRecalculation(tx, requestId, actor);
            const planned = await planOn(tx, locked, evaluateOn(locked, dates, actor));
            return applyRecalculation(tx, locked, planned, at, actor);
          },
          isRecalculationError,
        );
      });

      const pendingReview = async (tx: Tx, requestId: string, kind: GrantReviewKind) =>
        (
          await tx
            .select()
            .from(grantReviews)
            .where(
              and(
                eq(grantReviews.requestId, requestId),
                eq(grantReviews.kind, kind),
                eq(grantReviews.state, "pending"),
              ),
            )
        )[0];

      /** The office's rejection of a host's statement of exactly these dates, if it made one. */
      const rejectedStatement = async (
        tx: Tx,
        requestId: string,
        dates: { readonly actualStart: string; readonly actualEnd: string },
      ) =>
        (
          await tx
            .select()
            .from(grantReviews)
            .where(
              and(
                eq(grantReviews.requestId, requestId),
                eq(grantReviews.kind, "partner-statement"),
                eq(grantReviews.state, "rejected"),
                eq(grantReviews.actualStart, dates.actualStart),
                eq(grantReviews.actualEnd, dates.actualEnd),
              ),
            )
            .orderBy(desc(grantReviews.createdAt))
            .limit(1)
        )[0];

      /** Whether the office approved the grant by override (ADR 010): its amount is the office's. */
      const approvedWithOverride = async (tx: Tx, requestId: string) =>
        (
          await tx
            .select({ id: auditEvents.id })
            .from(auditEvents)
            .where(
              and(
                eq(auditEvents.entityType, "scheme_request"),
                eq(auditEvents.entityId, requestId),
                inArray(auditEvents.action, ["approve", "promote"]),
                sql`${auditEvents.after} -> 'override' is not null`,
              ),
            )
            .limit(1)
        ).length > 0;

      const stateDates = Effect.fn("Grants.stateDates")(function* (
        requestId: string,
        dates: { readonly actualStart: string; readonly actualEnd: string },
        actor: Extract<Actor, { readonly kind: "partner" }>,
      ) {
        const at = yield* DateTime.nowAsDate;
        return yield* transact(
          db,
          async (tx): Promise<StatementOutcome> => {
            // under the request's lock: statements sent at once are weighed one after the other
            const locked = await lockForRecalculation(tx, requestId, actor);
            const same = (d: { readonly startDate: string; readonly endDate: string }) =>
              d.startDate === dates.actualStart && d.endDate === dates.actualEnd;
            // the same dates again change nothing: PUT is idempotent, one ledger line per change
            const last = await lastRecalculation(tx, requestId);
            if (last && same(last)) return { kind: "unchanged" };
            const pending = await pendingReview(tx, requestId, "partner-statement");
            if (pending && same({ startDate: pending.actualStart, endDate: pending.actualEnd }))
              return {
                kind: "awaiting-office",
                review: reviewView(pending, locked.request.scheme),
              };
            // dates the office already rejected stay rejected: only other dates are weighed again
            const rejected = await rejectedStatement(tx, requestId, dates);
            if (rejected)
              return {
                kind: "already-rejected",
                review: reviewView(rejected, locked.request.scheme),
              };

            const on = evaluateOn(locked, dates, actor);
            const beforeCents = locked.request.approvedCents as number;
            const hold: StatementHold | undefined =
              on.newCents > beforeCents
                ? "rise"
                : on.newCents === beforeCents
                  ? undefined
                  : (await approvedWithOverride(tx, requestId))
                    ? "override"
                    : (await paidSoFar(tx, requestId)) > 0
                      ? "paid"
                      : undefined;
            if (hold === undefined)
              return {
                kind: "applied",
                recalculation: await applyRecalculation(
                  tx,
                  locked,
                  await planOn(tx, locked, on),
                  at,
                  actor,
                ),
              };

            // a rise, or a change to an overridden or paid grant, waits for the office: stored,
            // no money moves (issue #12, item 5; ADR 012)
            await closeReview(tx, requestId, "partner-statement", "superseded", { at, actor });
            const stay = { startDate: dates.actualStart, endDate: dates.actualEnd };
            const row = (
              await tx
                .insert(grantReviews)
                .values({
                  id: randomUUID(),
                  requestId,
                  applicationId: locked.application.id,
                  kind: "partner-statement",
                  state: "pending",
                  actualStart: dates.actualStart,
                  actualEnd: dates.actualEnd,
                  beforeCents,
                  afterCents: on.newCents,
                  afterVerdict: "eligible",
                  explanation: statementAwaitingOffice({
                    ...stay,
                    schemeName: on.plugin.name,
                    beforeCents,
                    afterCents: on.newCents,
                    hold,
                  }),
                  raisedBy: reviewerOf(actor),
                  createdAt: at,
                })
                .returning()
            )[0] as GrantReviewRow;
            await recordAudit(tx, {
              at,
              actor,
              action: "statement-awaiting-office",
              entityType: "scheme_request",
              entityId: requestId,
              before: { approvedCents: beforeCents },
              after: { ...stay, approvedCents: on.newCents },
              reason: null,
            });
            return { kind: "awaiting-office", review: reviewView(row, locked.request.scheme) };
          },
          isRecalculationError,
        );
      });

      const confirmStatement = Effect.fn("Grants.confirmStatement")(function* (
        requestId: string,
        actor: Extract<Actor, { readonly kind: "staff" }>,
      ) {
        const at = yield* DateTime.nowAsDate;
        return yield* transact(
          db,
          async (tx) => {
            const locked = await lockForRecalculation(tx, requestId, actor);
            const pending = await pendingReview(tx, requestId, "partner-statement");
            if (!pending) throw new NoPendingReview({ requestId, kind: "partner-statement" });
            const dates = { actualStart: pending.actualStart, actualEnd: pending.actualEnd };
            const planned = await planOn(tx, locked, evaluateOn(locked, dates, actor));
            await recordAudit(tx, {
              at,
              actor,
              action: "confirm-statement",
              entityType: "scheme_request",
              entityId: requestId,
              before: { approvedCents: pending.beforeCents },
              after: {
                startDate: pending.actualStart,
                endDate: pending.actualEnd,
                approvedCents: planned.plan.approvedCents,
                statedBy: pending.raisedBy,
              },
              reason: null,
            });
            return applyRecalculation(tx, locked, planned, at, actor, "confirmed");
          },
          (e): e is RecalculationError | NoPendingReview =>
            isRecalculationError(e) || e instanceof NoPendingReview,
        );
      });

      const setAside = Effect.fn("Grants.setAside")(function* (
        requestId: string,
        kind: GrantReviewKind,
        reason: string,
        actor: Extract<Actor, { readonly kind: "staff" }>,
      ) {
        const at = yield* DateTime.nowAsDate;
        return yield* transact(
          db,
          async (tx) => {
            const { request } = await lockRequest(tx, requestId);
            const [closed] = await closeReview(
              tx,
              requestId,
              kind,
              kind === "partner-statement" ? "rejected" : "dismissed",
              { at, actor, reason },
            );
            if (!closed) throw new NoPendingReview({ requestId, kind });
            await recordAudit(tx, {
              at,
              actor,
              action: kind === "partner-statement" ? "reject-statement" : "dismiss-flag",
              entityType: "scheme_request",
              entityId: requestId,
              before: {
                startDate: closed.actualStart,
                endDate: closed.actualEnd,
                approvedCents: closed.beforeCents,
              },
              after: { approvedCents: closed.beforeCents, proposedCents: closed.afterCents },
              reason,
            });
            return reviewView(closed, request.scheme);
          },
          tagged<RequestNotFound | NoPendingReview>("RequestNotFound", "NoPendingReview"),
        );
      });

      const reviewsOf = Effect.fn("Grants.reviewsOf")(function* (applicationId: string) {
        const rows = yield* Effect.promise(() =>
          db
            .select({ review: grantReviews, scheme: schemeRequests.scheme })
            .from(grantReviews)
            .innerJoin(schemeRequests, eq(schemeRequests.id, grantReviews.requestId))
            .where(eq(grantReviews.applicationId, applicationId))
            .orderBy(desc(grantReviews.createdAt), desc(grantReviews.id)),
        );
        return rows.map((r) => reviewView(r.review, r.scheme));
      });

      const promoteWaitlisted = Effect.fn("Grants.promoteWaitlisted")(function* (
        scheme: string,
        academicYear: string,
        actor: PromotingActor,
      ) {
        const waiting = yield* Effect.promise(() =>
          db
            .select({ id: schemeRequests.id, updatedAt: schemeRequests.updatedAt })
            .from(schemeRequests)
            .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
            .where(
              and(
                eq(schemeRequests.scheme, scheme),
                eq(schemeRequests.state, "waitlisted"),
                eq(applications.academicYear, academicYear),
              ),
            ),
        );
        if (waiting.length === 0) return [];
        // when a request was waitlisted is the audit trail's to say; the row's updatedAt only
        // stands in for a request waitlisted without one
        const events = yield* Effect.promise(() =>
          db
            .select({ id: auditEvents.id, entityId: auditEvents.entityId })
            .from(auditEvents)
            .where(
              and(
                eq(auditEvents.entityType, "scheme_request"),
                eq(auditEvents.action, "waitlist"),
                inArray(
                  auditEvents.entityId,
                  waiting.map((w) => w.id),
                ),
              ),
            ),
        );
        const waitlistedBy = new Map<string, number>();
        for (const e of events)
          waitlistedBy.set(e.entityId, Math.max(e.id, waitlistedBy.get(e.entityId) ?? 0));
        const queue = [...waiting].sort((a, b) => {
          const [ea, eb] = [waitlistedBy.get(a.id), waitlistedBy.get(b.id)];
          if (ea !== undefined && eb !== undefined) return ea - eb;
          if (ea !== undefined) return -1;
          if (eb !== undefined) return 1;
          return a.updatedAt.getTime() - b.updatedAt.getTime() || a.id.localeCompare(b.id);
        });
        const promoted: string[] = [];
        for (const { id } of queue) {
          const outcome = yield* Effect.result(
            applicationsRepo.decide(id, { action: "promote" }, actor),
          );
          if (Result.isSuccess(outcome)) {
            promoted.push(id);
            continue;
          }
          const error = outcome.failure;
          // the first that does not fit keeps its place: none behind it jumps the queue
          if (error._tag === "BudgetExceeded") break;
          if (error._tag === "BudgetNotFound") return yield* error;
          // promoted or withdrawn meanwhile, or without an estimate to commit: staff decide it
        }
        return promoted;
      });

      const ledgerFor = Effect.fn("Grants.ledgerFor")(function* (requestId: string) {
        const [request, rows] = yield* Effect.promise(() =>
          Promise.all([
            db
              .select({ id: schemeRequests.id })
              .from(schemeRequests)
              .where(eq(schemeRequests.id, requestId)),
            db
              .select()
              .from(ledgerEntries)
              .where(eq(ledgerEntries.requestId, requestId))
              .orderBy(asc(ledgerEntries.id)),
          ]),
        );
        if (request.length === 0) return yield* new RequestNotFound({ id: requestId });
        return rows.map(
          (e): LedgerEntryView => ({
            id: e.id,
            kind: e.kind,
            amountCents: e.amountCents,
            instalment: e.instalment,
            explanation: e.explanation,
            at: e.at.toISOString(),
          }),
        );
      });

      const paymentsDue = Effect.fn("Grants.paymentsDue")(function* (requestId: string) {
        const [request] = yield* Effect.promise(() =>
          db
            .select({
              scheme: schemeRequests.scheme,
              state: schemeRequests.state,
              approvedCents: schemeRequests.approvedCents,
            })
            .from(schemeRequests)
            .where(eq(schemeRequests.id, requestId)),
        );
        if (!request) return yield* new RequestNotFound({ id: requestId });
        const paidCents = yield* Effect.promise(() => paidSoFar(db, requestId));
        const { approvedCents } = request;
        return {
          paidCents,
          advanceCents:
            approvedCents === null
              ? 0
              : defaultAdvanceCents(approvedCents, schemes.advancePercent(request.scheme)),
          remaining:
            approvedCents === null
              ? null
              : remainingOfRequest({ state: request.state, approvedCents, paidCents }),
        } satisfies PaymentsDue;
      });

      return Grants.of({
        recalculate,
        stateDates,
        confirmStatement,
        setAside,
        reviewsOf,
        promoteWaitlisted,
        paymentsDue,
        ledgerFor,
      });
    }),
  );
}
