import {
  Applications,
  type ApplicationView,
  AuditTrail,
  Budgets,
  type BudgetView,
  Documents,
  type GrantReviewView,
  Grants,
  PartnerKeys,
  Partners,
  type QueueCursor,
  type QueueFilter,
  type QueueRow,
  type QueueSort,
  type QueueView,
  type Recalculation,
  Users,
} from "@envol/db";
import {
  availableActions,
  type Lang,
  type Participant,
  REQUEST_STATE_NAMES,
  type Registry,
  type RequestState,
  remainingOfRequest,
  renderLedgerLine,
  type SimulationReport,
  type StoredLedgerLine,
  type Text,
  unknownPartner,
} from "@envol/domain";
import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import { Cause, Effect, Exit, Result } from "effect";
import { applicationAuditEvents } from "../../lib/application-audit.ts";
import { actorOf } from "../../lib/auth.ts";
import { checklistOf, labelledDocuments, labelledRequests } from "../../lib/checklist.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { documentBytes, documentDownload } from "../../lib/document-download.ts";
import type { AppEnv } from "../../lib/env.ts";
import { evaluateToday } from "../../lib/evaluate-today.ts";
import type { FileStore } from "../../lib/file-store.ts";
import { problem, problemBody, TITLES } from "../../lib/problem.ts";
import { runEffect } from "../../lib/run-effect.ts";
import { queueDocuments } from "./queue-documents.ts";
import { type CsvCell, csvDownload, csvStream, euros, frenchExcelCsv } from "./staff.csv.ts";
import type {
  applicationDetail,
  applicationDocument,
  confirmStatement,
  createPartnerKey,
  decide,
  dismissFlag,
  entityAudit,
  exportBudgets,
  exportRequests,
  ledger,
  listBudgets,
  listPartnerKeys,
  pay,
  paymentsDue,
  queue,
  recalculate,
  recentAudit,
  rejectStatement,
  revokePartnerKey,
  setEnvelope,
} from "./staff.routes.ts";

type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

/** The queue's query as the repository's filter: without a state nor a view, the office's work. */
const filterOf = (q: {
  readonly view?: QueueView | undefined;
  readonly state?: readonly RequestState[] | undefined;
  readonly search?: string | undefined;
  readonly scheme?: string | undefined;
  readonly academicYear?: string | undefined;
  readonly destination?: string | undefined;
  readonly partner?: string | undefined;
  readonly participant?: Participant | undefined;
  readonly sort: QueueSort;
}): QueueFilter => ({
  ...(q.state !== undefined && { states: q.state }),
  ...(q.view !== undefined
    ? { view: q.view }
    : q.state === undefined && { view: "to-process" as const }),
  ...(q.search !== undefined && { search: q.search }),
  ...(q.scheme !== undefined && { scheme: q.scheme }),
  ...(q.academicYear !== undefined && { academicYear: q.academicYear }),
  ...(q.destination !== undefined && { destinationCountry: q.destination }),
  ...(q.partner !== undefined && { hostPartnerId: q.partner }),
  ...(q.participant !== undefined && { participant: q.participant }),
  sort: q.sort,
});

// ---------------------------------------------------------------- the queue

export const queueHandler =
  (deps: AppDeps): Handler<typeof queue> =>
  (c) => {
    const q = c.req.valid("query");
    const lang = c.get("lang");
    return runEffect(
      c,
      deps,
      Applications.use((a) => a.queue({ ...filterOf(q), limit: q.limit, offset: q.offset })),
      (page) => {
        const documents = queueDocuments(page.rows, deps.registry(), deps.today(), lang);
        return c.json(
          {
            items: page.rows.map((row, i) => ({
              request: row.request,
              participant: row.participant,
              awaitingOffice: row.awaitingOffice,
              student: { id: row.studentId, name: row.studentName, email: row.studentEmail },
              academicYear: row.academicYear,
              destinationCountry: row.destinationCountry,
              hostPartnerId: row.hostPartnerId,
              startDate: row.startDate,
              endDate: row.endDate,
              actualStartDate: row.actualStartDate,
              actualEndDate: row.actualEndDate,
              paidCents: row.paidCents,
              documents: documents[i] ?? { complete: null, missing: [] },
            })),
            total: page.total,
            more: page.more,
            limit: q.limit,
            offset: q.offset,
          },
          200,
        );
      },
    ) as never;
  };

