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
  type Remaining,
  recalculationImpossibleBecause,
  recalculationRefusal,
  remainingOf,
  type SchemeResult,
  type Situation,
  type StoredLedgerLine,
  storedEstimateLine,
  type Text,
  UnknownPartner,
  type WrittenLedgerLine,
} from "@envol/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { Context, DateTime, Effect, Layer, Result } from "effect";
import { Applications } from "./applications.ts";
import { applyMovePlan } from "./apply-move-plan.ts";
import { Database } from "./database.ts";
import { type BudgetNotFound, RecalculationImpossible, RequestNotFound } from "./errors.ts";
import { lockBudget, lockRequest, paidSoFar } from "./request-lock.ts";
import { applications, auditEvents, ledgerEntries, schemeRequests } from "./schema/index.ts";
import { Schemes } from "./schemes.ts";
import { tagged, transact } from "./transact.ts";
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
      const registry = schemes.registry;

      /** One scheme evaluated alone: its standalone amount, not its share of a plan. */
      const evaluateAlone = (
        plugin: ConfiguredPlugin,
        situation: Situation,
        lang: Lang,
      ): SchemeResult => {
        const one = createRegistry({
          institution: registry.institution,
          plugins: [plugin],
          partners: registry.partners,
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

      const recalculate = Effect.fn("Grants.recalculate")(function* (
        requestId: string,
        dates: ActualDates,
        actor: Actor,
      ) {
        const at = yield* DateTime.nowAsDate;
        return yield* transact(
          db,
          async (tx) => {
            const impossible = (why: Text) => new RecalculationImpossible({ requestId, why });
            // the same lock order as Applications.decide: the request, then the envelope
            const { request, application, student } = await lockRequest(tx, requestId);
            // a partner confirms the dates of its own students only; another's is not found
            if (actor.kind === "partner" && application.hostPartnerId !== actor.partnerId)
              throw new RequestNotFound({ id: requestId });
            const refusal = recalculationRefusal(request, dates, actor);
            if (refusal) throw impossible(refusal);
            const { actualStart, actualEnd } = dates;

            const current = registry.byId.get(request.scheme);
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
            const useCurrent = dates.useCurrentOptions === true || request.approvedOptions === null;
            const plugin = useCurrent ? current : configure(request.approvedOptions);
            if (!plugin)
              throw impossible(recalculationImpossibleBecause.schemeWithdrawn(request.scheme));

            const situation = application.situation;
            const actual: Situation = {
              ...situation,
              mobility: { ...situation.mobility, start: actualStart, end: actualEnd },
            };
            const evaluated = (() => {
              // the catalogue may have lost the host since: a typed domain error, not a crash
              try {
                return evaluateInBoth(plugin, actual);
              } catch (e) {
                if (e instanceof UnknownPartner)
                  throw impossible(recalculationImpossibleBecause.partnerWithdrawn(e.partner));
                throw e;
              }
            })();
            if (evaluated.fr.verdict !== "eligible" || !evaluated.fr.estimate)
              throw impossible(recalculationImpossibleBecause.noAmount(evaluated.fr, evaluated.en));

            // what the grant was: the last recalculation's lines, or the approval's estimate
            const last = (
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
                    // the plugin configured above when it is the approval's, else configured now
                    const approvedWith =
                      request.approvedOptions === null
                        ? current
                        : useCurrent
                          ? configure(request.approvedOptions)
                          : plugin;
                    return approvedWith ? linesOf(evaluateInBoth(approvedWith, situation)) : [];
                  })(),
                };

            const budget = await lockBudget(tx, request.scheme, application.academicYear);
            const planned = planRecalculation(
              {
                requestId,
                scheme: request.scheme,
                schemeName: plugin.name,
                approvedCents: request.approvedCents as number,
                previous,
                paidCents: await paidSoFar(tx, requestId),
                budgetRemainingCents: budget.envelopeCents - budget.committedCents,
              },
              {
                startDate: actualStart,
                endDate: actualEnd,
                approvedCents: evaluated.fr.estimate.totalCents,
                options: { source: useCurrent ? "current" : "approval", values: plugin.options },
                lines: linesOf(evaluated),
              },
            );
            if (Result.isFailure(planned)) throw planned.failure;
            const plan = planned.success;

            const updated = (
              await tx
                .update(schemeRequests)
                .set({
                  approvedCents: plan.approvedCents,
                  updatedAt: at,
                  version: request.version + 1,
                })
                .where(eq(schemeRequests.id, requestId))
                .returning()
            )[0] as typeof schemeRequests.$inferSelect;
            await tx
              .update(applications)
              .set({
                actualStartDate: plan.actual.startDate,
                actualEndDate: plan.actual.endDate,
                updatedAt: at,
              })
              .where(eq(applications.id, application.id));
            await applyMovePlan(tx, plan, {
              at,
              actor,
              requestId,
              applicationId: application.id,
              budgetId: budget.id,
              student,
              payload: { differenceCents: plan.differenceCents },
            });
            return {
              request: requestView(updated),
              previousCents: plan.previousCents,
              approvedCents: plan.approvedCents,
              differenceCents: plan.differenceCents,
              remaining: plan.remaining,
              explanation: plan.ledger[0]?.explanation ?? [],
            } satisfies Recalculation;
          },
          isRecalculationError,
        );
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
            .select({ scheme: schemeRequests.scheme, approvedCents: schemeRequests.approvedCents })
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
          remaining: approvedCents === null ? null : remainingOf({ approvedCents, paidCents }),
        } satisfies PaymentsDue;
      });

      return Grants.of({ recalculate, promoteWaitlisted, paymentsDue, ledgerFor });
    }),
  );
}
