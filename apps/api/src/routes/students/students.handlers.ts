import { createHash } from "node:crypto";
import {
  ApplicationNotFound,
  Applications,
  type ApplicationView,
  type AuditEventView,
  AuditTrail,
  Calls,
  type Decision,
  Documents,
  type DocumentView,
  Grants,
  Outbox,
  RequestNotFound,
  type RequestView,
  Schemes,
  Users,
} from "@envol/db";
import {
  type Actor,
  type Applicant,
  type ApplicantKind,
  agreementTerms,
  agreementText,
  availableActions,
  ENDED_STATES,
  type IsoDate,
  type Lang,
  participantOf,
  type Registry,
  type RequestState,
  type SimulationReport,
  type Situation,
  submissionRefusal,
  type Text,
} from "@envol/domain";
import type { RouteHandler } from "@hono/zod-openapi";
import { Effect, Result } from "effect";
import { fileTypeFromBuffer } from "file-type";
import type { Context, MiddlewareHandler } from "hono";
import { applicationAuditEvents } from "../../lib/application-audit.ts";
import { applicantOf, isApplicantRole } from "../../lib/auth.ts";
import { openCallDeadlines } from "../../lib/call-deadlines.ts";
import { checklistOf, labelledDocuments, labelledRequests } from "../../lib/checklist.ts";
import type { AppDeps } from "../../lib/deps.ts";
import {
  DOCUMENT_MEDIA_TYPES,
  documentBytes,
  documentDownload,
} from "../../lib/document-download.ts";
import type { AppEnv } from "../../lib/env.ts";
import { evaluateToday } from "../../lib/evaluate-today.ts";
import type { FileStore } from "../../lib/file-store.ts";
import { problem, problemBody, problemIn, TITLES } from "../../lib/problem.ts";
import { problemOf } from "../../lib/problems-of-errors.ts";
import { limitsOf } from "../../lib/rate-limit.ts";
import { runEffect } from "../../lib/run-effect.ts";
import {
  type createApplication,
  type deleteDocument,
  type downloadDocument,
  type exportMyData,
  type getAgreement,
  type getApplication,
  type listApplications,
  MAX_DOCUMENT_BYTES,
  type nextSteps,
  type signAgreement,
  type submitRequest,
  tooLarge,
  type updateDraft,
  type uploadDocument,
  type withdrawRequest,
} from "./students.routes.ts";

/** The student's own application; another student's is not found, like a missing one. */
/** What is said of an upload whose kind the application's checklist does not hold. */
const notInChecklist = (checklist: readonly string[]): Text => ({
  fr: `ne figure pas dans la liste des pièces de ce dossier (${checklist.join(", ") || "vide"})`,
  en: `not in this application's checklist (${checklist.join(", ") || "empty"})`,
});

const ownApplication = (id: string, actor: Applicant) =>
  Applications.use((a) => a.get(id)).pipe(
    Effect.filterOrFail(
      (app) => app.studentId === actor.userId,
      () => new ApplicationNotFound({ id }),
    ),
  );

const withActions = (app: ApplicationView, r: RequestView, actor: Actor) => ({
  ...r,
  actions: availableActions(
    {
      id: r.id,
      scheme: r.scheme,
      state: r.state,
      studentId: app.studentId,
      hostPartnerId: app.hostPartnerId,
      approvedCents: r.approvedCents,
    },
    actor,
  ),
});

/** The application as its student reads it: each request with what they may do next. */
const studentApplication = (app: ApplicationView, actor: Actor) => {
  const { studentId: _, ...rest } = app;
  return { ...rest, requests: app.requests.map((r) => withActions(app, r, actor)) };
};

/**
 * The stored situation evaluated today (the rules and figures in force now, not those of the
 * day the student simulated), reduced to the schemes the application requests. Null when it
 * cannot be evaluated any more: its host partner has left the catalogue.
 */
