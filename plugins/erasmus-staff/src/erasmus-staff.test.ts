import {
  createRegistry,
  describeSchemeRules,
  evaluate,
  type Lang,
  makeEvaluationContext,
  SituationSchema,
} from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import {
  type ConformanceCase,
  criterionOf,
  optionIssues,
  runPluginConformance,
} from "@envol/domain/testing";
import { describe, expect, it } from "vitest";
import cases from "../cases.json" with { type: "json" };
import { erasmusStaff } from "./erasmus-staff.ts";

runPluginConformance(erasmusStaff, cases as ConformanceCase[], {
  institution: TELECOM_PARIS,
  partners: DEMO_PARTNER_CATALOGUE.partners,
  exempt: {
    // Never unknown: the ECHE is a boolean of the institution; a destination (country) is
    // required by the situation; the activity days follow from the two required dates.
    unknown: ["eche", "destination", "duration"],
  },
});

const TEACHER = { role: "teaching", activity: "teaching", teachingHours: 8 };
const BERLIN_WEEK = { host: { partner: "tu-berlin" }, start: "2027-03-08", end: "2027-03-12" };

const run = (situation: unknown, lang: Lang = "en", options: object = {}) => {
  const registry = createRegistry({
    institution: TELECOM_PARIS,
    plugins: [erasmusStaff.configure(options)],
    partners: DEMO_PARTNER_CATALOGUE.partners,
  });
  const report = evaluate(SituationSchema.parse(situation), registry, { asOf: "2026-11-26", lang });
  const scheme = report.schemes[0];
  if (!scheme) throw new Error("no scheme in the report");
  return scheme;
};

/** Money and counts are formatted with no-break spaces whose code points depend on ICU. */
const plain = (s: string | null | undefined): string => (s ?? "").replace(/\s/g, " ");

