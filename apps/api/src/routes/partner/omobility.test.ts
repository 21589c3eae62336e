import type { RequestState } from "@envol/domain";
import { describe, expect, it } from "vitest";
import { envolAcademicYear, ewpAcademicYear, type OMobilityStatus, statusOf } from "./omobility.ts";

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