const liveEligibility = (
  app: ApplicationView,
  registry: Registry,
  today: IsoDate,
  lang: Lang,
): SimulationReport | null => {
  const { asOf: _, ...situation } = app.situation;
  const evaluated = evaluateToday(situation, registry, today, lang);
  if (Result.isFailure(evaluated)) return null;
  const report = evaluated.success;
  const requested = new Set(app.requests.map((r) => r.scheme));
  const items = report.plan.items.filter((i) => requested.has(i.scheme));
  const most = report.plan.upTo?.items.filter((i) => requested.has(i.scheme)) ?? [];
  return {
    ...report,
    schemes: report.schemes.filter((s) => requested.has(s.scheme)),
    plan: {
      items,
      totalCents: items.reduce((sum, i) => sum + i.amountCents, 0),
      excluded: report.plan.excluded.filter((x) => requested.has(x.scheme)),
      upTo: most.some((i) => i.pending)
        ? { items: most, totalCents: most.reduce((sum, i) => sum + i.amountCents, 0) }
        : null,
    },
  };
};

/**
 * Events between the schools, left out of the application's page: what the host partner said of
 * the mobility, its comment being written to the sending school. What it changes (a
 * cancellation with its reason, a recalculation) is there as its own events. The data export
 * keeps them: it is everything Envol holds about the student.
 */
const BETWEEN_SCHOOLS: ReadonlySet<string> = new Set(["host-decision"]);

/**
 * The office's own steps, left out of the application's page (the data export keeps them): a
 * grant-to-review flag set aside (the flag itself is the office's, never the student's news).
 */
const OFFICE_ONLY: ReadonlySet<string> = new Set(["dismiss-flag"]);

/**
 * An event as the application's page shows it to its student: an approval the office took with an
 * override (ADR 010) without the override, its reason and grounds (other requests, verdicts) being
 * the office's; the decision and its amount stay.
 */
const withoutOverride = <E extends { after: unknown; reason: string | null }>(event: E): E => {
  if (typeof event.after !== "object" || event.after === null || !("override" in event.after))
    return event;
  const { override: _, ...after } = event.after as Record<string, unknown>;
  return { ...event, after, reason: null };
};

/** What happened to the application, its requests and its documents, in the order it happened. */
const historyOf = (app: ApplicationView, documents: readonly DocumentView[]) =>
  applicationAuditEvents(app, documents).pipe(
    Effect.map((events) =>
      [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id).map(historyEvent),
    ),
  );

/** An audit event as the student sees it: who acted by kind, not the staff member's id. */
const historyEvent = (e: AuditEventView) => ({
  id: e.id,
  at: e.at,
  actor: { kind: e.actor.kind },
  action: e.action,
  entityType: e.entityType as "application" | "scheme_request" | "document",
  entityId: e.entityId,
  before: e.before,
  after: e.after,
  reason: e.reason,
});

/**
 * Why a situation is not the account's (ADR 016): a student files a student's stay, a member
 * of the personnel a teaching or training stay, which the situation's `personnel` block says.
 */
const NOT_THE_ACCOUNTS: Readonly<Record<ApplicantKind, Text>> = {
  student: {
    fr: "ne doit pas figurer : ce compte est celui d'un étudiant ; un séjour d'enseignement ou de formation du personnel se dépose depuis un compte du personnel",
    en: "must be left out: this is a student's account; a teaching or training stay of the school's personnel is filed from a personnel account",
  },
  personnel: {
    fr: "est requis : ce compte est celui d'un membre du personnel de l'école, qui dépose un séjour d'enseignement ou de formation (son activité), pas un séjour d'études",
    en: "is required: this is the account of a member of the school's personnel, who files a teaching or training stay (its activity), not a study stay",
  },
};

/** The 422 naming `situation.personnel` when the situation is not the account's; undefined when it is. */
const notTheAccountsSituation = (
  c: Context<AppEnv>,
  applicant: Applicant,
  situation: Situation,
): Response | undefined =>
  participantOf(situation) === applicant.kind
    ? undefined
    : problem(
        c,
        problemBody(422, "validation", TITLES.invalid[c.get("lang")], {
          errors: [
            {
              path: "situation.personnel",
              message: NOT_THE_ACCOUNTS[applicant.kind][c.get("lang")],
            },
          ],
        }),
      );

export const createApplicationHandler =
  (deps: AppDeps): RouteHandler<typeof createApplication, AppEnv> =>
  async (c) => {
    const { situation, schemes } = c.req.valid("json");
    const actor = applicantOf(c);
    const mismatch = notTheAccountsSituation(c, actor, situation);
    if (mismatch) return mismatch as never;
    return (await runEffect(
      c,
      deps,
      Applications.use((a) => a.create({ studentId: actor.userId, situation, schemes })),
      (app) => c.json(studentApplication(app, actor), 201),
    )) as never;
  };