describe("erasmus-staff: reasons and hints", () => {
  it("says a 1-day stay at KTH is 1 day short (rulebook §10, worked example 4)", () => {
    const kth = { host: { partner: "kth" }, start: "2027-03-08", end: "2027-03-08" };
    const en = criterionOf(run({ personnel: TEACHER, mobility: kth }, "en"), "duration");
    expect(en.status).toBe("unmet");
    expect(plain(en.hint)).toMatch(/\b1 day more\b/);
    const fr = criterionOf(run({ personnel: TEACHER, mobility: kth }, "fr"), "duration");
    expect(plain(fr.hint)).toMatch(/\b1 jour de plus\b/);
  });

  it("asks for 1 more teaching hour when a week has 7", () => {
    const week = { ...BERLIN_WEEK, end: "2027-03-14" };
    const hours = criterionOf(
      run({ personnel: { ...TEACHER, teachingHours: 7 }, mobility: week }),
      "teaching-hours",
    );
    expect(plain(hours.reason)).toBe(
      "You teach 7 hours over 7 days of activity; a teaching assignment requires at least 8 hours.",
    );
    expect(plain(hours.hint)).toBe("Teach at least 8 hours, 1 hour more.");
  });

  it("says in plain sentences that a training stay has no hours to show and may be anywhere", () => {
    const training = { role: "administrative", activity: "training" };
    const munich = { ...BERLIN_WEEK, host: { country: "DE", city: "München" } };
    const en = run({ personnel: training, mobility: munich });
    expect(criterionOf(en, "teaching-hours")).toMatchObject({
      status: "met",
      reason: "A training stay has no teaching hours to show.",
    });
    expect(criterionOf(en, "host")).toMatchObject({
      status: "met",
      reason: "A training stay may be at any organisation.",
    });
    const fr = run({ personnel: training, mobility: munich }, "fr");
    expect(criterionOf(fr, "teaching-hours").reason).toBe(
      "Une mobilité de formation n'a pas d'heures d'enseignement à justifier.",
    );
    expect(criterionOf(fr, "host").reason).toBe(
      "Une mobilité de formation peut se faire dans tout organisme.",
    );
  });

  it("says a teaching stay needs an Erasmus+ partner, and how to meet it", () => {
    const munich = { ...BERLIN_WEEK, host: { country: "DE", city: "München" } };
    const host = criterionOf(run({ personnel: TEACHER, mobility: munich }, "fr"), "host");
    expect(host.status).toBe("unmet");
    expect(host.reason).toBe(
      "Une mission d'enseignement se fait chez un partenaire de l'école lié par un accord interinstitutionnel Erasmus+ ; l'établissement d'accueil ne l'est pas.",
    );
    expect(host.hint).toBe(
      "Choisissez un établissement partenaire lié par un accord Erasmus+, ou une mobilité de formation.",
    );
  });

  it("writes the host and hours rules as sentences on the rule page", () => {
    const registry = createRegistry({
      institution: TELECOM_PARIS,
      plugins: [erasmusStaff.configure()],
      partners: DEMO_PARTNER_CATALOGUE.partners,
    });
    const plugin = registry.byId.get("erasmus-staff");
    if (!plugin) throw new Error("no erasmus-staff in the registry");
    for (const lang of ["fr", "en"] as const) {
      const rules = describeSchemeRules(plugin, registry, lang, "2026-11-26");
      const sentences = rules.periods[0]?.criteria.map((c) => c.sentence) ?? [];
      expect(sentences.join(" ")).not.toMatch(/Si l'activité|If the activity|applies only/);
      expect(sentences).toContain(
        {
          fr: "Une mission d'enseignement compte au moins 8 heures d'enseignement par semaine entière d'activité, et 8 heures pour moins d'une semaine ; une mobilité de formation n'a pas d'heures d'enseignement à justifier.",
          en: "A teaching assignment includes at least 8 teaching hours for each whole week of activity, and 8 hours under a week; a training stay has no teaching hours to show.",
        }[lang],
      );
    }
  });

  it("asks the activity and the hours while the activity is unknown", () => {
    const munich = { ...BERLIN_WEEK, host: { country: "DE", city: "München" } };
    const scheme = run({ personnel: { role: "teaching" }, mobility: munich });
    expect(scheme.verdict).toBe("incomplete");
    expect(criterionOf(scheme, "host").status).toBe("unknown");
    expect(criterionOf(scheme, "host").reason).toBe(
      "Not answered yet: the stay's activity (teaching or training).",
    );
    expect(criterionOf(scheme, "teaching-hours").status).toBe("unknown");
    expect(criterionOf(scheme, "teaching-hours").reason).toBe(
      "Not answered yet: the stay's activity and, for a teaching assignment, its teaching hours.",
    );
    const fr = run({ personnel: { role: "teaching" }, mobility: munich }, "fr");
    expect(criterionOf(fr, "teaching-hours").reason).toBe(
      "Pas encore renseigné : l'activité du séjour et, pour une mission d'enseignement, ses heures d'enseignement.",
    );
    expect(scheme.missing).toEqual(
      expect.arrayContaining(["personnel.activity", "personnel.teachingHours"]),
    );
  });

  it("is ineligible on participant for a student", () => {
    const scheme = run({
      student: { programme: { level: "engineering" } },
      mobility: BERLIN_WEEK,
    });
    expect(criterionOf(scheme, "participant").status).toBe("unmet");
  });
});

describe("erasmus-staff: estimate", () => {
  it("writes the worked example's lines, its confidence and what it leaves out", () => {
    const scheme = run({ personnel: TEACHER, mobility: { ...BERLIN_WEEK, greenTravel: false } });
    expect(scheme.estimate?.totalCents).toBe(156_900);
    expect(scheme.estimate?.lines.map((l) => [l.id, plain(l.basis)])).toEqual([
      ["individual-support", "€180 × (5 days of activity + 2 days of travel)"],
      ["travel", "band 500–1,999 km (890 km one way), standard rate"],
    ]);
    // group 1 rate and full-rate days secondary, the 2 travel days official (wikis.ec.europa.eu)
    expect(scheme.estimate?.confidence).toBe("secondary");
    expect(scheme.estimate?.notes.join(" ")).toContain("inclusion support");
  });

  it("pays days 15 and on at 70 % and says so in the basis (worked example 2)", () => {
    const cvut = { host: { partner: "cvut" }, start: "2027-05-03", end: "2027-05-22" };
    const training = { role: "administrative", activity: "training" };
    const scheme = run({ personnel: training, mobility: cvut }, "fr");
    expect(scheme.estimate?.totalCents).toBe(354_100);
    expect(plain(scheme.estimate?.lines[0]?.basis)).toBe(
      "160 € × (14 jours d'activité + 2 jours de voyage) + 112 € (70 %) × 6 jours d'activité",
    );
  });

  it("says the green travel days are assumed, and what green travel would add when not said", () => {
    const green = run({ personnel: TEACHER, mobility: { ...BERLIN_WEEK, greenTravel: true } });
    expect(green.estimate?.notes.join(" ")).toContain("4 days of extra travel are assumed");
    const unsaid = run({ personnel: TEACHER, mobility: BERLIN_WEEK });
    expect(plain(unsaid.estimate?.notes.join(" "))).toContain(
      "With green travel: 4 days of extra travel (€720) and travel support of €417 instead of €309",
    );
  });
});

describe("erasmus-staff: documents", () => {
  it("lists the teaching programme, the grant agreement, the certificate with the hours, and the green travel proof", () => {
    const scheme = run({ personnel: TEACHER, mobility: { ...BERLIN_WEEK, greenTravel: true } });
    expect(scheme.documents.map((d) => [d.id, d.due])).toEqual([
      ["mobility-agreement", "before-departure"],
      ["grant-agreement", "before-departure"],
      ["attendance-certificate", "after-return"],
      ["green-travel-proof", "before-departure"],
    ]);
    expect(scheme.documents[0]?.label).toContain("Mobility Agreement for Teaching");
    expect(scheme.documents[2]?.label).toContain("teaching hours");
  });

  it("asks a training stay for its training programme and the dates only", () => {
    const training = { role: "administrative", activity: "training" };
    const scheme = run({ personnel: training, mobility: BERLIN_WEEK });
    expect(scheme.documents[0]?.label).toContain("Mobility Agreement for Training");
    expect(scheme.documents[2]?.label).not.toContain("hours");
  });
});

describe("erasmus-staff: options", () => {
  it("refuses bounds outside the programme's 2 to 60 days and extra days beyond 4", () => {
    expect(optionIssues(erasmusStaff, {})).toEqual([]);
    expect(optionIssues(erasmusStaff, { minDays: 1 })).toEqual(["minDays"]);
    expect(optionIssues(erasmusStaff, { maxDays: 61 })).toEqual(["maxDays"]);
    expect(optionIssues(erasmusStaff, { minDays: 10, maxDays: 5 })).toEqual(["maxDays"]);
    expect(optionIssues(erasmusStaff, { greenExtraTravelDays: 5 })).toEqual([
      "greenExtraTravelDays",
    ]);
  });

  it("refuses to price a country without an Erasmus+ group rather than take the lowest rate", () => {
    const configured = erasmusStaff.configure();
    const period = configured.periods[0];
    if (!period) throw new Error("no period");
    const stay = {
      host: { country: "US", city: "Boston" },
      start: "2027-03-08",
      end: "2027-03-12",
    };
    const ctx = makeEvaluationContext(
      SituationSchema.parse({ personnel: TEACHER, mobility: stay }),
      TELECOM_PARIS,
      () => undefined,
      "2026-11-26",
      "en",
    );
    expect(() => configured.estimate(ctx, period)).toThrow(
      "erasmus-staff: no Erasmus+ country group for US in Call 2026",
    );
  });

  it("excludes the KA171 staff scheme by default", () => {
    expect(erasmusStaff.configure().exclusive).toEqual(["mic-staff"]);
  });
});

describe("erasmus-staff: the facts it declares", () => {
  it("declares the personnel facts its custom criteria read (STAFF_FACTS)", () => {
    const declared = erasmusStaff.configure().facts.map((f) => f.id);
    expect(declared).toEqual(
      expect.arrayContaining(["personnelActivity", "activityDays", "teachingHours"]),
    );
  });
});
