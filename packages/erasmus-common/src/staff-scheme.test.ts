import { facts, factsRead } from "@envol/domain";
import { describe, expect, it } from "vitest";
import {
  STAFF_DAYS_ORDER_ISSUE,
  STAFF_FACTS,
  STAFF_GREEN_EXTRA_DAYS,
  STAFF_TRAVEL_DAYS,
  staffDaysInOrder,
} from "./staff-scheme.ts";
import { staffTeachingHours } from "./staff-teaching-hours.ts";

describe("STAFF_FACTS", () => {
  it("lists the personnel facts the custom teaching-hours rule reads, which factsRead cannot see", () => {
    expect(factsRead(staffTeachingHours)).toEqual([]);
    expect(STAFF_FACTS).toEqual([facts.personnelActivity, facts.activityDays, facts.teachingHours]);
  });
});

describe("the staff travel days (funding-research.md §2.6)", () => {
  it("are official for the 2 days and assumed only for the 4 green extra days", () => {
    expect(STAFF_TRAVEL_DAYS).toMatchObject({ value: 2, confidence: "official" });
    expect(STAFF_TRAVEL_DAYS.source).toContain("wikis.ec.europa.eu/x/UINTC");
    expect(STAFF_GREEN_EXTRA_DAYS).toMatchObject({ value: 4, confidence: "assumed" });
  });
});

describe("staffDaysInOrder", () => {
  it("holds when the shortest stay is no longer than the longest, the issue on maxDays", () => {
    expect(staffDaysInOrder({ minDays: 5, maxDays: 60 })).toBe(true);
    expect(staffDaysInOrder({ minDays: 10, maxDays: 10 })).toBe(true);
    expect(staffDaysInOrder({ minDays: 20, maxDays: 10 })).toBe(false);
    expect(STAFF_DAYS_ORDER_ISSUE.path).toEqual(["maxDays"]);
  });
});