export const listApplicationsHandler =
  (deps: AppDeps): RouteHandler<typeof listApplications, AppEnv> =>
  async (c) => {
    const actor = applicantOf(c);
    return (await runEffect(
      c,
      deps,
      Applications.use((a) => a.listForStudent(actor.userId)),
      (apps) =>
        c.json(
          apps.map((app) => studentApplication(app, actor)),
          200,
        ),
    )) as never;
  };

export const getApplicationHandler =
  (deps: AppDeps): RouteHandler<typeof getApplication, AppEnv> =>
  async (c) => {
    const { id } = c.req.valid("param");
    const actor = applicantOf(c);
    const today = deps.today();
    return (await runEffect(
      c,
      deps,
      Effect.gen(function* () {
        const app = yield* ownApplication(id, actor);
        const documents = yield* Documents.use((d) => d.list(app.id));
        const requests = yield* Documents.use((d) => d.requests(app.id));
        const history = (yield* historyOf(app, documents))
          .filter((e) => !BETWEEN_SCHOOLS.has(e.action) && !OFFICE_ONLY.has(e.action))
          .map(withoutOverride);
        return { app, documents, requests, history };
      }),
      ({ app, documents, requests, history }) => {
        const eligibility = liveEligibility(app, deps.registry(), today, c.get("lang"));
        const checklist = checklistOf(eligibility, documents);
        return c.json(
          {
            ...studentApplication(app, actor),
            eligibility,
            eligibilityAsOf: today,
            checklist,
            documentRequests: labelledRequests(checklist, requests, today),
            history,
          },
          200,
        );
      },
    )) as never;
  };

export const updateDraftHandler =
  (deps: AppDeps): RouteHandler<typeof updateDraft, AppEnv> =>
  async (c) => {
    const { id } = c.req.valid("param");
    const { situation } = c.req.valid("json");
    const actor = applicantOf(c);
    const mismatch = notTheAccountsSituation(c, actor, situation);
    if (mismatch) return mismatch as never;
    return (await runEffect(
      c,
      deps,
      Applications.use((a) => a.updateDraft(id, situation, actor)),
      (app) => c.json(studentApplication(app, actor), 200),
    )) as never;
  };

/**
 * Refuses a submission outside the window of the call for the request's scheme and year (ADR
 * 018): today is the day in Paris; without a call, submission is open.
 */
const withinCall = (deps: AppDeps, app: ApplicationView, scheme: string) =>
  Effect.gen(function* () {
    const call = yield* Calls.use((c) => c.find(scheme, app.academicYear));
    const schemeName = deps.registry().byId.get(scheme)?.name ?? { fr: scheme, en: scheme };
    const refusal = submissionRefusal(call && { ...call, schemeName }, deps.today());
    if (refusal) return yield* Effect.fail(refusal);
  });

/** A decision of the student on one request of one of their applications. */
const decide = (
  c: Context<AppEnv>,
  deps: AppDeps,
  params: { readonly id: string; readonly requestId: string },
  decision: Decision,
) => {
  const actor = applicantOf(c);
  return runEffect(
    c,
    deps,
    Effect.gen(function* () {
      const app = yield* ownApplication(params.id, actor);
      // a request of another application (even the student's own) is not found under this one
      const own = app.requests.find((r) => r.id === params.requestId);
      if (!own) return yield* new RequestNotFound({ id: params.requestId });
      if (decision.action === "submit") yield* withinCall(deps, app, own.scheme);
      const request = yield* Applications.use((a) => a.decide(params.requestId, decision, actor));
      return { app, request };
    }),
    ({ app, request }) => c.json(withActions(app, request, actor), 200),
  );
};

export const submitRequestHandler =
  (deps: AppDeps): RouteHandler<typeof submitRequest, AppEnv> =>
  async (c) =>
    (await decide(c, deps, c.req.valid("param"), { action: "submit" })) as never;

export const withdrawRequestHandler =
  (deps: AppDeps): RouteHandler<typeof withdrawRequest, AppEnv> =>
  async (c) => {
    const { reason } = c.req.valid("json");
    return (await decide(c, deps, c.req.valid("param"), {
      action: "withdraw",
      ...(reason !== undefined && { reason }),
    })) as never;
  };

