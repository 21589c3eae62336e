import { randomUUID } from "node:crypto";
import {
  type Actor,
  academicYearOf,
  type Decision,
  type DecisionState,
  evaluate,
  isApplicant,
  isPartnerHost,
  type LifecycleError,
  type OtherGrant,
  type OverrideRequired,
  type PaymentChanged,
  participantOf,
  planDecision,
  resolveHost,
  type Situation,
  type Text,
  UnknownPartner,
} from "@envol/domain";
import { and, desc, eq, inArray, ne } from "drizzle-orm";
import { Context, DateTime, Effect, Layer, Result } from "effect";
import { applyMovePlan } from "./apply-move-plan.ts";
import { recordAudit } from "./audit-log.ts";
import { Database } from "./database.ts";
import {
  ApplicationNotEditable,
  ApplicationNotFound,
  BudgetNotFound,
  OverlappingRequest,
  type RequestNotFound,
  UnknownScheme,
} from "./errors.ts";
import {
  type OverlappingRequestRow,
  overlappingRequests,
  STANDING_STATES,
} from "./overlapping-requests.ts";
import { lockBudget, lockRequest, lockStudent, paidSoFar } from "./request-lock.ts";
import {
  type QueueCursor,
  type QueueFilter,
  type QueueRow,
  queueBatch,
  queuePage,
} from "./request-queue.ts";
import { applications, auditEvents, schemeRequests } from "./schema/index.ts";
import { Schemes } from "./schemes.ts";
import { type Tx, tagged, transact } from "./transact.ts";
import { verdictToday } from "./verdict-today.ts";
import { type ApplicationView, applicationView, type RequestView, requestView } from "./views.ts";

/** What a decision says: the domain's (`planDecision`), the request's money added by `decide`. */
export type { Decision } from "@envol/domain";
export type { QueueCursor, QueueFilter, QueueRow } from "./request-queue.ts";

export type DecisionError =
  | LifecycleError
  | OverrideRequired
  | PaymentChanged
  | RequestNotFound
  | BudgetNotFound
  | OverlappingRequest;

/** What a host partner says of a mobility: the EWP `pending` / `verified` / `rejected`. */
export interface HostDecision {
  readonly decision: "pending" | "verified" | "rejected";
  readonly actualArrivalDate?: string;
  readonly actualDepartureDate?: string;
  readonly comment?: string;
}

const isDecisionError = tagged<DecisionError>(
  "TransitionNotAllowed",
  "NotYourRequest",
  "OwnRequest",
  "BudgetExceeded",
  "ActionInputInvalid",
  "OverrideRequired",
  "PaymentChanged",
  "RequestNotFound",
  "BudgetNotFound",
  "OverlappingRequest",
);

/**
 * Refuses to submit a request when the student's request for the same scheme on another
 * application with an overlapping stay still stands (submitted up to completed): the same stay
 * is never funded twice. The student's lock makes two such submissions run one after the other.
 *
 * @throws OverlappingRequest
 */
const refuseDoubleRequest = async (
  tx: Tx,
  request: typeof schemeRequests.$inferSelect,
  application: typeof applications.$inferSelect,
  schemeName: Text,
) => {
  await lockStudent(tx, application.studentId);
  const other = (
    await overlappingRequests(tx, {
      studentId: application.studentId,
      applicationId: application.id,
      start: application.startDate,
      end: application.endDate,
      scheme: request.scheme,
      states: STANDING_STATES,
    })
  )[0];
  if (other)
    throw new OverlappingRequest({
      requestId: request.id,
      scheme: request.scheme,
      schemeName,
      otherApplicationId: other.applicationId,
      otherStartDate: other.startDate,
      otherEndDate: other.endDate,
      otherState: other.state,
    });
};

const now = DateTime.nowAsDate;

/** What a decision's message to the student adds or leaves out (see `applyMovePlan`). */
export interface DecisionMessage {
  /** A paragraph added to the message, in the student's language. */
  readonly note?: Readonly<Record<"fr" | "en", string>>;
  /** `false`: the move is recorded and audited, no message is written (a step of a larger move). */
  readonly notify?: boolean;
}

