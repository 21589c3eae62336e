import { describe, expect, it } from "vitest";
import { RecalculationSchema, teachingHoursInUse, teachingHoursOf } from "./recalculation.ts";

const issues = (v: unknown) => {
  const r = RecalculationSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("the recalculation's dates", () => {
  it("are two calendar dates, in order", () => {
    expect(
      issues({ actualStart: "2027-02-01", actualEnd: "2027-06-30", useCurrentOptions: false }),
    ).toEqual([]);
    expect(
      issues({ actualStart: "2027-02-01", actualEnd: "2027-02-01", useCurrentOptions: true }),
    ).toEqual([]);
  });

  it("want both dates complete", () => {
    expect(issues({ actualStart: "", actualEnd: "2027-02-30", useCurrentOptions: false })).toEqual([
      "actualStart:date",
      "actualEnd:date",
    ]);
  });

  it("refuse a stay that ends before it starts", () => {
    expect(
      issues({ actualStart: "2027-06-30", actualEnd: "2027-02-01", useCurrentOptions: false }),
    ).toEqual(["actualEnd:endBeforeStart"]);
  });

  it("take a teaching stay's hours when given, between 0 and 480, with a decimal comma", () => {
    const dates = { actualStart: "2027-03-08", actualEnd: "2027-03-11", useCurrentOptions: false };
    expect(issues({ ...dates, actualTeachingHours: "" })).toEqual([]);
    expect(issues({ ...dates, actualTeachingHours: "7,5" })).toEqual([]);
    expect(issues({ ...dates, actualTeachingHours: "-1" })).toEqual(["actualTeachingHours:hours"]);
    expect(issues({ ...dates, actualTeachingHours: "481" })).toEqual(["actualTeachingHours:hours"]);
    expect(issues({ ...dates, actualTeachingHours: "huit" })).toEqual([
      "actualTeachingHours:hours",
    ]);
    expect(teachingHoursOf(" 7,5 ")).toBe(7.5);
    expect(teachingHoursOf("")).toBeUndefined();
  });
});

describe("the teaching hours in use", () => {
  const teaching = { personnel: { activity: "teaching" as const, teachingHours: 8 } };
  it("are those the office recorded, once it did, over those stated when applying", () => {
    expect(teachingHoursInUse({ actualTeachingHours: 16, situation: teaching })).toEqual({
      hours: 16,
      recorded: true,
    });
    expect(teachingHoursInUse({ actualTeachingHours: 0, situation: teaching })).toEqual({
      hours: 0,
      recorded: true,
    });
  });

  it("are those stated when applying until then, or none", () => {
    expect(teachingHoursInUse({ actualTeachingHours: null, situation: teaching })).toEqual({
      hours: 8,
      recorded: false,
    });
    expect(
      teachingHoursInUse({ actualTeachingHours: null, situation: { personnel: {} } }),
    ).toBeUndefined();
  });
});