export const signAgreementHandler =
  (deps: AppDeps): RouteHandler<typeof signAgreement, AppEnv> =>
  async (c) =>
    (await decide(c, deps, c.req.valid("param"), { action: "sign-agreement" })) as never;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Before an upload's body is read: another student's application is a 404 at once, not after
 * receiving up to 10 MiB for nothing. (Anonymous callers and staff go on to `requireRole`; an id
 * that is not a UUID to the parameter validation.)
 */
export const uploadGuard =
  (deps: AppDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const session = c.get("session");
    const id = c.req.param("id");
    if (
      c.req.method !== "POST" ||
      !session ||
      !isApplicantRole(session.user.role) ||
      !id ||
      !UUID.test(id)
    )
      return next();
    const found = await deps.run(ownApplication(id, applicantOf(c)));
    if (found._tag === "Success") return next();
    return problem(c, problemOf(new ApplicationNotFound({ id }), c.get("lang")));
  };

/** The uploaded file's name, for display: no folders, no control characters, not too long. */
const displayName = (name: string) =>
  (name.split(/[/\\]/).pop() ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200) || "document";

const ALLOWED = new Set<string>(DOCUMENT_MEDIA_TYPES);

export const uploadDocumentHandler =
  (deps: AppDeps, files: FileStore): RouteHandler<typeof uploadDocument, AppEnv> =>
  async (c) => {
    const { id } = c.req.valid("param");
    const { kind, file } = c.req.valid("form");
    const lang = c.get("lang");
    const actor = applicantOf(c);
    // the body limit let through the file's framing: the file itself is counted here
    if (file.size > MAX_DOCUMENT_BYTES) return tooLarge(c) as never;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !ALLOWED.has(type.mime)) {
      return problemIn(c, 415, "unsupported-media-type", {
        title: TITLES.unsupportedType,
        detail: {
          fr: `Un document doit être un PDF, un JPEG ou un PNG ; le contenu de ce fichier est ${type ? type.mime : "inconnu"}, quel que soit son nom.`,
          en: `A document must be a PDF, a JPEG or a PNG; this file's content is ${type ? type.mime : "not recognised"}, whatever its name.`,
        },
      }) as never;
    }
    const mediaType = type.mime;
    const today = deps.today();
    const limits = limitsOf(deps);
    return (await runEffect(
      c,
      deps,
      Effect.gen(function* () {
        const app = yield* ownApplication(id, actor);
        const checklist = checklistOf(liveEligibility(app, deps.registry(), today, lang), []);
        if (!checklist.some((item) => item.id === kind))
          return { ok: false, checklist: checklist.map((i) => i.id) } as const;
        const key = yield* files.put(bytes);
        const document = yield* Documents.use((d) =>
          d.insert({
            applicationId: app.id,
            kind,
            fileName: displayName(file.name),
            mediaType,
            sizeBytes: bytes.length,
            sha256: createHash("sha256").update(bytes).digest("hex"),
            storageKey: key,
            actor,
            quota: {
              maxDocuments: limits.documentsPerApplication,
              maxBytes: limits.documentBytesPerApplication,
            },
          }),
        ).pipe(Effect.onError(() => files.remove(key)));
        const label = checklist.find((item) => item.id === kind)?.label ?? kind;
        return { ok: true, document: { ...document, label } } as const;
      }),
      (r) =>
        !r.ok
          ? problem(
              c,
              problemBody(422, "validation", TITLES.invalid[lang], {
                errors: [
                  {
                    path: "kind",
                    message: notInChecklist(r.checklist)[lang],
                  },
                ],
              }),
            )
          : c.json(r.document, 201),
    )) as never;
  };

export const deleteDocumentHandler =
  (deps: AppDeps, files: FileStore): RouteHandler<typeof deleteDocument, AppEnv> =>
  async (c) => {
    const { id, documentId } = c.req.valid("param");
    const actor = applicantOf(c);
    return (await runEffect(
      c,
      deps,
      Effect.gen(function* () {
        const app = yield* ownApplication(id, actor);
        const removed = yield* Documents.use((d) => d.remove(app.id, documentId, actor));
        yield* files.remove(removed.storageKey);
      }),
      () => c.body(null, 204),
    )) as never;
  };

