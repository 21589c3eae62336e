import {
  type Confidence,
  type Figure,
  formatInteger,
  formatMoney,
  type Lang,
  weakest,
} from "@envol/domain";
import { callStart } from "./call-year.ts";
import { versioned } from "./versioned.ts";

/** One distance band: from `fromKm` (inclusive) up to the next band; amounts in cents for the round trip. */
export interface TravelBand {
  readonly fromKm: number;
  readonly standardCents: number;
  readonly greenCents: number;
}

const bands = (rows: readonly (readonly [number, number, number])[]): readonly TravelBand[] =>
  rows.map(([fromKm, standard, green]) => ({
    fromKm,
    standardCents: standard * 100,
    greenCents: green * 100,
  }));

/**
 * How sure we are of one row of {@link TRAVEL_BANDS} (funding-research.md §9, rulebook §0 as
 * revised 2026-12-05): Call 2024 rows below 3 000 km were read on vu.nl (official); the rows
 * from 3 000 km, once recalled, are now confirmed by university and agency pages (eu.daad.de,
 * fu-berlin.de for Call 2024, DHBW Mosbach for Call 2025) and the ≥ 8 000 km amount by mfja.fr
 * (secondary); the Calls 2021-2023 table comes from a university page (secondary). Erasmus+
 * and the international credit mobility pay the same rows, so a line reports the confidence of
 * the row it used.
 */
export const travelBandConfidence = (fromKm: number, callYear: number): Confidence => {
  if (callYear < 2024) return "secondary";
  if (fromKm >= 3000) return "secondary";
  return "official";
};

/** Where each call's table was read (funding-research.md §9, rulebook §0). */
const TRAVEL_BANDS_SOURCES: Readonly<Record<number, string>> = {
  2021:
    "funding-research.md §9, Calls 2021-2023: erasmus.gidatarim.edu.tr (full table), ru.nl " +
    "(green amounts)",
  2024:
    "rulebook §0 (revised 2026-12-05); funding-research.md §9, Call 2024 onwards: 10-2 999 km " +
    "rows vu.nl (official, its staff page); 3 000 km and more eu.daad.de and fu-berlin.de " +
    "(Call 2024), DHBW Mosbach (Call 2025), the 28 € and 1 735 € ends also mfja.fr",
};

/**
 * Erasmus+ travel support by one-way distance band (funding-research.md §9, rulebook §0).
 * Calls 2021-2023 had no green amount for some bands; the standard amount stands there.
 */
export const TRAVEL_BANDS = versioned([
  {
    fromCall: 2021,
    value: bands([
      [0, 0, 0],
      [10, 23, 23],
      [100, 180, 210],
      [500, 275, 320],
      [2000, 360, 410],
      [3000, 530, 610],
      [4000, 820, 820],
      [8000, 1500, 1500],
    ]),
  },
  {
    fromCall: 2024,
    value: bands([
      [0, 0, 0],
      [10, 28, 56],
      [100, 211, 285],
      [500, 309, 417],
      [2000, 395, 535],
      [3000, 580, 785],
      [4000, 1188, 1188],
      [8000, 1735, 1735],
    ]),
  },
]);

/**
 * A call's table of bands as a scheme's figure, dated from the call's start, with its sources
 * and the confidence of its weakest row: the one figure every Erasmus+ scheme shows.
 *
 * @example
 * parameters: { travelBands: travelBandsFigure(2024) }
 */
export const travelBandsFigure = (call: number): Figure<readonly TravelBand[]> => {
  const version = TRAVEL_BANDS.versions.findLast((v) => v.fromCall <= call);
  if (!version) throw new Error(`travelBandsFigure: no travel bands for Call ${call}`);
  const table = version.value;
  return {
    value: table,
    since: callStart(version.fromCall),
    source: TRAVEL_BANDS_SOURCES[version.fromCall] ?? "funding-research.md §9",
    confidence: weakest(...table.map((band) => travelBandConfidence(band.fromKm, call))),
    label: {
      fr: `Forfaits voyage par distance (appels ${version.fromCall} et suivants)`,
      en: `Travel support by distance (Calls ${version.fromCall} onwards)`,
    },
    format: formatTravelBands,
  };
};

/**
 * The band of `table` a one-way distance falls in. Distances are compared as whole kilometres,
 * rounded down, as the Commission's calculator shows them (99.6 km is in the 10-99 band).
 */
export const bandIn = (table: readonly TravelBand[], distanceKm: number): TravelBand => {
  const km = Math.floor(distanceKm);
  let found = table[0] as TravelBand;
  for (const band of table) if (band.fromKm <= km) found = band;
  return found;
};

/** The band a one-way distance falls in, in the call's table (see {@link bandIn}). */
export const travelBand = (distanceKm: number, callYear: number): TravelBand =>
  bandIn(TRAVEL_BANDS.at(callYear), distanceKm);

/** The band's label for explanations, in the call's table: "500–1 999 km". */
export const travelBandRange = (
  distanceKm: number,
  callYear: number,
): { fromKm: number; toKm: number | undefined } =>
  bandRangeIn(TRAVEL_BANDS.at(callYear), distanceKm);

/** The distances of the band of `table` a distance falls in: 500 and 1 999 for 890 km. */
export const bandRangeIn = (
  table: readonly TravelBand[],
  distanceKm: number,
): { fromKm: number; toKm: number | undefined } => {
  const km = Math.floor(distanceKm);
  const index = table.findLastIndex((b) => b.fromKm <= km);
  const next = table[index + 1];
  return { fromKm: table[index]?.fromKm ?? 0, toKm: next ? next.fromKm - 1 : undefined };
};

/** The French colon and semicolon take a no-break space before them. */
const PUNCTUATION = {
  fr: { colon: "\u00a0: ", semicolon: "\u00a0; " },
  en: { colon: ": ", semicolon: "; " },
};

/**
 * A table of bands as the rule pages write it: each paid band with its distances and amounts,
 * the green amount when it differs ("10–99 km : 28 € (56 € en voyage bas carbone)").
 */
export const formatTravelBands = (table: readonly TravelBand[], lang: Lang): string =>
  table
    .flatMap((band, i) => {
      if (band.standardCents === 0 && band.greenCents === 0) return [];
      const next = table[i + 1];
      const from = formatInteger(band.fromKm, lang);
      const km = next
        ? `${from}–${formatInteger(next.fromKm - 1, lang)} km`
        : { fr: `${from} km et plus`, en: `${from} km or more` }[lang];
      const green =
        band.greenCents === band.standardCents
          ? ""
          : {
              fr: ` (${formatMoney(band.greenCents, lang)} en voyage bas carbone)`,
              en: ` (${formatMoney(band.greenCents, lang)} with green travel)`,
            }[lang];
      return [`${km}${PUNCTUATION[lang].colon}${formatMoney(band.standardCents, lang)}${green}`];
    })
    .join(PUNCTUATION[lang].semicolon);
