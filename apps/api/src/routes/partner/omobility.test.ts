import { BERLIN_SEMESTER, personnelStayAt, semesterAt } from "@envol/db/testing";
import type { RequestState, Situation } from "@envol/domain";
import { describe, expect, it } from "vitest";
import {
  type ActivityType,
  activityTypeOf,
  envolAcademicYear,
  ewpAcademicYear,
  type OMobilityStatus,
  statusOf,
} from "./omobility.ts";

describe("an omobility's EWP status from its requests' states", () => {
  const cases: readonly [readonly RequestState[], OMobilityStatus][] = [
    [["submitted"], "nomination"],
    [["under_review", "waitlisted"], "nomination"],
    [["approved", "under_review"], "live"],
    [["agreed"], "live"],
    [["advance_paid", "rejected"], "live"],
    [["completed", "advance_paid"], "recognized"],
    [["completed", "withdrawn"], "recognized"],
    [["withdrawn", "cancelled", "rejected"], "cancelled"],
    [["rejected"], "cancelled"],
  ];
  it.each(cases)("%j → %s", (states, status) => {
    expect(statusOf(states)).toBe(status);
  });
});

describe("academic years between Envol and EWP", () => {
  it("writes 2026-2027 as 2026/2027 and back", () => {
    expect(ewpAcademicYear("2026-2027")).toBe("2026/2027");
    expect(envolAcademicYear("2026/2027")).toBe("2026-2027");
  });
});

describe("an omobility's activity type: a student's studies or traineeship, a personnel member's teaching or training", () => {
  const cases: readonly [string, Situation, ActivityType][] = [
    ["a semester", BERLIN_SEMESTER, "student-studies"],
    ["an internship", semesterAt({ kind: "internship" }), "student-traineeships"],
    ["a teaching stay", personnelStayAt(), "staff-teacher"],
    ["a training stay", personnelStayAt({ activity: "training" }), "staff-training"],
    [
      "a personnel stay that does not say its activity",
      { ...personnelStayAt(), personnel: { role: "teaching" } },
      "staff-teacher",
    ],
    [
      "an administrative member's stay that does not say its activity",
      { ...personnelStayAt(), personnel: { role: "administrative" } },
      "staff-training",
    ],
  ];
  it.each(cases)("%s → %s", (_name, situation, type) => {
    expect(activityTypeOf(situation)).toBe(type);
  });
});
