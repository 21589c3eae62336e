import {
  CONFIGURED_SOURCE,
  createRegistry,
  evaluate,
  type Institution,
  type Lang,
  makeEvaluationContext,
  type Partner,
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
import { mic } from "./mic.ts";

/**
 * Fictional KA171 partners placed half a kilometre either side of three band edges (rulebook §0
 * travel bands). A destination typed by hand can be put anywhere but never claims an agreement,
 * so it could not reach the estimate; the demo catalogue has no partner near an edge.
 */
const edge = (id: string, country: string, city: string, lat: number, lon: number): Partner => ({
  id,
  name: `Band-edge test partner (${city})`,
  country,
  city,
  lat,
  lon,
  agreements: ["ka171"],
});
const BAND_EDGE_PARTNERS: readonly Partner[] = [
  edge("edge-ua-1999", "UA", "Kyiv oblast", 50.45, 29.9692), // 1 999.50 km
  edge("edge-ua-2000", "UA", "Kyiv oblast", 50.45, 29.9834), // 2 000.50 km
  edge("edge-iq-3999", "IQ", "Najaf", 31.4924, 44.4), // 3 999.50 km
  edge("edge-iq-4000", "IQ", "Najaf", 31.4787, 44.4), // 4 000.50 km
  edge("edge-in-7999", "IN", "Chennai", 13.6594, 80.27), // 7 999.50 km
  edge("edge-in-8000", "IN", "Chennai", 13.6472, 80.27), // 8 000.50 km
];
const PARTNERS = [...DEMO_PARTNER_CATALOGUE.partners, ...BAND_EDGE_PARTNERS];

runPluginConformance(mic, cases as ConformanceCase[], {
  institution: TELECOM_PARIS,
  partners: PARTNERS,
  exempt: {
    // The ECHE is the institution's own fact: the table's institution holds it (unmet is
    // tested below with another institution) and it is never unknown.
    unmet: ["eche"],
    // Never unknown: the ECHE is a boolean of the institution; a destination (country) is
    // required by the situation; an agreement is true or false (a typed host has none);
    // funded days follow from the two required dates.
    unknown: ["eche", "destination", "project-partner", "duration"],
  },
});

const STUDENT = {
  programme: { level: "engineering", year: 2, mode: "initial" },
  crous: { boursier: true, echelon: "5" },
  fewerOpportunities: { disability: false, qpv: false, zrr: false },
  history: { erasmusDaysInCycle: 0 },
};

const situation = (host: unknown, student: unknown = STUDENT, extra: object = {}) =>
  SituationSchema.parse({
    student,
    mobility: {
      kind: "study",
      framework: "inter-institution-agreement",
      host,
      start: "2027-02-01",
      end: "2027-06-30",
      greenTravel: false,
      ...extra,
    },
  });

const run = (
  host: unknown,
  lang: Lang,
  opts: { institution?: Institution; student?: unknown; extra?: object } = {},
) => {
  const registry = createRegistry({
    institution: opts.institution ?? TELECOM_PARIS,
    plugins: [mic.configure()],
    partners: PARTNERS,
  });
  const report = evaluate(situation(host, opts.student, opts.extra), registry, {
    asOf: "2026-11-26",
    lang,
  });
  const scheme = report.schemes[0];
  if (!scheme) throw new Error("no scheme in the report");
  return scheme;
};

/** Money is formatted with a no-break space whose code point depends on the ICU version. */
const plain = (s: string | undefined): string => (s ?? "").replace(/\s/g, " ");

describe("mic: the institution's own facts", () => {
  it("is ineligible on eche when the home institution does not hold the Erasmus Charter", () => {
    const scheme = run({ partner: "tsinghua" }, "en", {
      institution: { ...TELECOM_PARIS, eche: false },
    });
    expect(scheme.verdict).toBe("ineligible");
    expect(criterionOf(scheme, "eche").status).toBe("unmet");
  });
});

describe("mic: reasons and hints", () => {
  it("explains a KA131 destination in French and English", () => {
    const fr = criterionOf(run({ partner: "tu-berlin" }, "fr"), "destination");
    expect(fr.reason).toContain("Allemagne");
    expect(fr.reason).toContain("un pays de destination Erasmus+ KA131");
    // the project criterion fails too: another country alone would not turn the answer
    expect(fr.hint).toBeNull();
    const en = criterionOf(run({ partner: "tu-berlin" }, "en"), "destination");
    expect(en.reason).toContain("Germany");
    expect(en.reason).toContain("an Erasmus+ KA131 destination country");
    expect(en.hint).toBeNull();
  });

  it("names the KA171 project when the host is not a partner of it", () => {
    const fr = criterionOf(run({ partner: "mcgill" }, "fr"), "project-partner");
    expect(fr.reason).toContain("projet KA171 de l'école");
    expect(fr.hint).toContain("si l'établissement d'accueil est partenaire de l'école");
    const en = criterionOf(run({ partner: "mcgill" }, "en"), "project-partner");
    expect(en.reason).toContain("the school's KA171 project");
    expect(en.hint).toContain("if the host is a partner of the school");
  });
});

describe("mic: estimate lines", () => {
  it("pays living costs monthly and travel as a band amount the alumni aid can subtract", () => {
    const configured = mic.configure();
    const draftIn = (lang: Lang) => {
      const ctx = makeEvaluationContext(
        situation({ partner: "tsinghua" }),
        TELECOM_PARIS,
        (id) => PARTNERS.find((p) => p.id === id),
        "2026-11-26",
        lang,
      );
      return configured.estimate(ctx, configured.periodFor("2027-02-01"));
    };
    const draft = draftIn("fr");
    expect(draft.lines.map((l) => [l.id, l.covers])).toEqual([
      ["individual-support", "living"],
      ["travel", "transport"],
    ]);
    expect(plain(draft.lines[0]?.basis)).toBe("700 € × 150/30 jours");
    expect(draftIn("en").lines[1]?.basis).toBe(
      "band 8,000 km and more (8,223 km one way), standard rate",
    );
    expect(draft.confidence).toBe("assumed");
  });

  it("leaves travel out with a note when the distance is unknown", () => {
    const configured = mic.configure();
    const ctx = makeEvaluationContext(
      situation({ partner: "tsinghua" }),
      TELECOM_PARIS,
      (id) => PARTNERS.find((p) => p.id === id),
      "2026-11-26",
      "en",
    );
    // Unreachable through the engine (a partner always has coordinates and a typed host no
    // agreement), but the contract allows an unknown distance, so the estimate must cope.
    const draft = configured.estimate(
      { ...ctx, distanceKm: undefined },
      configured.periodFor("2027-02-01"),
    );
    expect(draft.lines.map((l) => l.id)).toEqual(["individual-support"]);
    expect(draft.notes?.join(" ")).toContain("Travel support not counted");
  });

  it("says what the fewer-opportunities top-up would add when it is not answered", () => {
    const scheme = run({ partner: "tsinghua" }, "fr", {
      student: { ...STUDENT, crous: undefined, fewerOpportunities: undefined },
    });
    expect(plain(scheme.estimate?.notes.join(" "))).toContain("+ 250 € × 150/30 jours");
    expect(scheme.documents.map((d) => d.id)).toContain("fewer-opportunities-proof");
  });

  it("shows the green amount in a note when green travel is not answered and would pay more", () => {
    const scheme = run({ partner: "edge-ua-2000" }, "en", { extra: { greenTravel: undefined } });
    expect(scheme.estimate?.totalCents).toBe(389_500);
    expect(scheme.estimate?.notes.join(" ")).toContain("€535 instead of €395");
  });
});

describe("mic: documents", () => {
  it("asks for the proof of each fewer-opportunities ground and for green travel", () => {
    const scheme = run({ partner: "tsinghua" }, "en", {
      student: {
        ...STUDENT,
        crous: { boursier: true, echelon: "7" },
        fewerOpportunities: { disability: false, qpv: false, zrr: true },
      },
      extra: { greenTravel: true },
    });
    const ids = scheme.documents.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining(["crous-notice", "zrr-proof", "green-travel-proof"]),
    );
    expect(ids).not.toContain("disability-proof");
    expect(ids).not.toContain("fewer-opportunities-proof");
  });

  it("asks for a traineeship agreement instead of a learning agreement for an internship", () => {
    const ids = run({ partner: "tsinghua" }, "en", {
      extra: { kind: "internship", framework: "internship-agreement" },
    }).documents.map((d) => d.id);
    expect(ids).toContain("traineeship-agreement");
    expect(ids).not.toContain("learning-agreement");
  });
});

