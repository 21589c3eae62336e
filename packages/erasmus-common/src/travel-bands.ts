import { type Confidence, formatInteger, formatMoney, type Lang } from "@envol/domain";
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
 * How sure we are of one row of {@link TRAVEL_BANDS} (funding-research.md §9): Call 2024 rows
 * below 3 000 km were read on vu.nl (official), the ≥ 8 000 km amount on mfja.fr (secondary),
 * the 3 000–7 999 km rows are recalled (assumed); the Calls 2021-2023 table comes from a
 * university page (secondary). Erasmus+ and the international credit mobility pay the same
 * rows, so a line reports the confidence of the row it used.
 */
export const travelBandConfidence = (fromKm: number, callYear: number): Confidence => {
  if (callYear < 2024) return "secondary";
  if (fromKm >= 8000) return "secondary";
  if (fromKm >= 3000) return "assumed";
  return "official";
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
 * The band a one-way distance falls in. Distances are compared as whole kilometres, rounded
 * down, as the Commission's calculator shows them (99.6 km is in the 10-99 band).
 */
export const travelBand = (distanceKm: number, callYear: number): TravelBand => {
  const km = Math.floor(distanceKm);
  const table = TRAVEL_BANDS.at(callYear);
  let found = table[0] as TravelBand;
  for (const band of table) if (band.fromKm <= km) found = band;
  return found;
};

/** The band's label for explanations: "500–1 999 km". */
export const travelBandRange = (
  distanceKm: number,
  callYear: number,
): { fromKm: number; toKm: number | undefined } => {
  const km = Math.floor(distanceKm);
  const table = TRAVEL_BANDS.at(callYear);
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
