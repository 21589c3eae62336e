import {
  ApplicationNotFound,
  Applications,
  type ApplicationView,
  Grants,
  type QueueCursor,
  type QueueRow,
  type StatementOutcome,
  Users,
} from "@envol/db";
import {
  type AcademicYear,
  isWithin,
  type Lang,
  outsideWindow,
  PAID_STATES,
  statementWindow,
  TransitionNotAllowed,
} from "@envol/domain";
import type { RouteHandler, z } from "@hono/zod-openapi";
import { Effect } from "effect";
import type { AppDeps } from "../../lib/deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import { partnerOf } from "../../lib/partner-auth.ts";
import { problem, problemBody, problemIn, TITLES } from "../../lib/problem.ts";
import { limitsOf } from "../../lib/rate-limit.ts";
import { runEffect } from "../../lib/run-effect.ts";
import {
  envolAcademicYear,
  isVisibleTo,
  nominatedRequests,
  openRequests,
  runningGrants,
  statusOf,
  toOMobility,
} from "./omobility.ts";
import type {
  decideOMobility,
  getOMobility,
  listOMobilities,
  OMobilityIndexSchema,
  OMobilitySchema,
} from "./partner.routes.ts";

// runEffect answers a plain Response: the bodies are checked against the schemas here instead
type OMobilityOut = z.input<typeof OMobilitySchema>;
type OMobilityIndex = z.input<typeof OMobilityIndexSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How many of the partner's requests the index reads at a time. */
const BATCH = 500;

/** The reason a student is told when the host refuses without a comment. */
const DEFAULT_REJECTION: Record<Lang, string> = {
  fr: "Candidature refusée par l'établissement d'accueil",
  en: "Nomination rejected by the host institution",
};

/**
 * The application behind a mobility id when the partner may see it. A malformed id, a missing
 * one, another host's and a draft are the same ApplicationNotFound: the same 404.
 */
const visibleApplication = (id: string, partnerId: string) =>
  Effect.gen(function* () {
    if (!UUID.test(id)) return yield* new ApplicationNotFound({ id });
    const application = yield* Applications.use((a) => a.get(id));
    if (!isVisibleTo(application, partnerId)) return yield* new ApplicationNotFound({ id });
    return application;
  });

const studentOf = (application: ApplicationView) =>
  Effect.gen(function* () {
    const student = yield* Users.use((u) => u.get(application.studentId));
    // the database's foreign key makes this impossible: a defect, not a partner's problem
    if (!student) return yield* Effect.die(new Error(`no student ${application.studentId}`));
    return student;
  });

/**
 * Every request of the partner's mobilities, through the staff queue's filters, batch after
 * batch from where the last one ended (keyset): neither the queue's counted total nor its
 * skippable offsets, both capped at 1 000, bound how many a partner hosts.
 */
const requestsHostedBy = (partnerId: string, academicYear: string | undefined) =>
  Effect.gen(function* () {
    const applications = yield* Applications;
    const filter = {
      hostPartnerId: partnerId,
      ...(academicYear !== undefined && { academicYear }),
      sort: "start-asc",
    } as const;
    const rows: QueueRow[] = [];
    let cursor: QueueCursor | null = null;
    do {
      const batch: { readonly rows: readonly QueueRow[]; readonly next: QueueCursor | null } =
        yield* applications.queueAfter(filter, cursor, BATCH);
      rows.push(...batch.rows);
      cursor = batch.next;
    } while (cursor !== null);
    return rows;
  });

export const listHandler =
  (deps: AppDeps): RouteHandler<typeof listOMobilities, AppEnv> =>
  (c) => {
    const partnerId = partnerOf(c);
    const query = c.req.valid("query");
    const since =
      query.modified_since === undefined ? undefined : new Date(query.modified_since).getTime();
    const year =
      query.receiving_academic_year_id === undefined
        ? undefined
        : envolAcademicYear(query.receiving_academic_year_id);
    return runEffect(c, deps, requestsHostedBy(partnerId, year), (rows) => {
      // one mobility per application; it changed when its latest request did (a decision or a
      // recalculation writes the request and the application at the same instant)
      const byApplication = new Map<string, { modified: number; nominated: boolean }>();
      for (const { request } of rows) {
        const seen = byApplication.get(request.applicationId) ?? { modified: 0, nominated: false };
        byApplication.set(request.applicationId, {
          modified: Math.max(seen.modified, new Date(request.updatedAt).getTime()),
          nominated: seen.nominated || request.state !== "draft",
        });
      }
      const omobilities = [...byApplication]
        .filter(([, m]) => m.nominated && (since === undefined || m.modified > since))
        .map(([id, m]) => ({ omobility_id: id, modified_at: new Date(m.modified).toISOString() }));
      return c.json({ omobilities } satisfies OMobilityIndex, 200);
    }) as never;
  };

export const getHandler =
  (deps: AppDeps): RouteHandler<typeof getOMobility, AppEnv> =>
  (c) => {
    const partnerId = partnerOf(c);
    const { omobility_id } = c.req.valid("param");
    const sendingHeiId = deps.registry().institution.id;
    return runEffect(
      c,
      deps,
      Effect.gen(function* () {
        const application = yield* visibleApplication(omobility_id, partnerId);
        const reviews = yield* Grants.use((g) => g.reviewsOf(application.id));
        return toOMobility(application, yield* studentOf(application), sendingHeiId, reviews);
      }),
      (omobility) => c.json(omobility satisfies OMobilityOut, 200),
    ) as never;
  };