/** Applications, their scheme requests and every decision on them (ARCHITECTURE §2.6, §3). */
export class Applications extends Context.Service<
  Applications,
  {
    /** Files an application from a simulation: one draft request per scheme, the situation as submitted. */
    readonly create: (input: {
      readonly studentId: string;
      readonly situation: Situation;
      readonly schemes: readonly string[];
    }) => Effect.Effect<ApplicationView, UnknownScheme | UnknownPartner>;
    readonly get: (id: string) => Effect.Effect<ApplicationView, ApplicationNotFound>;
    readonly listForStudent: (studentId: string) => Effect.Effect<readonly ApplicationView[]>;
    /**
     * The requests, in any state, of the student's other applications whose planned stay shares
     * a day with this one's: what the office checks before funding the same stay twice.
     */
    readonly overlapping: (
      id: string,
    ) => Effect.Effect<readonly OverlappingRequestRow[], ApplicationNotFound>;
    /** Replaces the situation of an application whose requests are all drafts; the student's own only. */
    readonly updateDraft: (
      id: string,
      situation: Situation,
      actor: Actor,
    ) => Effect.Effect<
      ApplicationView,
      ApplicationNotFound | ApplicationNotEditable | UnknownPartner
    >;
    /** Moves a request through its lifecycle, with its money, audit event and notification, in one transaction. */
    readonly decide: (
      requestId: string,
      decision: Decision,
      actor: Actor,
    ) => Effect.Effect<RequestView, DecisionError>;
    /**
     * `decide` inside a transaction the caller holds, at the caller's instant: an allocation's
     * apply approves and waitlists its requests in one transaction, with the same money, audit
     * events and messages as a decision by hand. Rejects with the decision's tagged errors.
     */
    readonly decideIn: (
      tx: Tx,
      requestId: string,
      decision: Decision,
      actor: Actor,
      at: Date,
      message?: DecisionMessage,
    ) => Promise<RequestView>;
    /**
     * Keeps what the host partner said of the mobility (EWP Incoming Mobilities: its decision,
     * the actual dates it gave, its comment) in the application's history, as `host-decision`.
     * The same statement again, as a repeated PUT sends it, is kept once.
     */
    readonly recordHostDecision: (
      applicationId: string,
      statement: HostDecision,
      actor: Actor,
    ) => Effect.Effect<void>;
    /** The staff queue: filtered, sorted, paginated. */
    readonly queue: (filter: QueueFilter) => Effect.Effect<{
      readonly rows: readonly QueueRow[];
      /** At most `QUEUE_COUNT_LIMIT`. */
      readonly total: number;
      /** More than `total` requests match. */
      readonly more: boolean;
    }>;
    /** The queue's next `size` rows after `cursor`, for an export read batch by batch. */
    readonly queueAfter: (
      filter: Omit<QueueFilter, "limit" | "offset">,
      cursor: QueueCursor | null,
      size: number,
    ) => Effect.Effect<{ readonly rows: readonly QueueRow[]; readonly next: QueueCursor | null }>;
  }
