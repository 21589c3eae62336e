import {
  CONFIGURED_SOURCE,
  createRegistry,
  evaluate,
  type Lang,
  makeEvaluationContext,
  SituationSchema,
} from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import { type ConformanceCase, optionIssues, runPluginConformance } from "@envol/domain/testing";
import { describe, expect, it } from "vitest";
import cases from "../cases.json" with { type: "json" };
import { fitec } from "./fitec.ts";

const PARTNERS = DEMO_PARTNER_CATALOGUE.partners;

runPluginConformance(fitec, cases as ConformanceCase[], {
  institution: TELECOM_PARIS,
  partners: PARTNERS,
  // the programme's own name, written so in both languages
  properNames: ["BRAFITEC / ARFITEC / MEXFITEC"],
  // Never unknown: a destination (country) is required by the situation; a host either has
  // the agreement or not (a typed host has none); funded days follow from the two required dates.
  exempt: { unknown: ["destination", "project", "duration"] },
});

const situation = (host: unknown, extra: object = {}) =>
  SituationSchema.parse({
    student: { programme: { level: "engineering", year: 2, mode: "initial" } },
    mobility: {
      kind: "study",
      framework: "inter-institution-agreement",
      host,
      start: "2027-02-01",
      end: "2027-06-30",
      ...extra,
    },
  });

const run = (host: unknown, lang: Lang, extra: object = {}) => {
  const registry = createRegistry({
    institution: TELECOM_PARIS,
    plugins: [fitec.configure()],
    partners: PARTNERS,
  });
  const scheme = evaluate(situation(host, extra), registry, { asOf: "2026-11-26", lang })
    .schemes[0];
  if (!scheme) throw new Error("no scheme in the report");
  return scheme;
};

/** Money is formatted with a no-break space whose code point depends on the ICU version. */
const plain = (s: string | undefined): string => (s ?? "").replace(/\s/g, " ");

describe("fitec: reasons and hints", () => {
  it("says in one sentence that the host is in no project of its country's programme", () => {
    const fr = run({ partner: "unam" }, "fr").criteria.find((c) => c.id === "project");
    expect(fr?.status).toBe("unmet");
    expect(fr?.reason).toContain("projet FITEC de l'école pour son pays");
    expect(fr?.reason).toContain("MEXFITEC – Mexique");
    expect(fr?.reason).toMatch(/^L'établissement d'accueil ne participe à aucun projet FITEC/);
    expect(fr?.hint).toMatch(
      /^Cette condition est remplie si l'établissement d'accueil participe à un projet FITEC .*\)\.$/,
    );
    const en = run({ partner: "unam" }, "en").criteria.find((c) => c.id === "project");
    expect(en?.reason).toContain("one of the school's FITEC projects for its country");
    expect(en?.reason).toContain("MEXFITEC – Mexico");
    expect(en?.hint).toMatch(/^This condition is met if the host takes part in one of .*\)\.$/);
  });

  it("names the programme countries when the destination is elsewhere", () => {
    const en = run({ partner: "tsinghua" }, "en").criteria.find((c) => c.id === "destination");
    expect(en?.reason).toContain("Brazil, Argentina or Mexico");
    expect(en?.reason).toContain("China");
    // another country alone would leave the project criterion failing: no hint to offer
    expect(en?.hint).toBeNull();
  });
});

describe("fitec: estimate", () => {
  it("pays travel as a lump sum the alumni aid can subtract, and the allowance per semester", () => {
    const configured = fitec.configure();
    const ctx = makeEvaluationContext(
      situation({ partner: "usp" }),
      TELECOM_PARIS,
      (id) => PARTNERS.find((p) => p.id === id),
      "2026-11-26",
      "fr",
    );
    const draft = configured.estimate(ctx, configured.periodFor("2027-02-01"));
    expect(draft.lines.map((l) => [l.id, l.covers])).toEqual([
      ["travel-lump-sum", "transport"],
      ["semester-allowance", "living"],
    ]);
    expect(plain(draft.lines[1]?.basis)).toBe("2 000 € × 1 semestre (150 jours ≤ 180)");
    expect(draft.confidence).toBe("assumed");
  });

  it("notes the ARFITEC host allowance it leaves out, only in Argentina", () => {
    expect(run({ partner: "itba" }, "en").estimate?.notes.join(" ")).toContain("quarterly");
    expect(run({ partner: "usp" }, "en").estimate?.notes).toEqual([]);
  });
});

describe("fitec: documents", () => {
  it("asks for the language of the host country", () => {
    const label = (partner: string) =>
      run({ partner }, "en").documents.find((d) => d.id === "language-certificate")?.label;
    expect(label("usp")).toContain("Portuguese");
    expect(label("tec-monterrey")).toContain("Spanish");
  });
});

describe("fitec: options", () => {
  it("names the bad field", () => {
    expect(optionIssues(fitec, { semesterStipendCents: -1 })).toEqual(["semesterStipendCents"]);
    expect(
      optionIssues(fitec, {
        programmes: [{ country: "XX", name: "COLIFITEC", agreement: "colifitec" }],
      }),
    ).toEqual(["programmes.0.country"]);
    expect(
      optionIssues(fitec, {
        programmes: [
          { country: "BR", name: "BRAFITEC", agreement: "brafitec" },
          { country: "BR", name: "BRAFITEC 2", agreement: "brafitec-2" },
        ],
      }),
    ).toEqual(["programmes"]);
    expect(optionIssues(fitec, { exclusiveWith: ["fitec"] })).toEqual(["exclusiveWith"]);
  });

  it("reports a configured allowance as the institution's own figure", () => {
    const byDefault = fitec.configure().periods[0]?.parameters.semesterStipend;
    expect(byDefault?.source).toContain("BRAFAGRI");
    expect(byDefault?.confidence).toBe("assumed");
    const configured = fitec.configure({ semesterStipendCents: 250_000 }).periods[0]?.parameters
      .semesterStipend;
    expect(configured?.value).toBe(250_000);
    expect(configured?.source).toBe(CONFIGURED_SOURCE);
  });

  it("is exclusive with the international credit mobility unless the school says otherwise", () => {
    expect(fitec.configure().exclusive).toEqual(["mic"]);
    expect(fitec.configure({ exclusiveWith: [] }).exclusive).toEqual([]);
  });
});