// ---------------------------------------------------------------- one application

/**
 * The eligibility report of the situation as submitted, on today's rules and figures (the
 * office decides now, whatever the student saw when they applied).
 */
const liveEligibility = (
  deps: AppDeps,
  application: ApplicationView,
  lang: Lang,
): { asOf: string; report: SimulationReport | null; unavailable?: string } => {
  const asOf = deps.today();
  const evaluated = evaluateToday({ ...application.situation, asOf }, deps.registry(), asOf, lang);
  // the host may have left the catalogue since the student applied: say so, do not fail
  return Result.isSuccess(evaluated)
    ? { asOf, report: evaluated.success }
    : { asOf, report: null, unavailable: evaluated.failure.message };
};

/**
 * A document of any application: the office reviews them all, and each download is in the
 * audit trail (the student's history shows who read their documents, and when).
 */
export const applicationDocumentHandler =
  (deps: AppDeps, files: FileStore): Handler<typeof applicationDocument> =>
  (c) => {
    const { id, documentId } = c.req.valid("param");
    const staff = actorOf(c, "staff");
    const effect = Effect.gen(function* () {
      const application = yield* Applications.use((a) => a.get(id));
      const found = yield* documentBytes(files, application.id, documentId);
      yield* Documents.use((d) => d.recordDownload(found.document, staff));
      return found;
    });
    return runEffect(c, deps, effect, ({ document, bytes }) =>
      documentDownload(c, document, bytes),
    ) as never;
  };

/** The grant's open review, in the reader's language: at most one (a statement comes first). */
const openReviewOf = (reviews: readonly GrantReviewView[], requestId: string, lang: Lang) => {
  const open = reviews
    .filter((r) => r.requestId === requestId && r.state === "pending")
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "partner-statement" ? -1 : 1))[0];
  if (!open) return null;
  return {
    id: open.id,
    kind: open.kind,
    actualStart: open.actualStart,
    actualEnd: open.actualEnd,
    beforeCents: open.beforeCents,
    afterCents: open.afterCents,
    afterVerdict: open.afterVerdict,
    explanation: open.explanation[lang],
    raisedBy: open.raisedBy,
    createdAt: open.createdAt,
  };
};

/** A set-aside review as the staff routes answer it. */
const reviewOut = (review: GrantReviewView, lang: Lang) => ({
  id: review.id,
  kind: review.kind,
  actualStart: review.actualStart,
  actualEnd: review.actualEnd,
  beforeCents: review.beforeCents,
  afterCents: review.afterCents,
  afterVerdict: review.afterVerdict,
  explanation: review.explanation[lang],
  raisedBy: review.raisedBy,
  createdAt: review.createdAt,
});

