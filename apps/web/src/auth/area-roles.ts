import type { SessionUser } from "./session.ts";

/**
 * Which session roles enter each signed-in area: the applicant area (`/student`, its address
 * kept) is a student's and a member of the school's personnel's, who apply alike (ADR 016); the
 * back office is the international office's.
 */
export const AREA_ROLES = {
  student: ["student", "personnel"],
  staff: ["staff"],
} as const satisfies Record<string, readonly string[]>;

export type Area = keyof typeof AREA_ROLES;

/** Whether a session user with `role` enters `area`. */
export const entersArea = (area: Area, role: SessionUser["role"]): boolean =>
  (AREA_ROLES[area] as readonly string[]).includes(role);
