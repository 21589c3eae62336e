import type { RequestState, Situation, WhatIfRequest } from "@envol/domain";
import { DECIDED_STATES, PENDING_STATES } from "@envol/domain";
import { and, asc, count, eq, gt, inArray, sql } from "drizzle-orm";
import { Context, Effect, Layer } from "effect";
import type { AppDatabase } from "./database.ts";
import { Database } from "./database.ts";
import { applications, auditEvents, schemeRequests } from "./schema/index.ts";

/** The states a what-if reads: decisions taken (their figures kept) and requests to decide. */
const READ_STATES: readonly RequestState[] = [...DECIDED_STATES, ...PENDING_STATES];

/** A page of a year's requests and where the next one starts (null: none left). */
export interface WhatIfBatch {
  readonly rows: readonly WhatIfRequest[];
  readonly next: string | null;
}

const yearOf = (scheme: string, academicYear: string) =>
  and(
    eq(schemeRequests.scheme, scheme),
    eq(applications.academicYear, academicYear),
    inArray(schemeRequests.state, [...READ_STATES]),
  );

/**
 * One page of a scheme's requests of an academic year, after `after` (a request id) in id
 * order: the keyset cursor of a what-if's read (ADR 020), each page found from the last, never
 * all rows in one array. The submission instant is the request's first `submit` in the audit
 * trail (found by its entity index).
 */
export const whatIfBatch = async (
  db: AppDatabase,
  scheme: string,
  academicYear: string,
  after: string | null,
  limit: number,
): Promise<WhatIfBatch> => {
  const submittedAt = sql<string | null>`(
    select to_char(min(${auditEvents.at}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    from ${auditEvents}
    where ${auditEvents.entityType} = 'scheme_request'
      and ${auditEvents.entityId} = ${schemeRequests.id}::text
      and ${auditEvents.action} = 'submit')`;
  const rows = await db
    .select({
      requestId: schemeRequests.id,
      state: schemeRequests.state,
      approvedCents: schemeRequests.approvedCents,
      situation: applications.situation,
      submittedAt,
    })
    .from(schemeRequests)
    .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
    .where(
      after === null
        ? yearOf(scheme, academicYear)
        : and(yearOf(scheme, academicYear), gt(schemeRequests.id, after)),
    )
    .orderBy(asc(schemeRequests.id))
    .limit(limit);
  return {
    rows: rows.map((r) => ({
      requestId: r.requestId,
      state: r.state,
      approvedCents: r.approvedCents,
      situation: r.situation as Situation,
      submittedAt: r.submittedAt,
    })),
    next: rows.length < limit ? null : (rows[rows.length - 1]?.requestId ?? null),
  };
};

/** A scheme's requests of a year, as a what-if reads them: how many, then page by page. */
export class WhatIfPopulation extends Context.Service<
  WhatIfPopulation,
  {
    /** How many requests the what-if will read: its progress's total. */
    readonly count: (scheme: string, academicYear: string) => Effect.Effect<number>;
    readonly batch: (
      scheme: string,
      academicYear: string,
      after: string | null,
      limit: number,
    ) => Effect.Effect<WhatIfBatch>;
  }
>()("@envol/db/WhatIfPopulation") {
  static readonly layer = Layer.effect(
    WhatIfPopulation,
    Effect.gen(function* () {
      const { db } = yield* Database;
      return {
        count: Effect.fn("WhatIfPopulation.count")(function* (scheme, academicYear) {
          const rows = yield* Effect.promise(() =>
            db
              .select({ n: count() })
              .from(schemeRequests)
              .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
              .where(yearOf(scheme, academicYear)),
          );
          return rows[0]?.n ?? 0;
        }),
        batch: Effect.fn("WhatIfPopulation.batch")((scheme, academicYear, after, limit) =>
          Effect.promise(() => whatIfBatch(db, scheme, academicYear, after, limit)),
        ),
      };
    }),
  );
}