export const applicationDetailHandler =
  (deps: AppDeps): Handler<typeof applicationDetail> =>
  (c) => {
    const { id } = c.req.valid("param");
    const effect = Effect.gen(function* () {
      const application = yield* Applications.use((a) => a.get(id));
      const student = yield* Users.use((u) => u.get(application.studentId));
      const budgets = yield* Budgets.use((b) => b.list(application.academicYear));
      const documents = yield* Documents.use((d) => d.list(application.id));
      const documentRequests = yield* Documents.use((d) => d.requests(application.id));
      const history = yield* applicationAuditEvents(application, documents);
      const overlapping = yield* Applications.use((a) => a.overlapping(application.id));
      const reviews = yield* Grants.use((g) => g.reviewsOf(application.id));
      return {
        application,
        student,
        budgets,
        documents,
        documentRequests,
        history,
        overlapping,
        reviews,
      };
    });
    return runEffect(c, deps, effect, (found) => {
      const { application, student, budgets, documents, history, overlapping, reviews } = found;
      const lang = c.get("lang");
      const staff = actorOf(c, "staff");
      const { requests, ...rest } = application;
      const eligibility = liveEligibility(deps, application, c.get("lang"));
      const requested = new Set(requests.map((r) => r.scheme));
      const checklist = checklistOf(
        eligibility.report && {
          schemes: eligibility.report.schemes.filter((s) => requested.has(s.scheme)),
        },
        documents,
      );
      return c.json(
        {
          application: rest,
          student: student
            ? { id: student.id, name: student.name, email: student.email, lang: student.lang }
            : null,
          requests: requests.map((r) => ({
            ...r,
            availableActions: availableActions(
              {
                id: r.id,
                scheme: r.scheme,
                state: r.state,
                studentId: application.studentId,
                hostPartnerId: application.hostPartnerId,
                approvedCents: r.approvedCents,
              },
              staff,
            ),
            budget: budgets.find((b) => b.scheme === r.scheme) ?? null,
            review: openReviewOf(reviews, r.id, lang),
          })),
          overlapping: [...overlapping],
          eligibility,
          checklist,
          documents: labelledDocuments(checklist, documents),
          documentRequests: labelledRequests(checklist, found.documentRequests, deps.today()),
          history: [...history].sort((a, b) => a.id - b.id),
        },
        200,
      );
    }) as never;
  };

// ---------------------------------------------------------------- decisions

export const decideHandler =
  (deps: AppDeps): Handler<typeof decide> =>
  (c) => {
    const { id } = c.req.valid("param");
    const decision = c.req.valid("json");
    return runEffect(
      c,
      deps,
      Applications.use((a) => a.decide(id, decision, actorOf(c, "staff"))),
      (request) => c.json(request, 200),
    ) as never;
  };

// ---------------------------------------------------------------- recalculation, payments, ledger

/** A ledger entry with its explanation in the reader's language. */
const ledgerEntryIn = <E extends { readonly explanation: readonly StoredLedgerLine[] }>(
  entry: E,
  lang: Lang,
) => ({ ...entry, explanation: entry.explanation.map((line) => renderLedgerLine(line, lang)) });

/** A recalculation as the staff routes answer it, its explanation in the reader's language. */
const recalculationOut = (done: Recalculation, lang: Lang) => ({
  request: done.request,
  previousCents: done.previousCents,
  approvedCents: done.approvedCents,
  differenceCents: done.differenceCents,
  remaining: done.remaining,
  explanation: done.explanation.map((line) => renderLedgerLine(line, lang)),
});

export const recalculateHandler =
  (deps: AppDeps): Handler<typeof recalculate> =>
  (c) => {
    const { id } = c.req.valid("param");
    const { actualStart, actualEnd, useCurrentOptions, actualTeachingHours } = c.req.valid("json");
    return runEffect(
      c,
      deps,
      Grants.use((g) =>
        g.recalculate(
          id,
          {
            actualStart,
            actualEnd,
            ...(useCurrentOptions !== undefined && { useCurrentOptions }),
            ...(actualTeachingHours !== undefined && { actualTeachingHours }),
          },
          actorOf(c, "staff"),
        ),
      ),
      (done) => c.json(recalculationOut(done, c.get("lang")), 200),
    ) as never;
  };

export const confirmStatementHandler =
  (deps: AppDeps): Handler<typeof confirmStatement> =>
  (c) => {
    const { id } = c.req.valid("param");
    return runEffect(
      c,
      deps,
      Grants.use((g) => g.confirmStatement(id, actorOf(c, "staff"))),
      (done) => c.json(recalculationOut(done, c.get("lang")), 200),
    ) as never;
  };

export const rejectStatementHandler =
  (deps: AppDeps): Handler<typeof rejectStatement> =>
  (c) => {
    const { id } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    return runEffect(
      c,
      deps,
      Grants.use((g) => g.setAside(id, "partner-statement", reason, actorOf(c, "staff"))),
      (review) => c.json(reviewOut(review, c.get("lang")), 200),
    ) as never;
  };

