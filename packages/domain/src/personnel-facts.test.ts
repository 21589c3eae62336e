import { describe, expect, it } from "vitest";
import { INSTITUTION, PARTNERS } from "../fixtures/fixture-plugins.ts";
import { makeEvaluationContext } from "./evaluation-context.ts";
import {
  activityDays,
  formatFactValue,
  formatQuantity,
  personnelActivity,
  personnelRole,
  teachingHours,
} from "./facts.ts";
import { SituationSchema } from "./situation.ts";

const lookup = new Map(PARTNERS.map((p) => [p.id, p]));
const contextOf = (situation: unknown) =>
  makeEvaluationContext(
    SituationSchema.parse(situation),
    INSTITUTION,
    (id) => lookup.get(id),
    "2026-12-06",
    "en",
  );

const STAY = { host: { partner: "tu-berlin" }, start: "2027-03-08", end: "2027-03-12" };

describe("the facts of a personnel member's stay (rulebook §10)", () => {
  it("counts activity days as calendar days, both ends included, across a leap day too", () => {
    expect(activityDays.get(contextOf({ personnel: {}, mobility: STAY }))).toBe(5);
    const leap = { ...STAY, start: "2028-02-27", end: "2028-03-02" };
    expect(activityDays.get(contextOf({ personnel: {}, mobility: leap }))).toBe(5);
    const oneDay = { ...STAY, end: STAY.start };
    expect(activityDays.get(contextOf({ personnel: {}, mobility: oneDay }))).toBe(1);
  });

  it("reads the role, the activity and the hours, unknown until given", () => {
    const given = contextOf({
      personnel: { role: "administrative", activity: "training", teachingHours: 0 },
      mobility: STAY,
    });
    expect(personnelRole.get(given)).toBe("administrative");
    expect(personnelActivity.get(given)).toBe("training");
    expect(teachingHours.get(given)).toBe(0);
    const unsaid = contextOf({ personnel: {}, mobility: STAY });
    expect([personnelRole, personnelActivity, teachingHours].map((f) => f.get(unsaid))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(teachingHours.paths).toEqual(["personnel.teachingHours"]);
  });

  it("writes hours and activities in words", () => {
    expect(formatQuantity(8, "hours", "fr")).toBe("8 heures");
    expect(formatQuantity(1, "hours", "fr")).toBe("1 heure");
    expect(formatQuantity(1, "hours", "en")).toBe("1 hour");
    expect(formatQuantity(7.5, "hours", "en")).toBe("7.5 hours");
    expect(formatFactValue(personnelActivity, "teaching", "fr")).toBe("mission d'enseignement");
    expect(formatFactValue(personnelRole, "teaching", "en")).toBe("teaching staff");
  });
});
