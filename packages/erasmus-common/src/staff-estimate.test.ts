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
import { type TravelBand, travelBandsFigure } from "./travel-bands.ts";

const figure = (value: number, confidence: Figure<number>["confidence"]): Figure<number> => ({
  value,
  since: "2024-07-01",
  source: "rulebook §10",
  confidence,
  label: { fr: "Figure", en: "Figure" },
});
const FIGURES = {
  dailyRate: figure(18_000, "secondary"),
  fullRateDays: figure(14, "secondary"),
  taperPercent: figure(70, "secondary"),
  travelDays: figure(2, "secondary"),
  greenExtraDays: figure(4, "assumed"),
  travelBands: travelBandsFigure(2024),
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
const BEIJING_WEEK = { host: { partner: "tsinghua" }, start: "2027-04-12", end: "2027-04-16" };
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

  it("computes with the period's figures it shows, not Call 2024's: full-rate days, taper and bands", () => {
    const bands: readonly TravelBand[] = [
      { fromKm: 0, standardCents: 0, greenCents: 0 },
      { fromKm: 100, standardCents: 40_000, greenCents: 50_000 },
    ];
    const later = {
      ...FIGURES,
      dailyRate: figure(10_000, "official"),
      fullRateDays: figure(10, "official"),
      taperPercent: figure(50, "official"),
      travelBands: { ...FIGURES.travelBands, value: bands },
    };
    // 15 days at TU Berlin: 100 € × (10 + 2) + 50 € × 5 = 1 450 €, and the 100 km-and-more band
    const fortnight = { ...BERLIN_WEEK, end: "2027-03-22", greenTravel: false };
    const draft = staffEstimate(ctxOf(fortnight), "en", later);
    expect(cents(draft)).toEqual([
      ["individual-support", 145_000],
      ["travel", 40_000],
    ]);
    const [support, travel] = draft.lines.map((l) => l.basis.replace(/\s/g, " "));
    expect(support).toBe(
      "€100 × (10 days of activity + 2 days of travel) + €50 (50 %) × 5 days of activity",
    );
    expect(travel).toBe("band 100 km and more (890 km one way), standard rate");
  });

  it("names only what green travel changes: the extra days where the bands are equal", () => {
    const en = staffEstimate(ctxOf(BEIJING_WEEK), "en", FIGURES).notes?.join(" ") ?? "";
    expect(en.replace(/\s/g, " ")).toContain("With green travel: 4 days of extra travel (€720).");
    expect(en).not.toContain("instead of");
    const fr = staffEstimate(ctxOf(BEIJING_WEEK, undefined, "fr"), "fr", FIGURES).notes?.join(" ");
    expect(fr?.replace(/\s/g, " ")).toContain(
      "Avec un voyage bas carbone : 4 jours de voyage en plus (720 €).",
    );
  });

  it("says nothing of green travel when it changes nothing, and only the band when no extra day is paid", () => {
    const noExtra = { ...FIGURES, greenExtraDays: figure(0, "official") };
    for (const lang of ["fr", "en"] as const) {
      const notes = staffEstimate(ctxOf(BEIJING_WEEK, undefined, lang), lang, noExtra).notes ?? [];
      expect(notes.join(" ")).not.toMatch(/bas carbone|green travel|0 €|€0/);
    }
    const berlin = staffEstimate(ctxOf(BERLIN_WEEK), "en", noExtra).notes?.join(" ") ?? "";
    expect(berlin.replace(/\s/g, " ")).toContain(
      "With green travel: travel support of €417 instead of €309.",
    );
    expect(berlin).not.toContain("extra travel");
  });

  it("leaves the travel band out, with a note, when the host has no coordinates", () => {
    const typed = { ...BERLIN_WEEK, host: { country: "DE", city: "München" } };
    const draft = staffEstimate(ctxOf(typed), "fr", FIGURES);
    expect(cents(draft)).toEqual([["individual-support", 126_000]]);
    expect(draft.notes?.[0]).toContain("Forfait voyage non compté");
    const en = staffEstimate(ctxOf(typed, undefined, "en"), "en", FIGURES);
    expect(en.notes?.[0]).toBe(
      "Travel support not counted: the distance is unknown without the host city's coordinates.",
    );
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