/** The states in which a request has a grant the student agrees to (or has agreed to). */
const GRANTED: ReadonlySet<RequestState> = new Set([
  "approved",
  "agreed",
  "advance_paid",
  "completed",
]);

/** What the student signed, as the signature's audit event keeps it. */
interface SignedAgreement {
  readonly approvedCents: number;
  readonly advancePercent: number;
  readonly advanceCents: number;
  readonly balanceCents: number;
  readonly start: string;
  readonly end: string;
  readonly text: Readonly<Record<Lang, readonly string[]>>;
}

const signedAgreementOf = (events: readonly AuditEventView[]) => {
  const event = events.find(
    (e) =>
      e.action === "sign-agreement" &&
      typeof e.after === "object" &&
      e.after !== null &&
      "agreement" in e.after,
  );
  return event
    ? { at: event.at, agreement: (event.after as { agreement: SignedAgreement }).agreement }
    : undefined;
};

export const getAgreementHandler =
  (deps: AppDeps): RouteHandler<typeof getAgreement, AppEnv> =>
  async (c) => {
    const { id, requestId } = c.req.valid("param");
    const actor = applicantOf(c);
    const lang = c.get("lang");
    return (await runEffect(
      c,
      deps,
      Effect.gen(function* () {
        const app = yield* ownApplication(id, actor);
        const request = app.requests.find((r) => r.id === requestId);
        if (!request) return yield* new RequestNotFound({ id: requestId });
        const events = yield* AuditTrail.use((t) =>
          t.forEntities([{ type: "scheme_request", id: request.id }]),
        );
        const advancePercent = yield* Schemes.use((s) =>
          Effect.succeed(s.advancePercent(request.scheme)),
        );
        return { app, request, signed: signedAgreementOf(events), advancePercent };
      }),
      ({ app, request, signed, advancePercent }) => {
        const schemeName = deps.registry().byId.get(request.scheme)?.name ?? {
          fr: request.scheme,
          en: request.scheme,
        };
        if (signed) {
          const { text, ...amounts } = signed.agreement;
          return c.json(
            {
              requestId: request.id,
              scheme: request.scheme,
              schemeName: schemeName[lang],
              ...amounts,
              text: [...text[lang]],
              signedAt: signed.at,
            },
            200,
          );
        }
        if (!GRANTED.has(request.state) || request.approvedCents === null)
          return problemIn(c, 409, "conflict", {
            title: TITLES.conflict,
            detail: {
              fr: "Cette demande n'a pas de bourse accordée : il n'y a pas encore de convention à signer.",
              en: "This request has no grant awarded: there is no agreement to sign yet.",
            },
          });
        const terms = agreementTerms({
          schemeName,
          approvedCents: request.approvedCents,
          advancePercent,
          start: app.startDate,
          end: app.endDate,
        });
        const { schemeName: _, ...amounts } = terms;
        return c.json(
          {
            requestId: request.id,
            scheme: request.scheme,
            schemeName: schemeName[lang],
            ...amounts,
            text: [...agreementText(terms, lang)],
            signedAt: null,
          },
          200,
        );
      },
    )) as never;
  };

/** The states of a request still going: what is due is worth saying. */
const GOING: ReadonlySet<RequestState> = new Set([
  "submitted",
  "under_review",
  "approved",
  "waitlisted",
  "agreed",
  "advance_paid",
]);