export const dismissFlagHandler =
  (deps: AppDeps): Handler<typeof dismissFlag> =>
  (c) => {
    const { id } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    return runEffect(
      c,
      deps,
      Grants.use((g) => g.setAside(id, "stale-grant", reason, actorOf(c, "staff"))),
      (review) => c.json(reviewOut(review, c.get("lang")), 200),
    ) as never;
  };

export const payHandler =
  (deps: AppDeps): Handler<typeof pay> =>
  (c) => {
    const { id } = c.req.valid("param");
    const { instalment, amountCents, expectedCents } = c.req.valid("json");
    const expected = expectedCents !== undefined ? { expectedCents } : {};
    const effect = Effect.gen(function* () {
      const request = yield* Applications.use((a) =>
        a.decide(
          id,
          instalment === "advance"
            ? {
                action: "pay-advance",
                ...(amountCents !== undefined && { amountCents }),
                ...expected,
              }
            : { action: "complete", ...expected },
          actorOf(c, "staff"),
        ),
      );
      const lines = yield* Grants.use((g) => g.ledgerFor(id));
      // each instalment is paid once: its line is the one of this payment (none for a zero balance)
      const payment = lines.find((l) => l.kind === "payment" && l.instalment === instalment);
      return { request, payment: payment ? ledgerEntryIn(payment, c.get("lang")) : null };
    });
    return runEffect(c, deps, effect, (paid) => c.json(paid, 200)) as never;
  };

export const paymentsDueHandler =
  (deps: AppDeps): Handler<typeof paymentsDue> =>
  (c) => {
    const { id } = c.req.valid("param");
    return runEffect(
      c,
      deps,
      Grants.use((g) => g.paymentsDue(id)),
      (due) => c.json(due, 200),
    ) as never;
  };

export const ledgerHandler =
  (deps: AppDeps): Handler<typeof ledger> =>
  (c) => {
    const { id } = c.req.valid("param");
    return runEffect(
      c,
      deps,
      Grants.use((g) => g.ledgerFor(id)),
      (lines) =>
        c.json(
          lines.map((l) => ledgerEntryIn(l, c.get("lang"))),
          200,
        ),
    ) as never;
  };

// ---------------------------------------------------------------- budgets

export const listBudgetsHandler =
  (deps: AppDeps): Handler<typeof listBudgets> =>
  (c) => {
    const { academicYear } = c.req.valid("query");
    return runEffect(
      c,
      deps,
      Budgets.use((b) => b.list(academicYear)),
      (budgets) => c.json([...budgets], 200),
    ) as never;
  };

export const setEnvelopeHandler =
  (deps: AppDeps): Handler<typeof setEnvelope> =>
  (c) => {
    const { scheme, academicYear } = c.req.valid("param");
    const { envelopeCents, promoteWaitlisted } = c.req.valid("json");
    const lang = c.get("lang");
    if (!deps.registry().byId.has(scheme)) {
      return problem(
        c,
        problemBody(404, "not-found", TITLES.noSuchScheme[lang], {
          detail: scheme,
        }),
      ) as never;
    }
    const staff = actorOf(c, "staff");
    const effect = Effect.gen(function* () {
      const budgets = yield* Budgets;
      const set = yield* budgets.setEnvelope(scheme, academicYear, envelopeCents, staff);
      if (!promoteWaitlisted) return { budget: set, promoted: [] as readonly string[] };
      const promoted = yield* Grants.use((g) => g.promoteWaitlisted(scheme, academicYear, staff));
      // the promotions committed money: the envelope as it stands after them
      const now = (yield* budgets.list(academicYear)).find((b) => b.scheme === scheme);
      return { budget: now ?? set, promoted };
    });
    return runEffect(c, deps, effect, ({ budget, promoted }) =>
      c.json({ budget, promoted: [...promoted] }, 200),
    ) as never;
  };

// ---------------------------------------------------------------- audit trail

