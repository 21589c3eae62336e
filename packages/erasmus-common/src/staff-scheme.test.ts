import { facts, factsRead } from "@envol/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  STAFF_DAYS_ORDER_ISSUE,
  STAFF_FACTS,
  STAFF_GREEN_EXTRA_DAYS,
  STAFF_TRAVEL_DAYS,
  staffDayOptions,
  staffDaysInOrder,
} from "./staff-scheme.ts";
import { staffTeachingHours } from "./staff-teaching-hours.ts";

const figure = (value: number) => ({
  value,
  since: "2024-07-01",
  source: "test",
  confidence: "assumed" as const,
  label: { fr: "Figure", en: "Figure" },
});

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

describe("staffDayOptions", () => {
  const options = z
    .strictObject(staffDayOptions({ minDays: figure(5), maxDays: figure(60) }))
    .refine(staffDaysInOrder, STAFF_DAYS_ORDER_ISSUE);
  const issues = (input: object) => {
    const parsed = options.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
  };

  it("defaults every field to its figure and keeps a school within the programme's bounds", () => {
    expect(options.parse({})).toEqual({
      minDays: 5,
      maxDays: 60,
      travelDays: 2,
      greenExtraTravelDays: 4,
    });
    expect(issues({ minDays: 4 })).toEqual(["minDays"]);
    expect(issues({ minDays: 20, maxDays: 10 })).toEqual(["maxDays"]);
    expect(issues({ travelDays: 3 })).toEqual(["travelDays"]);
    expect(issues({ greenExtraTravelDays: 5 })).toEqual(["greenExtraTravelDays"]);
  });
});
