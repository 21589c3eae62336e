import type { RequestState } from "@envol/domain";
import { and, asc, eq, gte, inArray, lte, ne } from "drizzle-orm";
import { applications, schemeRequests } from "./schema/index.ts";
import type { Tx } from "./transact.ts";

/**
 * The states in which a request still stands for its stay: submitted and waiting for the office,
 * granted, or paid. A draft asks for nothing yet (a student may keep several while choosing);
 * a rejected, withdrawn or cancelled request will never be funded. `completed` counts: that
 * stay was funded already.
 */
export const STANDING_STATES: readonly RequestState[] = [
  "submitted",
  "under_review",
  "approved",
  "waitlisted",
  "agreed",
  "advance_paid",
  "completed",
];

/** A request of another application of the same student whose planned stay overlaps. */
export interface OverlappingRequestRow {
  readonly applicationId: string;
  readonly requestId: string;
  readonly scheme: string;
  readonly state: RequestState;
  readonly startDate: string;
  readonly endDate: string;
}

/**
 * The student's requests on other applications whose planned stay shares at least one day with
 * `start`–`end` (both inclusive), oldest stay first; only for `scheme` when given, and only in
 * `states` when given.
 */
export const overlappingRequests = async (
  tx: Tx,
  of: {
    readonly studentId: string;
    readonly applicationId: string;
    readonly start: string;
    readonly end: string;
    readonly scheme?: string;
    readonly states?: readonly RequestState[];
  },
): Promise<readonly OverlappingRequestRow[]> =>
  tx
    .select({
      applicationId: applications.id,
      requestId: schemeRequests.id,
      scheme: schemeRequests.scheme,
      state: schemeRequests.state,
      startDate: applications.startDate,
      endDate: applications.endDate,
    })
    .from(schemeRequests)
    .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
    .where(
      and(
        eq(applications.studentId, of.studentId),
        ne(applications.id, of.applicationId),
        lte(applications.startDate, of.end),
        gte(applications.endDate, of.start),
        of.scheme === undefined ? undefined : eq(schemeRequests.scheme, of.scheme),
        of.states === undefined ? undefined : inArray(schemeRequests.state, [...of.states]),
      ),
    )
    .orderBy(asc(applications.startDate), asc(schemeRequests.scheme));