export const recentAuditHandler =
  (deps: AppDeps): Handler<typeof recentAudit> =>
  (c) => {
    const { limit, before } = c.req.valid("query");
    return runEffect(
      c,
      deps,
      AuditTrail.use((a) => a.recent({ limit, ...(before !== undefined && { before }) })),
      (events) =>
        c.json(
          {
            items: [...events],
            nextBefore: events.length === limit ? (events.at(-1)?.id ?? null) : null,
          },
          200,
        ),
    ) as never;
  };

export const entityAuditHandler =
  (deps: AppDeps): Handler<typeof entityAudit> =>
  (c) => {
    const { entityType, entityId } = c.req.valid("param");
    return runEffect(
      c,
      deps,
      AuditTrail.use((a) => a.forEntity(entityType, entityId)),
      (events) => c.json([...events], 200),
    ) as never;
  };

// ---------------------------------------------------------------- CSV exports

/**
 * Rows read at a time by the requests' export: its memory holds one batch, whatever the number
 * of requests (the bench measures it at 100 000, tooling/benchmarks/README.md).
 */
export const EXPORT_BATCH = 500;

const REQUEST_COLUMNS: Record<Lang, readonly string[]> = {
  fr: [
    "Dossier",
    "Candidat ou candidate",
    "Email",
    "Aide",
    "État",
    "Année universitaire",
    "Pays",
    "Établissement d'accueil",
    "Début",
    "Fin",
    "Arrivée réelle",
    "Départ réel",
    "Estimation (€)",
    "Accordé (€)",
    "Versé (€)",
    "Reste à verser (€)",
    "À récupérer (€)",
    // appended, so that the columns read by position before the personnel keep their place
    "Participant",
  ],
  en: [
    "Application",
    "Applicant",
    "Email",
    "Scheme",
    "State",
    "Academic year",
    "Country",
    "Host",
    "Start",
    "End",
    "Actual arrival",
    "Actual departure",
    "Estimate (€)",
    "Approved (€)",
    "Paid (€)",
    "Still to pay (€)",
    "To recover (€)",
    "Participant",
  ],
};

/** Whose application a row is, as the export says it (ADR 016). */
const PARTICIPANT_LABELS: Readonly<Record<Participant, Text>> = {
  student: { fr: "Étudiant", en: "Student" },
  personnel: { fr: "Personnel", en: "Personnel" },
};

