import { createRegistry, evaluate, type Lang, SituationSchema } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import {
  type ConformanceCase,
  criterionOf,
  optionIssues,
  runPluginConformance,
} from "@envol/domain/testing";
import { describe, expect, it } from "vitest";
import cases from "../cases.json" with { type: "json" };
import { micStaff } from "./mic-staff.ts";

runPluginConformance(micStaff, cases as ConformanceCase[], {
  institution: TELECOM_PARIS,
  partners: DEMO_PARTNER_CATALOGUE.partners,
  exempt: {
    // Never unknown: the ECHE is a boolean of the institution; a destination (country) is
    // required by the situation; an agreement is true or false (a typed host has none); the
    // activity days follow from the two required dates.
    unknown: ["eche", "destination", "host", "duration"],
  },
});

const TEACHER = { role: "teaching", activity: "teaching", teachingHours: 10 };
const BEIJING_WEEK = { host: { partner: "tsinghua" }, start: "2027-04-12", end: "2027-04-16" };

const run = (situation: unknown, lang: Lang = "en") => {
  const registry = createRegistry({
    institution: TELECOM_PARIS,
    plugins: [micStaff.configure()],
    partners: DEMO_PARTNER_CATALOGUE.partners,
  });
  const report = evaluate(SituationSchema.parse(situation), registry, { asOf: "2026-11-26", lang });
  const scheme = report.schemes[0];
  if (!scheme) throw new Error("no scheme in the report");
  return scheme;
};

/** Money and counts are formatted with no-break spaces whose code points depend on ICU. */
const plain = (s: string | null | undefined): string => (s ?? "").replace(/\s/g, " ");

describe("mic-staff: the worked example and its words", () => {
  it("pays 180 € × 7 days and the ≥ 8 000 km band at Tsinghua (rulebook §10, worked example 3)", () => {
    const scheme = run({ personnel: TEACHER, mobility: { ...BEIJING_WEEK, greenTravel: false } });
    expect(scheme.verdict).toBe("eligible");
    expect(scheme.estimate?.totalCents).toBe(299_500);
    expect(scheme.estimate?.lines.map((l) => [l.id, plain(l.basis)])).toEqual([
      ["individual-support", "€180 × (5 days of activity + 2 days of travel)"],
      ["travel", "band 8,000 km and more (8,223 km one way), standard rate"],
    ]);
    expect(scheme.estimate?.confidence).toBe("assumed");
  });

  it("says a 4-day stay is 1 day short", () => {
    const short = { ...BEIJING_WEEK, end: "2027-04-15" };
    const duration = criterionOf(run({ personnel: TEACHER, mobility: short }), "duration");
    expect(duration.status).toBe("unmet");
    expect(plain(duration.hint)).toMatch(/\b1 day more\b/);
  });

  it("names the KA171 project when the host is not in it", () => {
    const unam = { ...BEIJING_WEEK, host: { partner: "unam" } };
    const host = criterionOf(run({ personnel: TEACHER, mobility: unam }, "fr"), "host");
    expect(host.reason).toContain("projet KA171 de l'école");
  });
});

describe("mic-staff: FITEC teaching missions, said where a teacher meets them", () => {
  it("tells a teacher at a FITEC partner outside the KA171 project that FITEC missions are not modelled", () => {
    const unicamp = { ...BEIJING_WEEK, host: { partner: "unicamp" } };
    const fr = criterionOf(run({ personnel: TEACHER, mobility: unicamp }, "fr"), "host");
    expect(fr.status).toBe("unmet");
    expect(fr.reason).toBe(
      "L'établissement d'accueil n'est pas partenaire du projet KA171 de l'école ; les missions d'enseignement BRAFITEC, ARFITEC et MEXFITEC de ce partenaire ne sont pas prises en compte (aucun montant public) : renseignez-vous auprès du service des relations internationales.",
    );
    expect(fr.hint).toBe("Choisissez un établissement partenaire du projet KA171 de l'école.");
    const en = criterionOf(run({ personnel: TEACHER, mobility: unicamp }, "en"), "host");
    expect(en.reason).toContain(
      "BRAFITEC, ARFITEC and MEXFITEC teaching missions are not taken into account",
    );
  });

  it("tells a teacher at a FITEC partner of the project too, and says nothing of FITEC to a training stay", () => {
    const usp = { ...BEIJING_WEEK, host: { partner: "usp" } };
    const teacher = run({ personnel: TEACHER, mobility: usp }, "en");
    expect(criterionOf(teacher, "host")).toMatchObject({ status: "met" });
    expect(criterionOf(teacher, "host").reason).toContain("no public figures");
    const training = { role: "administrative", activity: "training" };
    const admin = run({ personnel: training, mobility: usp }, "en");
    expect(criterionOf(admin, "host").reason).toBe(
      "The host is a partner of the school's KA171 project.",
    );
    expect(admin.estimate?.notes.join(" ")).not.toContain("FITEC");
    const beijing = run({ personnel: TEACHER, mobility: BEIJING_WEEK }, "en");
    expect(criterionOf(beijing, "host").reason).not.toContain("FITEC");
  });
});

describe("mic-staff: documents and options", () => {
  it("asks a teaching stay for its teaching programme and the hours on the certificate", () => {
    const scheme = run({ personnel: TEACHER, mobility: BEIJING_WEEK });
    expect(scheme.documents.map((d) => d.id)).toEqual([
      "mobility-agreement",
      "grant-agreement",
      "attendance-certificate",
    ]);
    expect(scheme.documents[2]?.label).toContain("teaching hours");
  });

  it("refuses bounds outside the programme's 5 to 60 days, and excludes the KA131 staff scheme", () => {
    expect(optionIssues(micStaff, {})).toEqual([]);
    expect(optionIssues(micStaff, { minDays: 4 })).toEqual(["minDays"]);
    expect(optionIssues(micStaff, { projectAgreement: "KA 171" })).toEqual(["projectAgreement"]);
    expect(micStaff.configure().exclusive).toEqual(["erasmus-staff"]);
  });
});

describe("mic-staff: the facts it declares", () => {
  it("declares the personnel facts its custom criteria read (STAFF_FACTS)", () => {
    const declared = micStaff.configure().facts.map((f) => f.id);
    expect(declared).toEqual(
      expect.arrayContaining(["personnelActivity", "activityDays", "teachingHours"]),
    );
  });
});
