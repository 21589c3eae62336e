/**
 * The rulebook's staff worked examples (§10), end to end through the CLI: the real plugins, the
 * Télécom Paris configuration and the demo catalogue. Every registered scheme is evaluated
 * (`--all-schemes`), so that each student scheme, the AMI switched off included, shows its
 * answer to a member of the personnel; the schemes are read from the registry, never listed.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { describe, expect, it } from "vitest";

const main = resolve(import.meta.dirname, "main.ts");
const tsx = resolve(import.meta.dirname, "../node_modules/.bin/tsx");
const staffSituationFile = resolve(
  import.meta.dirname,
  "../../../docs/examples/staff-situation.json",
);

interface Report {
  schemes: {
    scheme: string;
    verdict: string;
    criteria: { id: string; status: string; hint: string | null }[];
    estimate: { totalCents: number } | null;
  }[];
}

const run = (args: string[], input?: string): Report => {
  const r = spawnSync(tsx, [main, "simulate", "--lang", "en", "--all-schemes", ...args], {
    input,
    encoding: "utf8",
  });
  expect(r.stderr.trim(), "stderr").toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Report;
};
const simulate = (situation: unknown): Report => run([], JSON.stringify(situation));

const scheme = (r: Report, id: string) => {
  const found = r.schemes.find((s) => s.scheme === id);
  if (!found) throw new Error(`no scheme ${id} in the report`);
  return found;
};
const unmet = (r: Report, id: string) =>
  scheme(r, id)
    .criteria.filter((c) => c.status === "unmet")
    .map((c) => c.id);

/** Every registered scheme for students, switched off or not, read from the configuration. */
const STUDENT_SCHEMES = loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: true })
  .plugins.filter((p) => p.participant === "student")
  .map((p) => p.id);

const staffStay = (
  personnel: object,
  partner: string,
  start: string,
  end: string,
): Record<string, unknown> => ({
  asOf: "2026-11-26",
  personnel,
  mobility: { host: { partner }, start, end, greenTravel: false },
});

describe("rulebook §10 staff worked examples, through pnpm envol simulate", () => {
  it("docs/examples/staff-situation.json, given as the file argument, is worked example 1", () => {
    const fromFile = run([staffSituationFile]);
    const teaching = { role: "teaching", activity: "teaching", teachingHours: 8 };
    expect(JSON.parse(readFileSync(staffSituationFile, "utf8"))).toEqual(
      staffStay(teaching, "tu-berlin", "2027-03-08", "2027-03-12"),
    );
    expect(scheme(fromFile, "erasmus-staff").verdict).toBe("eligible");
    expect(scheme(fromFile, "erasmus-staff").estimate?.totalCents).toBe(156_900);
  });

  it("1. teaching at TU Berlin, 5 days, 8 hours: erasmus-staff 180 € × (5 + 2) + 309 € = 1 569 €; every student scheme ineligible on participant; mic-staff on destination", () => {
    const teaching = { role: "teaching", activity: "teaching", teachingHours: 8 };
    const r = simulate(staffStay(teaching, "tu-berlin", "2027-03-08", "2027-03-12"));
    expect(scheme(r, "erasmus-staff").verdict).toBe("eligible");
    expect(scheme(r, "erasmus-staff").estimate?.totalCents).toBe(156_900);
    expect(STUDENT_SCHEMES.length).toBeGreaterThan(0);
    for (const id of STUDENT_SCHEMES) {
      expect(scheme(r, id).verdict, id).toBe("ineligible");
      expect(unmet(r, id), id).toContain("participant");
    }
    expect(scheme(r, "mic-staff").verdict).toBe("ineligible");
    expect(unmet(r, "mic-staff")).toContain("destination");
  });

  it("2. training at CVUT (group 2), 20 days: 160 € × (14 + 2) + 112 € × 6 + 309 € = 3 541 €", () => {
    const training = { role: "administrative", activity: "training" };
    const r = simulate(staffStay(training, "cvut", "2027-05-03", "2027-05-22"));
    expect(scheme(r, "erasmus-staff").verdict).toBe("eligible");
    expect(scheme(r, "erasmus-staff").estimate?.totalCents).toBe(354_100);
  });

  it("3. teaching at Tsinghua, 5 days, 10 hours: mic-staff 180 € × 7 + 1 735 € = 2 995 €; erasmus-staff ineligible on destination", () => {
    const teaching = { role: "teaching", activity: "teaching", teachingHours: 10 };
    const r = simulate(staffStay(teaching, "tsinghua", "2027-04-12", "2027-04-16"));
    expect(scheme(r, "mic-staff").verdict).toBe("eligible");
    expect(scheme(r, "mic-staff").estimate?.totalCents).toBe(299_500);
    expect(scheme(r, "erasmus-staff").verdict).toBe("ineligible");
    expect(unmet(r, "erasmus-staff")).toContain("destination");
  });

  it("4. teaching at KTH for 1 day: erasmus-staff ineligible on duration, 1 day more", () => {
    const teaching = { role: "teaching", activity: "teaching", teachingHours: 8 };
    const r = simulate(staffStay(teaching, "kth", "2027-03-08", "2027-03-08"));
    expect(scheme(r, "erasmus-staff").verdict).toBe("ineligible");
    expect(unmet(r, "erasmus-staff")).toEqual(["duration"]);
    const duration = scheme(r, "erasmus-staff").criteria.find((c) => c.id === "duration");
    expect(duration?.hint).toMatch(/\b1 day more\b/);
  });
});