export const nextStepsHandler =
  (deps: AppDeps): RouteHandler<typeof nextSteps, AppEnv> =>
  async (c) => {
    const actor = applicantOf(c);
    const lang = c.get("lang");
    const today = deps.today();
    return (await runEffect(
      c,
      deps,
      Effect.gen(function* () {
        const mine = yield* Applications.use((a) => a.listForStudent(actor.userId));
        const applications = mine.filter((app) => app.requests.some((r) => GOING.has(r.state)));
        // a grant that ended once approved may have been paid: what was paid is to pay back
        const ended = yield* Effect.forEach(
          mine.flatMap((app) =>
            app.requests
              .filter((r) => ENDED_STATES.has(r.state) && r.approvedCents !== null)
              .map((r) => ({ app, request: r })),
          ),
          ({ app, request }) =>
            Grants.use((g) => g.paymentsDue(request.id)).pipe(
              Effect.map((due) => ({ app, request, due })),
            ),
        );
        const documents = yield* Documents.use((d) => d.listForStudent(actor.userId));
        const requests = yield* Documents.use((d) => d.requestsForStudent(actor.userId));
        // the calls of the years the student has a request going in: their deadlines
        const years = [...new Set(applications.map((app) => app.academicYear))];
        const calls = (yield* Effect.forEach(years, (year) =>
          Calls.use((c) => c.list(year)),
        )).flat();
        const payments = yield* Effect.forEach(
          applications.flatMap((app) =>
            app.requests
              .filter(
                (r) => r.state === "approved" || r.state === "agreed" || r.state === "advance_paid",
              )
              .map((r) => ({ app, request: r })),
          ),
          ({ app, request }) =>
            Grants.use((g) => g.paymentsDue(request.id)).pipe(
              Effect.map((due) => ({ app, request, due })),
            ),
        );
        return { applications, documents, requests, payments, ended, calls };
      }),
      ({ applications, documents, requests, payments, ended, calls }) => {
        const schemeName = (scheme: string) =>
          deps.registry().byId.get(scheme)?.name[lang] ?? scheme;
        const items = applications.flatMap((app) => {
          // only the documents of requests sent to the office are due: a draft's (one whose
          // submission was refused, say) wait for it to be sent
          const sent = new Set(app.requests.filter((r) => GOING.has(r.state)).map((r) => r.scheme));
          const eligibility = liveEligibility(app, deps.registry(), today, lang);
          const own = documents.filter((d) => d.applicationId === app.id);
          const checklist = checklistOf(
            eligibility && { schemes: eligibility.schemes.filter((s) => sent.has(s.scheme)) },
            own,
          );
          const missing = checklist
            .filter((item) => !item.uploaded)
            .map((item) => ({
              kind: "document" as const,
              applicationId: app.id,
              id: item.id,
              label: item.label,
              due: item.due,
              date: item.due === "before-departure" ? startOf(app) : endOf(app),
              // due before a departure already past: late
              overdue: item.due === "before-departure" && startOf(app) < today,
            }));
          // the office may ask for any document of the application, a draft request's too: its
          // label comes from the whole checklist
          const asked = labelledRequests(
            checklistOf(eligibility, own),
            requests.filter((r) => r.applicationId === app.id && r.answeredAt === null),
            today,
          ).map((r) => ({
            kind: "document-request" as const,
            applicationId: app.id,
            id: r.id,
            label: r.label,
            message: r.message,
            date: r.dueDate,
            overdue: r.overdue,
          }));
          // the deadlines the office's calls set for the documents still missing (ADR 018)
          const deadlines = app.requests
            .filter((r) => GOING.has(r.state))
            .flatMap((r) => {
              const call = calls.find(
                (k) => k.scheme === r.scheme && k.academicYear === app.academicYear,
              );
              if (!call) return [];
              const report = eligibility?.schemes.find((s) => s.scheme === r.scheme);
              const checklist = checklistOf(report ? { schemes: [report] } : null, own);
              return openCallDeadlines(call, checklist).map((deadline) => ({
                kind: "call-deadline" as const,
                applicationId: app.id,
                requestId: r.id,
                schemeName: schemeName(r.scheme),
                stay: { start: startOf(app), end: endOf(app) },
                deadline: deadline.kind,
                date: deadline.dueOn,
                overdue: deadline.dueOn < today,
              }));
            });
          return [...asked, ...missing, ...deadlines];
        });
        const money = payments.flatMap(({ app, request, due }) => {
          const name = schemeName(request.scheme);
          const approvedCents = request.approvedCents ?? 0;
          const base = { applicationId: app.id, requestId: request.id, schemeName: name };
          const balance = (amountCents: number) => ({
            kind: "payment" as const,
            ...base,
            instalment: "balance" as const,
            amountCents,
            when: "after-return" as const,
            date: endOf(app),
          });
          if (request.state === "advance_paid")
            return due.remaining?.kind === "to-pay" ? [balance(due.remaining.cents)] : [];
          const advance = {
            kind: "payment" as const,
            ...base,
            instalment: "advance" as const,
            amountCents: due.advanceCents,
            when: "after-signing" as const,
            date: null,
          };
          const sign =
            request.state === "approved"
              ? [{ kind: "sign-agreement" as const, ...base, approvedCents }]
              : [];
          return [...sign, advance, balance(approvedCents - due.advanceCents)];
        });
        const payBack = ended.flatMap(({ app, request, due }) =>
          due.remaining?.kind === "to-recover"
            ? [
                {
                  kind: "pay-back" as const,
                  applicationId: app.id,
                  requestId: request.id,
                  schemeName: schemeName(request.scheme),
                  amountCents: due.remaining.cents,
                },
              ]
            : [],
        );
        // what waits on the student now (a signature, then its advance, a sum to pay back)
        // first, then by date
        const all = [...items, ...money, ...payBack];
        const dated = all
          .filter((s) => "date" in s && s.date !== null)
          .sort((a, b) => (a as { date: string }).date.localeCompare((b as { date: string }).date));
        const undated = all.filter((s) => !("date" in s) || s.date === null);
        return c.json({ items: [...undated, ...dated] }, 200);
      },
    )) as never;
  };

