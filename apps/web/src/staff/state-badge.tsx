import "./state-badge.css";
import type { RequestState } from "@envol/domain";
import { useStaffTranslation } from "./texts/staff-texts.ts";

/** Where a request stands, in words and in a colour that follows the words (never alone). */
const TONE: Record<RequestState, "closed" | "progress" | "ok" | "no" | "maybe"> = {
  draft: "closed",
  submitted: "progress",
  under_review: "progress",
  approved: "ok",
  agreed: "ok",
  advance_paid: "ok",
  completed: "ok",
  rejected: "no",
  cancelled: "no",
  withdrawn: "closed",
  waitlisted: "maybe",
};

export const StateBadge = ({ state }: { readonly state: RequestState }) => {
  const { t } = useStaffTranslation();
  return <span className={`staff-state tone--${TONE[state]}`}>{t(`states.${state}`)}</span>;
};