>()("@envol/db/Applications") {
  static readonly layer = Layer.effect(
    Applications,
    Effect.gen(function* () {
      const { db } = yield* Database;
      const schemes = yield* Schemes;

      const estimatesFor = (situation: Situation) => {
        const report = evaluate(situation, schemes.registry, {
          asOf: situation.asOf ?? situation.mobility.start,
          lang: "fr",
        });
        return new Map(report.schemes.map((s) => [s.scheme, s.estimate?.totalCents ?? null]));
      };

      /** The student's other requests, with their stays' planned dates. */
      const otherGrantsOf = async (
        tx: Tx,
        studentId: string,
        requestId: string,
      ): Promise<OtherGrant[]> => {
        const rows = await tx
          .select({
            requestId: schemeRequests.id,
            scheme: schemeRequests.scheme,
            state: schemeRequests.state,
            start: applications.startDate,
            end: applications.endDate,
          })
          .from(schemeRequests)
          .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
          .where(and(eq(applications.studentId, studentId), ne(schemeRequests.id, requestId)));
        return rows.map((r) => ({
          ...r,
          schemeName: schemes.registry.byId.get(r.scheme)?.name ?? { fr: r.scheme, en: r.scheme },
        }));
      };

      const load = async (tx: Tx, id: string) => {
        const a = (await tx.select().from(applications).where(eq(applications.id, id)))[0];
        if (!a) return undefined;
        const rs = await tx
          .select()
          .from(schemeRequests)
          .where(eq(schemeRequests.applicationId, id));
        return applicationView(a, rs);
      };

      const create = Effect.fn("Applications.create")(function* (input: {
        readonly studentId: string;
        readonly situation: Situation;
        readonly schemes: readonly string[];
      }) {
        for (const scheme of input.schemes) {
          if (!schemes.registry.byId.has(scheme)) return yield* new UnknownScheme({ scheme });
        }
        const partner = isPartnerHost(input.situation.mobility.host)
          ? input.situation.mobility.host.partner
          : undefined;
        if (partner !== undefined && !schemes.registry.partners(partner))
          return yield* new UnknownPartner({ partner });
        const at = yield* now;
        const estimates = estimatesFor(input.situation);
        const host = resolveHost(input.situation, schemes.registry.partners);
        const id = randomUUID();
        return yield* Effect.promise(() =>
          db.transaction(async (tx) => {
            await tx.insert(applications).values({
              id,
              studentId: input.studentId,
              situation: input.situation,
              academicYear: academicYearOf(input.situation.mobility.start),
              hostPartnerId: isPartnerHost(input.situation.mobility.host)
                ? input.situation.mobility.host.partner
                : null,
              destinationCountry: host.country,
              startDate: input.situation.mobility.start,
              endDate: input.situation.mobility.end,
              createdAt: at,
              updatedAt: at,
            });
            for (const scheme of new Set(input.schemes)) {
              await tx.insert(schemeRequests).values({
                id: randomUUID(),
                applicationId: id,
                scheme,
                state: "draft",
                estimatedCents: estimates.get(scheme) ?? null,
                updatedAt: at,
              });
            }
            await recordAudit(tx, {
              at,
              // the applicant acts as the participant their situation says (the API refuses a
              // situation that is not the account's: a student's for a personnel account…)
              actor: { kind: participantOf(input.situation), userId: input.studentId },
              action: "create-application",
              entityType: "application",
              entityId: id,
              after: { schemes: [...new Set(input.schemes)] },
            });
            return (await load(tx, id)) as ApplicationView;
          }),
        );
      });

      const get = Effect.fn("Applications.get")(function* (id: string) {
        const view = yield* Effect.promise(() => load(db as unknown as Tx, id));
        if (!view) return yield* new ApplicationNotFound({ id });
        return view;
      });

      const listForStudent = Effect.fn("Applications.listForStudent")(function* (
        studentId: string,
      ) {
        const rows = yield* Effect.promise(() =>
          db
            .select()
            .from(applications)
            .where(eq(applications.studentId, studentId))
            .orderBy(desc(applications.createdAt)),
        );
        if (rows.length === 0) return [];
        const rs = yield* Effect.promise(() =>
          db
            .select()
            .from(schemeRequests)
            .where(
              inArray(
                schemeRequests.applicationId,
                rows.map((r) => r.id),
              ),
            ),
        );
        return rows.map((a) =>
          applicationView(
            a,
            rs.filter((r) => r.applicationId === a.id),
          ),
        );
      });

      const overlapping = Effect.fn("Applications.overlapping")(function* (id: string) {
        const a = yield* get(id);
        return yield* Effect.promise(() =>
          overlappingRequests(db as unknown as Tx, {
            studentId: a.studentId,
            applicationId: a.id,
            start: a.startDate,
            end: a.endDate,
          }),
        );
      });

      const updateDraft = Effect.fn("Applications.updateDraft")(function* (
        id: string,
        situation: Situation,
        actor: Actor,
      ) {
        const partner = isPartnerHost(situation.mobility.host)
          ? situation.mobility.host.partner
          : undefined;
        if (partner !== undefined && !schemes.registry.partners(partner))
          return yield* new UnknownPartner({ partner });
        const at = yield* now;
        const estimates = estimatesFor(situation);
        const host = resolveHost(situation, schemes.registry.partners);
        return yield* transact(
          db,
          async (tx) => {
            const a = (
              await tx.select().from(applications).where(eq(applications.id, id)).for("update")
            )[0];
            // another student's application is not found, as one that does not exist
            if (!a || (isApplicant(actor) && a.studentId !== actor.userId))
              throw new ApplicationNotFound({ id });
            const rs = await tx
              .select()
              .from(schemeRequests)
              .where(eq(schemeRequests.applicationId, id));
            if (rs.some((r) => r.state !== "draft"))
              throw new ApplicationNotEditable({ id, states: rs.map((r) => r.state) });
            await tx
              .update(applications)
              .set({
                situation,
                academicYear: academicYearOf(situation.mobility.start),
                hostPartnerId: isPartnerHost(situation.mobility.host)
                  ? situation.mobility.host.partner
                  : null,
                destinationCountry: host.country,
                startDate: situation.mobility.start,
                endDate: situation.mobility.end,
                updatedAt: at,
              })
              .where(eq(applications.id, id));
            for (const r of rs) {
              await tx
                .update(schemeRequests)
                .set({
                  estimatedCents: estimates.get(r.scheme) ?? null,
                  updatedAt: at,
                  version: r.version + 1,
                })
                .where(eq(schemeRequests.id, r.id));
            }
            await recordAudit(tx, {
              at,
              actor,
              action: "update-draft",
              entityType: "application",
              entityId: id,
              before: { situation: a.situation },
              after: { situation },
            });
            return (await load(tx, id)) as ApplicationView;
          },
          tagged<ApplicationNotFound | ApplicationNotEditable>(
            "ApplicationNotFound",
            "ApplicationNotEditable",
          ),
        );
      });

      /**
       * A decision inside a transaction the caller holds (`decide`'s, or an allocation's apply):
       * the request's lock, the student's and the envelope's, its money, audit event and message.
       * A tagged error thrown rolls the caller's transaction back.
       */
      const decideIn = async (
        tx: Tx,
        requestId: string,
        decision: Decision,
        actor: Actor,
        at: Date,
        message: DecisionMessage = {},
      ): Promise<RequestView> => {
        const { request, application, student } = await lockRequest(tx, requestId);
        const approving = decision.action === "approve" || decision.action === "promote";
        // two approvals of one student's requests wait for each other, each seeing what the
        // other granted: the student's row is locked after the request's, before the envelope
        if (approving) await lockStudent(tx, application.studentId);
        const paidCents = await paidSoFar(tx, requestId);
        const otherGrants = approving
          ? await otherGrantsOf(tx, application.studentId, requestId)
          : [];
        // only an approval weighs what the scheme says today (ADR 010)
        const today = approving
          ? verdictToday(
              schemes.registry,
              application.situation,
              request.scheme,
              at.toISOString().slice(0, 10),
            )
          : undefined;
        const schemeName = schemes.registry.byId.get(request.scheme)?.name ?? {
          fr: request.scheme,
          en: request.scheme,
        };
        const state = (budgetRemainingCents: number): DecisionState => ({
          request: {
            id: request.id,
            scheme: request.scheme,
            state: request.state,
            studentId: application.studentId,
            hostPartnerId: application.hostPartnerId,
            approvedCents: request.approvedCents,
            paidCents,
          },
          schemeName,
          estimatedCents: request.estimatedCents,
          advancePercent: schemes.advancePercent(request.scheme),
          budgetRemainingCents,
          ...(today && { today }),
          stay: { start: application.startDate, end: application.endDate },
          exclusiveWith: schemes.registry.plugins
            .filter((p) => schemes.registry.exclusive(request.scheme, p.id))
            .map((p) => p.id),
          otherGrants,
        });
        // who may do what is checked before the envelope is locked (or found missing)
        const allowed = planDecision(
          state(Number.MAX_SAFE_INTEGER),
          decision,
          actor,
          at.toISOString(),
        );
        if (Result.isFailure(allowed)) throw allowed.failure;
        if (decision.action === "submit")
          await refuseDoubleRequest(tx, request, application, schemeName);
        const budget = allowed.success.usesEnvelope
          ? await lockBudget(tx, request.scheme, application.academicYear)
          : undefined;
        const planned = budget
          ? planDecision(
              state(budget.envelopeCents - budget.committedCents),
              decision,
              actor,
              at.toISOString(),
            )
          : allowed;
        if (Result.isFailure(planned)) throw planned.failure;
        const plan = planned.success;
        if (plan.ledger.length > 0 && !budget)
          throw new BudgetNotFound({
            scheme: request.scheme,
            academicYear: application.academicYear,
          });

        const updated = (
          await tx
            .update(schemeRequests)
            .set({
              state: plan.request.state,
              approvedCents: plan.request.approvedCents,
              ...(plan.approves && {
                approvedAt: at,
                // the options in force for this stay's start (ADR 020: they may change from a date)
                approvedOptions: (schemes.registry.byId
                  .get(request.scheme)
                  ?.optionsFor(application.startDate) ?? null) as object | null,
              }),
              updatedAt: at,
              version: request.version + 1,
            })
            .where(eq(schemeRequests.id, requestId))
            .returning()
        )[0] as typeof schemeRequests.$inferSelect;
        await tx
          .update(applications)
          .set({ updatedAt: at })
          .where(eq(applications.id, application.id));
        await applyMovePlan(tx, plan, {
          at,
          actor,
          requestId,
          applicationId: application.id,
          budgetId: budget?.id ?? null,
          student,
          ...message,
        });
        return requestView(updated);
      };

      const decide = Effect.fn("Applications.decide")(function* (
        requestId: string,
        decision: Decision,
        actor: Actor,
      ) {
        const at = yield* now;
        return yield* transact(
          db,
          (tx) => decideIn(tx, requestId, decision, actor, at),
          isDecisionError,
        );
      });

      const queue = Effect.fn("Applications.queue")(function* (filter: QueueFilter) {
        return yield* Effect.promise(() => queuePage(db, filter));
      });

      const queueAfter = Effect.fn("Applications.queueAfter")(function* (
        filter: Omit<QueueFilter, "limit" | "offset">,
        cursor: QueueCursor | null,
        size: number,
      ) {
        return yield* Effect.promise(() => queueBatch(db, filter, cursor, size));
      });

      const recordHostDecision = Effect.fn("Applications.recordHostDecision")(function* (
        applicationId: string,
        statement: HostDecision,
        actor: Actor,
      ) {
        const at = yield* now;
        const { comment, ...said } = statement;
        yield* Effect.promise(() =>
          db.transaction(async (tx) => {
            // one statement at a time per application, so that a repeat is seen as one
            await tx
              .select({ id: applications.id })
              .from(applications)
              .where(eq(applications.id, applicationId))
              .for("update");
            const last = (
              await tx
                .select({ after: auditEvents.after, reason: auditEvents.reason })
                .from(auditEvents)
                .where(
                  and(
                    eq(auditEvents.entityType, "application"),
                    eq(auditEvents.entityId, applicationId),
                    eq(auditEvents.action, "host-decision"),
                  ),
                )
                .orderBy(desc(auditEvents.id))
                .limit(1)
            )[0];
            // field by field: jsonb does not keep the order of keys
            const before = last?.after as Omit<HostDecision, "comment"> | undefined;
            if (
              before?.decision === said.decision &&
              before.actualArrivalDate === said.actualArrivalDate &&
              before.actualDepartureDate === said.actualDepartureDate &&
              last?.reason === (comment ?? null)
            )
              return;
            await recordAudit(tx, {
              at,
              actor,
              action: "host-decision",
              entityType: "application",
              entityId: applicationId,
              after: said,
              reason: comment ?? null,
            });
          }),
        );
      });

      return Applications.of({
        create,
        get,
        listForStudent,
        overlapping,
        updateDraft,
        decide,
        decideIn,
        recordHostDecision,
        queue,
        queueAfter,
      });
    }),
  );
}
