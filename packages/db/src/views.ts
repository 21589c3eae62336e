import { type Participant, participantOf, type RequestState, type Situation } from "@envol/domain";
import type { applications, schemeRequests } from "./schema/index.ts";

/** A scheme request as the API and the back office read it. */
export interface RequestView {
  readonly id: string;
  readonly applicationId: string;
  readonly scheme: string;
  readonly state: RequestState;
  readonly estimatedCents: number | null;
  readonly approvedCents: number | null;
  readonly approvedAt: string | null;
  readonly updatedAt: string;
  readonly version: number;
}

/** An application with its requests. */
export interface ApplicationView {
  readonly id: string;
  /** Whose application it is: a student's, or a member of the personnel's (ADR 016). */
  readonly participant: Participant;
  /** The applicant: a student, or a member of the personnel. */
  readonly studentId: string;
  readonly situation: Situation;
  readonly academicYear: string;
  readonly hostPartnerId: string | null;
  readonly destinationCountry: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly actualStartDate: string | null;
  readonly actualEndDate: string | null;
  /** The hours a member of the personnel actually taught, as the office last recorded them. */
  readonly actualTeachingHours: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly requests: readonly RequestView[];
}

export const requestView = (r: typeof schemeRequests.$inferSelect): RequestView => ({
  id: r.id,
  applicationId: r.applicationId,
  scheme: r.scheme,
  state: r.state,
  estimatedCents: r.estimatedCents,
  approvedCents: r.approvedCents,
  approvedAt: r.approvedAt?.toISOString() ?? null,
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

export const applicationView = (
  a: typeof applications.$inferSelect,
  requests: readonly (typeof schemeRequests.$inferSelect)[],
): ApplicationView => ({
  id: a.id,
  participant: participantOf(a.situation),
  studentId: a.studentId,
  situation: a.situation,
  academicYear: a.academicYear,
  hostPartnerId: a.hostPartnerId,
  destinationCountry: a.destinationCountry,
  startDate: a.startDate,
  endDate: a.endDate,
  actualStartDate: a.actualStartDate,
  actualEndDate: a.actualEndDate,
  actualTeachingHours: a.actualTeachingHours,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  requests: [...requests].sort((x, y) => x.scheme.localeCompare(y.scheme)).map(requestView),
});