describe("mic: options", () => {
  it("names the bad field", () => {
    expect(optionIssues(mic, { monthlyRateCents: -70_000 })).toEqual(["monthlyRateCents"]);
    expect(optionIssues(mic, { minDays: 30 })).toEqual(["minDays"]);
    expect(optionIssues(mic, { minDays: 200, maxDays: 120 })).toEqual(["maxDays"]);
    expect(optionIssues(mic, { exclusiveWith: ["erasmus", "mic"] })).toEqual(["exclusiveWith"]);
    expect(optionIssues(mic, { levels: [] })).toEqual(["levels"]);
  });

  it("reports a configured rate as the institution's own figure", () => {
    const byDefault = mic.configure().periods[0]?.parameters.monthlyRate;
    expect(byDefault?.source).toContain("funding-research.md §3.3");
    expect(byDefault?.confidence).toBe("assumed");
    const configured = mic.configure({ monthlyRateCents: 78_600 }).periods[0]?.parameters
      .monthlyRate;
    expect(configured?.value).toBe(78_600);
    expect(configured?.source).toBe(CONFIGURED_SOURCE);
  });

  it("is exclusive with Erasmus+ and FITEC unless the school says otherwise", () => {
    expect(mic.configure().exclusive).toEqual(["erasmus", "fitec"]);
    expect(mic.configure({ exclusiveWith: ["erasmus"] }).exclusive).toEqual(["erasmus"]);
  });
});
