import {
  COST_KINDS,
  CROUS_ECHELONS,
  FRAMEWORKS,
  MOBILITY_KINDS,
  PARTICIPANTS,
  PERSONNEL_ACTIVITIES,
  PERSONNEL_ROLES,
  PROGRAMME_LEVELS,
  PROGRAMME_MODES,
} from "@envol/domain";
import { describe, expect, it } from "vitest";
import {
  COST_OPTIONS,
  ECHELON_OPTIONS,
  FRAMEWORK_OPTIONS,
  LEVEL_OPTIONS,
  MOBILITY_KIND_OPTIONS,
  MODE_OPTIONS,
  PARTICIPANT_OPTIONS,
  PERSONNEL_ACTIVITY_OPTIONS,
  PERSONNEL_ROLE_OPTIONS,
} from "./answer-options.ts";

describe("the simulator's options", () => {
  it("are exactly the values of the simulation contract, in its order", () => {
    expect(MOBILITY_KIND_OPTIONS).toEqual(MOBILITY_KINDS);
    expect(FRAMEWORK_OPTIONS).toEqual(FRAMEWORKS);
    expect(LEVEL_OPTIONS).toEqual(PROGRAMME_LEVELS);
    expect(MODE_OPTIONS).toEqual(PROGRAMME_MODES);
    expect(ECHELON_OPTIONS).toEqual(CROUS_ECHELONS);
    expect(COST_OPTIONS).toEqual(COST_KINDS);
    expect(PARTICIPANT_OPTIONS).toEqual(PARTICIPANTS);
    expect(PERSONNEL_ROLE_OPTIONS).toEqual(PERSONNEL_ROLES);
    expect(PERSONNEL_ACTIVITY_OPTIONS).toEqual(PERSONNEL_ACTIVITIES);
  });
});