/** The stay's first and last days: the actual ones once the host or the office recorded them. */
const startOf = (app: { readonly startDate: string; readonly actualStartDate: string | null }) =>
  app.actualStartDate ?? app.startDate;
const endOf = (app: { readonly endDate: string; readonly actualEndDate: string | null }) =>
  app.actualEndDate ?? app.endDate;

export const downloadDocumentHandler =
  (deps: AppDeps, files: FileStore): RouteHandler<typeof downloadDocument, AppEnv> =>
  async (c) => {
    const { id, documentId } = c.req.valid("param");
    const actor = applicantOf(c);
    return (await runEffect(
      c,
      deps,
      Effect.gen(function* () {
        const app = yield* ownApplication(id, actor);
        return yield* documentBytes(files, app.id, documentId);
      }),
      ({ document, bytes }) => documentDownload(c, document, bytes),
    )) as never;
  };

export const exportMyDataHandler =
  (deps: AppDeps): RouteHandler<typeof exportMyData, AppEnv> =>
  async (c) => {
    const actor = applicantOf(c);
    return (await runEffect(
      c,
      deps,
      Effect.gen(function* () {
        const account = yield* Users.use((u) => u.get(actor.userId));
        if (!account) return yield* Effect.die(new Error("signed in as a missing user"));
        const applications = yield* Applications.use((a) => a.listForStudent(actor.userId));
        const documents = yield* Documents.use((d) => d.listForStudent(actor.userId));
        const history = yield* Effect.forEach(applications, (app) =>
          historyOf(
            app,
            documents.filter((d) => d.applicationId === app.id),
          ),
        );
        const messages = yield* Outbox.use((o) => o.forRecipient(account.email));
        const requests = yield* Documents.use((d) => d.requestsForStudent(actor.userId));
        return { account, applications, documents, requests, history: history.flat(), messages };
      }),
      ({ account, applications, documents, requests, history, messages }) => {
        const lang = c.get("lang");
        const today = deps.today();
        const labelled = applications.map((app) => {
          const own = documents.filter((d) => d.applicationId === app.id);
          const checklist = checklistOf(liveEligibility(app, deps.registry(), today, lang), own);
          return {
            documents: labelledDocuments(checklist, own),
            requests: labelledRequests(
              checklist,
              requests.filter((r) => r.applicationId === app.id),
              today,
            ),
          };
        });
        c.header("Content-Disposition", 'attachment; filename="envol-export.json"');
        c.header("Cache-Control", "private, no-store");
        return c.json(
          {
            exportedAt: new Date().toISOString(),
            account,
            applications: applications.map(({ studentId: _, ...app }) => app),
            documents: labelled.flatMap((l) => l.documents),
            documentRequests: labelled.flatMap((l) => l.requests),
            history,
            notifications: messages.map((m) => ({
              id: m.id,
              topic: m.topic,
              lang: m.lang,
              subject: m.subject,
              body: m.body,
              createdAt: m.createdAt.toISOString(),
              sentAt: m.sentAt ? m.sentAt.toISOString() : null,
            })),
          },
          200,
        );
      },
    )) as never;
  };
