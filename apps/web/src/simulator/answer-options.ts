import type {
  CostKind,
  CrousEchelon,
  Framework,
  MobilityKind,
  Participant,
  PersonnelActivity,
  PersonnelRole,
  ProgrammeLevel,
  ProgrammeMode,
} from "@envol/domain";

/**
 * The values the simulator offers for each closed question: those of the simulation contract
 * (ARCHITECTURE §4.1). They are restated here rather than imported because the domain module
 * that defines them also builds the zod schemas, which the first screen does not load;
 * `answer-options.test.ts` checks that both lists are the same.
 */
export const MOBILITY_KIND_OPTIONS = [
  "study",
  "internship",
] as const satisfies readonly MobilityKind[];
export const FRAMEWORK_OPTIONS = [
  "inter-institution-agreement",
  "internship-agreement",
  "free-mover",
] as const satisfies readonly Framework[];
export const LEVEL_OPTIONS = [
  "bachelor",
  "master",
  "engineering",
  "doctorate",
] as const satisfies readonly ProgrammeLevel[];
export const MODE_OPTIONS = [
  "initial",
  "apprenticeship",
  "continuing",
] as const satisfies readonly ProgrammeMode[];
export const ECHELON_OPTIONS = [
  "0bis",
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
] as const satisfies readonly CrousEchelon[];
export const COST_OPTIONS = [
  "transport",
  "visa",
  "insurance",
  "installation",
] as const satisfies readonly CostKind[];
export const PARTICIPANT_OPTIONS = [
  "student",
  "personnel",
] as const satisfies readonly Participant[];
export const PERSONNEL_ROLE_OPTIONS = [
  "teaching",
  "administrative",
] as const satisfies readonly PersonnelRole[];
export const PERSONNEL_ACTIVITY_OPTIONS = [
  "teaching",
  "training",
] as const satisfies readonly PersonnelActivity[];
