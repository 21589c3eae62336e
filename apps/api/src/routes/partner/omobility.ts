/**
 * An application as a partner school reads it: an EWP Outgoing Mobility (omobilities v2 names,
 * shared/reference/anchors.md §b), with the student's (or personnel member's) name and email
 * and nothing else personal.
 */
import type { ApplicationView, GrantReviewView, UserView } from "@envol/db";
import { FINAL_STATES, participantOf, type RequestState, type Situation } from "@envol/domain";

/**
 * What the mobility is: omobilities v2's student activity types, and for the school's personnel
 * (ADR 016) the staff mobility types of EWP's inter-institutional agreements (IIA v7
 * `cooperation-conditions`: `staff-teacher`, `staff-training`).
 */
export const ACTIVITY_TYPES = [
  "student-studies",
  "student-traineeships",
  "staff-teacher",
  "staff-training",
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * A student's studies or traineeship; a personnel member's teaching or training. A personnel
 * stay that does not say its activity is reported by the member's position: teaching staff
 * teach, administrative staff train.
 */
export const activityTypeOf = (situation: Situation): ActivityType => {
  if (participantOf(situation) === "personnel") {
    const activity =
      situation.personnel?.activity ??
      (situation.personnel?.role === "administrative" ? "training" : "teaching");
    return activity === "training" ? "staff-training" : "staff-teacher";
  }
  return situation.mobility.kind === "internship" ? "student-traineeships" : "student-studies";
};

export const OMOBILITY_STATUSES = ["nomination", "live", "recognized", "cancelled"] as const;
export type OMobilityStatus = (typeof OMOBILITY_STATUSES)[number];

export interface OMobility {
  readonly omobility_id: string;
  readonly sending_hei_id: string;
  readonly receiving_hei_id: string;
  readonly receiving_academic_year_id: string;
  readonly activity_type: ActivityType;
  readonly status: OMobilityStatus;
  readonly planned_arrival_date: string;
  readonly planned_departure_date: string;
  readonly actual_arrival_date: string | null;
  readonly actual_departure_date: string | null;
  readonly student: { readonly name: string; readonly email: string };
  readonly modified_at: string;
  readonly office_review: OfficeReview | null;
}

/** What the office did with the host's last statement that would raise a grant (ADR 012). */
export interface OfficeReview {
  readonly status: "awaiting_office" | "confirmed" | "rejected" | "superseded";
  readonly actual_arrival_date: string;
  readonly actual_departure_date: string;
  /** The office's reason for a rejection. */
  readonly reason: string | null;
}

const REVIEW_STATUS = {
  pending: "awaiting_office",
  confirmed: "confirmed",
  rejected: "rejected",
  superseded: "superseded",
  // a statement's review is never recalculated nor dismissed: those close a stale grant's flag
  recalculated: "superseded",
  dismissed: "superseded",
} as const satisfies Record<GrantReviewView["state"], OfficeReview["status"]>;

/** The office's review of the host's latest statement that would raise a grant, if any. */
export const officeReviewOf = (reviews: readonly GrantReviewView[]): OfficeReview | null => {
  const latest = reviews
    .filter((r) => r.kind === "partner-statement")
    .reduce<GrantReviewView | undefined>(
      (a, r) => (a === undefined || r.createdAt > a.createdAt ? r : a),
      undefined,
    );
  if (!latest) return null;
  return {
    status: REVIEW_STATUS[latest.state],
    actual_arrival_date: latest.actualStart,
    actual_departure_date: latest.actualEnd,
    reason: latest.reason,
  };
};

/** Granted and running: the stay is funded (EWP `live`). */
const LIVE: ReadonlySet<RequestState> = new Set(["approved", "agreed", "advance_paid"]);
/** Still being decided by the sending school (EWP `nomination`). */
const NOMINATED: ReadonlySet<RequestState> = new Set(["submitted", "under_review", "waitlisted"]);

/** The requests a partner may know of: never a draft, which the student has not sent yet. */
export const nominatedRequests = (application: ApplicationView) =>
  application.requests.filter((r) => r.state !== "draft");

/**
 * Whether `partnerId` may see the application: it is the host, and the student has sent at
 * least one request. Anything else is answered as a missing mobility.
 */
export const isVisibleTo = (application: ApplicationView, partnerId: string): boolean =>
  application.hostPartnerId === partnerId && nominatedRequests(application).length > 0;

/**
 * The mobility's EWP status from its requests' states, the most advanced stage winning: one
 * completed grant means the stay took place and was settled (`recognized`); otherwise one
 * running grant makes it `live`; one request still being decided, a `nomination`; when every
 * request was withdrawn, cancelled or rejected, `cancelled`.
 */
export const statusOf = (states: readonly RequestState[]): OMobilityStatus => {
  if (states.includes("completed")) return "recognized";
  if (states.some((s) => LIVE.has(s))) return "live";
  if (states.some((s) => NOMINATED.has(s))) return "nomination";
  return "cancelled";
};

/** The requests whose grant the actual dates recalculate: awarded and not yet settled. */
export const runningGrants = (application: ApplicationView) =>
  application.requests.filter((r) => LIVE.has(r.state));

/** The requests a partner's decision acts on: those not final and not drafts. */
export const openRequests = (application: ApplicationView) =>
  nominatedRequests(application).filter((r) => !FINAL_STATES.has(r.state));

/** Our academic years are `2026-2027`; EWP writes them `2026/2027`. */
export const ewpAcademicYear = (year: string): string => year.replace("-", "/");
export const envolAcademicYear = (ewpYear: string): string => ewpYear.replace("/", "-");

export const toOMobility = (
  application: ApplicationView,
  student: Pick<UserView, "name" | "email">,
  sendingHeiId: string,
  reviews: readonly GrantReviewView[] = [],
): OMobility => ({
  omobility_id: application.id,
  sending_hei_id: sendingHeiId,
  receiving_hei_id: application.hostPartnerId ?? "",
  receiving_academic_year_id: ewpAcademicYear(application.academicYear),
  activity_type: activityTypeOf(application.situation),
  status: statusOf(nominatedRequests(application).map((r) => r.state)),
  planned_arrival_date: application.startDate,
  planned_departure_date: application.endDate,
  actual_arrival_date: application.actualStartDate,
  actual_departure_date: application.actualEndDate,
  student: { name: student.name, email: student.email },
  modified_at: application.updatedAt,
  office_review: officeReviewOf(reviews),
});
