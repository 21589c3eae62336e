import {
  type Figure,
  type Lang,
  makeEvaluationContext,
  roundHalfUp,
  SituationSchema,
} from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import { describe, expect, it } from "vitest";
import { staffDocuments } from "./staff-documents.ts";
import { staffEstimate } from "./staff-estimate.ts";

const figure = (value: number, confidence: Figure<number>["confidence"]): Figure<number> => ({
  value,
  since: "2024-07-01",
  source: "rulebook §10",
  confidence,
  label: { fr: "Figure", en: "Figure" },
});
const FIGURES = {
  dailyRate: figure(18_000, "secondary"),
  travelDays: figure(2, "secondary"),
  greenExtraDays: figure(4, "assumed"),
};

const ctxOf = (mobility: object, personnel: object = { activity: "teaching" }, lang: Lang = "en") =>
  makeEvaluationContext(
    SituationSchema.parse({ personnel, mobility }),
    TELECOM_PARIS,
    (id) => DEMO_PARTNER_CATALOGUE.partners.find((p) => p.id === id),
    "2026-11-26",
    lang,
  );
const ADMIN = { role: "administrative", activity: "training" };
const BERLIN_WEEK = { host: { partner: "tu-berlin" }, start: "2027-03-08", end: "2027-03-12" };
const cents = (draft: ReturnType<typeof staffEstimate>) =>
  draft.lines.map((l) => [l.id, roundHalfUp(l.amount)]);

describe("staffEstimate (rulebook §10)", () => {
  it("pays the activity and travel days and the standard band: 1 260 € + 309 €", () => {
    const draft = staffEstimate(ctxOf({ ...BERLIN_WEEK, greenTravel: false }), "en", FIGURES);
    expect(cents(draft)).toEqual([
      ["individual-support", 126_000],
      ["travel", 30_900],
    ]);
    // the figures it used are secondary, the 500-1 999 km row official
    expect(draft.confidence).toBe("secondary");
  });

  it("adds the green extra days and the green band with green travel, and says the days are assumed", () => {
    const draft = staffEstimate(ctxOf({ ...BERLIN_WEEK, greenTravel: true }), "en", FIGURES);
    expect(cents(draft)).toEqual([
      ["individual-support", 198_000],
      ["travel", 41_700],
    ]);
    expect(draft.confidence).toBe("assumed");
    expect(draft.notes?.[0]).toContain("4 days of extra travel are assumed");
  });

  it("leaves the travel band out, with a note, when the host has no coordinates", () => {
    const typed = { ...BERLIN_WEEK, host: { country: "DE", city: "München" } };
    const draft = staffEstimate(ctxOf(typed), "fr", FIGURES);
    expect(cents(draft)).toEqual([["individual-support", 126_000]]);
    expect(draft.notes?.[0]).toContain("Forfait voyage non compté");
  });
});

describe("staffDocuments (rulebook §10)", () => {
  it("asks for the programme, the grant agreement and the certificate, the hours named until the activity is known", () => {
    const docs = staffDocuments(ctxOf(BERLIN_WEEK, {}));
    expect(docs.map((d) => d.id)).toEqual([
      "mobility-agreement",
      "grant-agreement",
      "attendance-certificate",
    ]);
    expect(docs[0]?.label.en).toContain("Teaching or training programme");
    expect(docs[2]?.label.en).toContain("teaching hours");
    expect(docs[2]?.due).toBe("after-return");
  });

  it("adds the green travel proof when the stay says green travel", () => {
    const docs = staffDocuments(ctxOf({ ...BERLIN_WEEK, greenTravel: true }, ADMIN));
    expect(docs.map((d) => d.id)).toContain("green-travel-proof");
    expect(docs[2]?.label.en).not.toContain("hours");
  });
});
