import type { RequestState } from "@envol/domain";

/** How a request's state reads at a glance: in progress, good news, on hold, or closed. */
export type StateTone = "progress" | "ok" | "maybe" | "closed";

export const STATE_TONE: Readonly<Record<RequestState, StateTone>> = {
  draft: "progress",
  submitted: "progress",
  under_review: "progress",
  approved: "ok",
  agreed: "ok",
  advance_paid: "ok",
  completed: "ok",
  waitlisted: "maybe",
  rejected: "closed",
  withdrawn: "closed",
  cancelled: "closed",
};
