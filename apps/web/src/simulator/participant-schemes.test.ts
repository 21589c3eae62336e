import { describe, expect, it } from "vitest";
import { splitByParticipant } from "./participant-schemes.ts";

const scheme = (id: string, participantStatus: "met" | "unmet") => ({
  scheme: id,
  criteria: [{ id: "participant", status: participantStatus, reason: "", hint: null }],
});

describe("splitByParticipant", () => {
  const catalogue = new Map([
    ["erasmus", "student"],
    ["erasmus-staff", "personnel"],
  ] as const);

  it("keeps the schemes of the participant, by the catalogue's word", () => {
    const results = [scheme("erasmus", "unmet"), scheme("erasmus-staff", "met")];
    const split = splitByParticipant(results, "personnel", catalogue);
    expect(split.own.map((s) => s.scheme)).toEqual(["erasmus-staff"]);
    expect(split.others.map((s) => s.scheme)).toEqual(["erasmus"]);
    const student = splitByParticipant(results, "student", catalogue);
    expect(student.own.map((s) => s.scheme)).toEqual(["erasmus"]);
  });

  it("reads the participant criterion while the catalogue is not there", () => {
    const results = [scheme("erasmus", "met"), scheme("erasmus-staff", "unmet")];
    const split = splitByParticipant(results, "student", undefined);
    expect(split.own.map((s) => s.scheme)).toEqual(["erasmus"]);
    expect(split.others.map((s) => s.scheme)).toEqual(["erasmus-staff"]);
  });
});