/** A state as the back office names it: "Envoyée", "Under review". */
const stateLabel = (state: RequestState, lang: Lang) => {
  const name = REQUEST_STATE_NAMES[state][lang];
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** One request as a row of the export, in the reader's language. */
const requestCells = (r: QueueRow, registry: Registry, lang: Lang): CsvCell[] => {
  const host =
    r.hostPartnerId === null
      ? (r.hostName ?? "")
      : (registry.partners(r.hostPartnerId)?.name ?? r.hostPartnerId);
  // what the office's screen and the ledger say: from what was paid and the request's state
  const remaining =
    r.request.approvedCents === null
      ? null
      : remainingOfRequest({
          state: r.request.state,
          approvedCents: r.request.approvedCents,
          paidCents: r.paidCents,
        });
  return [
    r.request.applicationId,
    r.studentName,
    r.studentEmail,
    registry.byId.get(r.request.scheme)?.name[lang] ?? r.request.scheme,
    stateLabel(r.request.state, lang),
    r.academicYear,
    r.destinationCountry,
    host,
    r.startDate,
    r.endDate,
    r.actualStartDate,
    r.actualEndDate,
    euros(r.request.estimatedCents),
    euros(r.request.approvedCents),
    euros(r.paidCents),
    remaining === null ? null : euros(remaining.kind === "to-pay" ? remaining.cents : 0),
    remaining === null ? null : euros(remaining.kind === "to-recover" ? remaining.cents : 0),
    PARTICIPANT_LABELS[r.participant][lang],
  ];
};

/**
 * The requests as CSV, streamed: batch after batch read in the queue's order from where the
 * last one ended (keyset), each written out before the next is read, as fast as the client
 * takes them. A failure before the first batch is a problem; one later cuts the download short
 * (the header has left), which the client sees as a broken transfer, never as a complete file.
 */
export const exportRequestsHandler =
  (deps: AppDeps): Handler<typeof exportRequests> =>
  (c) => {
    const filter = filterOf(c.req.valid("query"));
    const lang = c.get("lang");
    const registry = deps.registry();
    const batch = (cursor: QueueCursor | null) =>
      Applications.use((a) => a.queueAfter(filter, cursor, EXPORT_BATCH));
    return runEffect(c, deps, batch(null), (first) => {
      async function* rows() {
        let page = first;
        for (;;) {
          yield page.rows.map((r) => requestCells(r, registry, lang));
          if (page.next === null) return;
          const exit = await deps.run(batch(page.next));
          if (Exit.isFailure(exit)) throw Cause.squash(exit.cause);
          page = exit.value;
        }
      }
      return csvStream(
        c,
        `envol-${{ fr: "demandes", en: "requests" }[lang]}-${deps.today()}.csv`,
        REQUEST_COLUMNS[lang],
        rows(),
      );
    }) as never;
  };

const BUDGET_COLUMNS: Record<Lang, readonly string[]> = {
  fr: [
    "Code",
    "Aide",
    "Année universitaire",
    "Enveloppe (€)",
    "Engagé (€)",
    "Versé (€)",
    "Restant (€)",
  ],
  en: [
    "Code",
    "Scheme",
    "Academic year",
    "Envelope (€)",
    "Committed (€)",
    "Paid (€)",
    "Remaining (€)",
  ],
};

export const exportBudgetsHandler =
  (deps: AppDeps): Handler<typeof exportBudgets> =>
  (c) => {
    const { academicYear } = c.req.valid("query");
    const lang = c.get("lang");
    return runEffect(
      c,
      deps,
      Budgets.use((b) => b.list(academicYear)),
      (budgets: readonly BudgetView[]) => {
        const registry = deps.registry();
        const body = frenchExcelCsv(
          BUDGET_COLUMNS[lang],
          budgets.map((b) => [
            b.scheme,
            registry.byId.get(b.scheme)?.name[lang] ?? b.scheme,
            b.academicYear,
            euros(b.envelopeCents),
            euros(b.committedCents),
            euros(b.paidCents),
            euros(b.remainingCents),
          ]),
        );
        return csvDownload(c, `envol-budgets-${academicYear ?? deps.today()}.csv`, body);
      },
    ) as never;
  };

// ---------------------------------------------------------------- partner API keys

export const listPartnerKeysHandler =
  (deps: AppDeps): Handler<typeof listPartnerKeys> =>
  (c) => {
    const { partner } = c.req.valid("query");
    return runEffect(
      c,
      deps,
      PartnerKeys.use((k) => k.list(partner)),
      (keys) => c.json([...keys], 200),
    ) as never;
  };

export const createPartnerKeyHandler =
  (deps: AppDeps): Handler<typeof createPartnerKey> =>
  (c) => {
    const { partnerId, label } = c.req.valid("json");
    const staff = actorOf(c, "staff");
    const effect = Effect.gen(function* () {
      const partner = yield* Partners.use((p) => p.get(partnerId));
      if (!partner) return undefined;
      return yield* PartnerKeys.use((k) => k.create(partnerId, label, staff));
    });
    return runEffect(c, deps, effect, (created) => {
      if (!created) {
        const lang = c.get("lang");
        return problem(
          c,
          problemBody(422, "validation", TITLES.invalid[lang], {
            errors: [{ path: "partnerId", message: unknownPartner(partnerId)[lang] }],
          }),
        );
      }
      return c.json(created, 201);
    }) as never;
  };

export const revokePartnerKeyHandler =
  (deps: AppDeps): Handler<typeof revokePartnerKey> =>
  (c) => {
    const { id } = c.req.valid("param");
    return runEffect(
      c,
      deps,
      PartnerKeys.use((k) => k.revoke(id, actorOf(c, "staff"))),
      (key) => c.json(key, 200),
    ) as never;
  };