export const decideHandler =
  (deps: AppDeps): RouteHandler<typeof decideOMobility, AppEnv> =>
  (c) => {
    const partnerId = partnerOf(c);
    const actor = { kind: "partner", partnerId } as const;
    const { omobility_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const sendingHeiId = deps.registry().institution.id;
    const windowDays = limitsOf(deps).partnerDateWindowDays;

    /** The actual dates outside the window around the planned stay: each field, and why. */
    const outOfWindow = (application: ApplicationView, arrival: string, departure: string) => {
      const window = statementWindow(
        { startDate: application.startDate, endDate: application.endDate },
        application.academicYear as AcademicYear,
        windowDays,
      );
      return (
        [
          ["actual_arrival_date", arrival],
          ["actual_departure_date", departure],
        ] as const
      )
        .filter(([, date]) => !isWithin(date, window))
        .map(([path]) => ({ path, message: outsideWindow(window, windowDays, c.get("lang")) }));
    };

    /**
     * Each running grant weighed on the actual dates, under its own lock (the repository checks
     * there that the same dates were not already applied); undefined when none runs.
     */
    const verify = (application: ApplicationView, actualStart: string, actualEnd: string) =>
      Effect.gen(function* () {
        const grants = runningGrants(application);
        if (grants.length === 0) return undefined;
        const outcomes: StatementOutcome[] = [];
        for (const request of grants)
          outcomes.push(
            yield* Grants.use((g) => g.stateDates(request.id, { actualStart, actualEnd }, actor)),
          );
        return outcomes;
      });

    const reject = (application: ApplicationView) =>
      Effect.gen(function* () {
        const open = openRequests(application);
        // a grant with money paid is ended by the sending office (ADR 008): refused before any
        // request of the mobility is cancelled, so that none is
        const paid = open.find((r) => PAID_STATES.has(r.state));
        if (paid)
          return yield* new TransitionNotAllowed({
            requestId: paid.id,
            state: paid.state,
            action: "cancel",
            actor: "partner",
          });
        const student = yield* studentOf(application);
        const reason = body.comment ?? DEFAULT_REJECTION[student.lang];
        for (const request of open)
          yield* Applications.use((a) => a.decide(request.id, { action: "cancel", reason }, actor));
      });

    return runEffect(
      c,
      deps,
      Effect.gen(function* () {
        const application = yield* visibleApplication(omobility_id, partnerId);
        let awaitingOffice = false;
        if (
          body.decision === "verified" &&
          body.actual_arrival_date !== undefined &&
          body.actual_departure_date !== undefined
        ) {
          const outside = outOfWindow(
            application,
            body.actual_arrival_date,
            body.actual_departure_date,
          );
          if (outside.length > 0) return { kind: "outside-window", errors: outside } as const;
          const outcomes = yield* verify(
            application,
            body.actual_arrival_date,
            body.actual_departure_date,
          );
          if (!outcomes)
            return {
              kind: "no-grant",
              status: statusOf(nominatedRequests(application).map((r) => r.state)),
            } as const;
          awaitingOffice = outcomes.some((o) => o.kind === "awaiting-office");
        } else if (body.decision === "rejected") {
          yield* reject(application);
        }
        // what the host said, kept in the application's history once Envol has acted on it (a
        // refused or failed answer is not kept: the host is told, and may send it again)
        yield* Applications.use((a) =>
          a.recordHostDecision(
            application.id,
            {
              decision: body.decision,
              ...(body.actual_arrival_date !== undefined
                ? { actualArrivalDate: body.actual_arrival_date }
                : {}),
              ...(body.actual_departure_date !== undefined
                ? { actualDepartureDate: body.actual_departure_date }
                : {}),
              ...(body.comment !== undefined ? { comment: body.comment } : {}),
            },
            actor,
          ),
        );
        const updated = yield* Applications.use((a) => a.get(application.id));
        const reviews = yield* Grants.use((g) => g.reviewsOf(application.id));
        const omobility = toOMobility(updated, yield* studentOf(updated), sendingHeiId, reviews);
        return { kind: "done", omobility, awaitingOffice } as const;
      }),
      (outcome) =>
        outcome.kind === "done"
          ? // a rise is kept for the office, not applied: accepted, not done
            c.json(outcome.omobility satisfies OMobilityOut, outcome.awaitingOffice ? 202 : 200)
          : outcome.kind === "outside-window"
            ? problem(
                c,
                problemBody(422, "validation", TITLES.invalid[c.get("lang")], {
                  errors: outcome.errors,
                }),
              )
            : problemIn(c, 409, "conflict", {
                title: TITLES.conflict,
                detail: {
                  fr: `Aucune bourse accordée à recalculer sur les dates réelles : le statut de la mobilité est ${outcome.status}.`,
                  en: `No awarded grant to recalculate on the actual dates: the mobility's status is ${outcome.status}.`,
                },
              }),
    ) as never;
  };
