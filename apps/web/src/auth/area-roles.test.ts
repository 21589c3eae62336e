import { describe, expect, it } from "vitest";
import { entersArea } from "./area-roles.ts";

describe("who enters each signed-in area", () => {
  it("lets a student and a member of the personnel into the applicant area (ADR 016)", () => {
    expect(entersArea("student", "student")).toBe(true);
    expect(entersArea("student", "personnel" as never)).toBe(true);
    expect(entersArea("student", "staff")).toBe(false);
  });

  it("keeps the back office the international office's", () => {
    expect(entersArea("staff", "staff")).toBe(true);
    expect(entersArea("staff", "student")).toBe(false);
    expect(entersArea("staff", "personnel" as never)).toBe(false);
  });
});
