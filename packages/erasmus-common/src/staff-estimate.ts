import {
  cents,
  type EstimateDraft,
  type EstimateLine,
  type EvaluationContext,
  type Figure,
  facts,
  formatInteger,
  formatMoney,
  formatQuantity,
  type Lang,
  type Text,
  weakest,
} from "@envol/domain";
import { callYear } from "./call-year.ts";
import { type StaffTaper, staffIndividualSupport } from "./staff-support.ts";
import { bandIn, bandRangeIn, type TravelBand, travelBandConfidence } from "./travel-bands.ts";

/**
 * The figures a staff estimate reads, all the period's (those its rule pages show): the daily
 * rate in force for this host, how the days are paid, and the travel bands.
 */
export interface StaffEstimateFigures {
  /** The daily rate for this host (by its country group for KA131, one rate for KA171). */
  readonly dailyRate: Figure<number>;
  /** Activity days paid at the full daily rate (14 from Call 2024). */
  readonly fullRateDays: Figure<number>;
  /** The share of the daily rate, in percent, for each later activity day (70 from Call 2024). */
  readonly taperPercent: Figure<number>;
  /** The travel support by one-way distance band. */
  readonly travelBands: Figure<readonly TravelBand[]>;
  /** Travel days paid on top of the activity days: one before, one after (rulebook §10). */
  readonly travelDays: Figure<number>;
  /** The extra travel days paid with green travel (rulebook §10: up to 4, an assumption). */
  readonly greenExtraDays: Figure<number>;
}

const AND_MORE: Text = { fr: "et plus", en: "and more" };

/**
 * "tranche 500–1 999 km (890 km aller), tarif standard": the distance shows rounded down, as the
 * band is chosen (`travelBand`).
 */
const travelBasis = (
  distanceKm: number,
  table: readonly TravelBand[],
  green: boolean,
  lang: Lang,
): string => {
  const { fromKm, toKm } = bandRangeIn(table, distanceKm);
  const range =
    toKm === undefined
      ? `${formatInteger(fromKm, lang)} km ${AND_MORE[lang]}`
      : `${formatInteger(fromKm, lang)}–${formatInteger(toKm, lang)} km`;
  const km = formatInteger(Math.floor(distanceKm), lang);
  return {
    fr: `tranche ${range} (${km} km aller), tarif ${green ? "voyage bas carbone" : "standard"}`,
    en: `band ${range} (${km} km one way), ${green ? "green travel" : "standard"} rate`,
  }[lang];
};

const days = (n: number, lang: Lang): string => formatQuantity(n, "days", lang);

/**
 * "180 € × (5 jours d'activité + 2 jours de voyage)", and past the full-rate days (14) "+ 126 €
 * (70 %) × 6 jours d'activité".
 */
const supportBasis = (
  rate: number,
  activity: number,
  travel: number,
  { fullRateDays, taperPercent }: StaffTaper,
  lang: Lang,
): string => {
  const full = Math.min(activity, fullRateDays);
  const later = activity - full;
  const head = {
    fr: `${formatMoney(rate, lang)} × (${days(full, lang)} d'activité + ${days(travel, lang)} de voyage)`,
    en: `${formatMoney(rate, lang)} × (${days(full, lang)} of activity + ${days(travel, lang)} of travel)`,
  }[lang];
  if (later === 0) return head;
  const tapered = formatMoney((rate * taperPercent) / 100, lang);
  return {
    fr: `${head} + ${tapered} (${taperPercent} %) × ${days(later, lang)} d'activité`,
    en: `${head} + ${tapered} (${taperPercent} %) × ${days(later, lang)} of activity`,
  }[lang];
};

/**
 * What green travel would change for a stay that does not say how it travels: only what differs
 * (the extra travel days, a higher band), nothing when nothing does (every band from 4 000 km
 * pays the same, and a school may pay no extra day).
 */
const greenTravelNote = (
  band: TravelBand,
  rate: number,
  extraDays: number,
  lang: Lang,
): string | undefined => {
  const changes: string[] = [];
  if (extraDays > 0) {
    const more = formatMoney(rate * extraDays, lang);
    changes.push(
      {
        fr: `${days(extraDays, lang)} de voyage en plus (${more})`,
        en: `${days(extraDays, lang)} of extra travel (${more})`,
      }[lang],
    );
  }
  if (band.greenCents !== band.standardCents) {
    const [green, standard] = [
      formatMoney(band.greenCents, lang),
      formatMoney(band.standardCents, lang),
    ];
    changes.push(
      {
        fr: `un forfait voyage de ${green} au lieu de ${standard}`,
        en: `travel support of ${green} instead of ${standard}`,
      }[lang],
    );
  }
  if (changes.length === 0) return undefined;
  const and = { fr: " et ", en: " and " }[lang];
  return {
    fr: `Avec un voyage bas carbone : ${changes.join(and)}.`,
    en: `With green travel: ${changes.join(and)}.`,
  }[lang];
};

/**
 * The estimate of a staff stay, the same for both staff schemes (rulebook §10), computed with the
 * period's figures it is given: the individual support (`staffIndividualSupport`: the daily rate
 * for the full-rate activity days and every travel day, the tapered share after) and the
 * distance's travel band (always; the green column with green travel, which also adds the extra
 * travel days). Its notes say what is assumed and what is left out; the plugin adds its own.
 *
 * @example
 * staffEstimate(ctx, "en", { dailyRate: p.rateGroup1, ...p }) // 5 days at TU Berlin: 1 260 € + 309 €
 */
export const staffEstimate = (
  ctx: EvaluationContext,
  lang: Lang,
  figures: StaffEstimateFigures,
): EstimateDraft => {
  const { dailyRate, travelDays, greenExtraDays, travelBands } = figures;
  const taper = {
    fullRateDays: figures.fullRateDays.value,
    taperPercent: figures.taperPercent.value,
  };
  // the two dates are required, so the activity days are always known
  const activity = facts.activityDays.get(ctx) ?? 0;
  const green = facts.greenTravel.get(ctx);
  const extra = green === true ? greenExtraDays.value : 0;
  const travel = travelDays.value + extra;
  const rate = dailyRate.value;
  const used = [
    dailyRate.confidence,
    travelDays.confidence,
    figures.fullRateDays.confidence,
    ...(activity > taper.fullRateDays ? [figures.taperPercent.confidence] : []),
  ];
  if (extra > 0) used.push(greenExtraDays.confidence);
  const lines: EstimateLine[] = [
    {
      id: "individual-support",
      label: { fr: "Soutien individuel", en: "Individual support" },
      amount: staffIndividualSupport(rate, activity, travel, taper),
      basis: supportBasis(rate, activity, travel, taper, lang),
      covers: "living",
    },
  ];
  const notes: string[] = [];
  if (extra > 0) {
    notes.push(
      {
        fr: `Voyage bas carbone : ${days(extra, lang)} de voyage en plus sont supposés (option de l'école, jusqu'à 4 selon le trajet réel).`,
        en: `Green travel: ${days(extra, lang)} of extra travel are assumed (the school's option, up to 4 depending on the actual journey).`,
      }[lang],
    );
  }
  const call = callYear(ctx);
  if (ctx.distanceKm === undefined) {
    notes.push(
      {
        fr: "Forfait voyage non compté : la distance est inconnue sans les coordonnées de la ville d'accueil.",
        en: "Travel support not counted: the distance is unknown without the host city's coordinates.",
      }[lang],
    );
  } else {
    const band = bandIn(travelBands.value, ctx.distanceKm);
    lines.push({
      id: "travel",
      label: { fr: "Forfait voyage (aller-retour)", en: "Travel support (round trip)" },
      amount: cents(green === true ? band.greenCents : band.standardCents),
      basis: travelBasis(ctx.distanceKm, travelBands.value, green === true, lang),
      covers: "transport",
    });
    used.push(travelBandConfidence(band.fromKm, call));
    if (green === undefined) {
      const note = greenTravelNote(band, rate, greenExtraDays.value, lang);
      if (note) notes.push(note);
    }
  }
  notes.push(
    {
      fr: "Non comptés : le soutien à l'inclusion (participants ayant moins d'opportunités) et les frais de voyage exceptionnels, versés sur demande ; l'école peut fixer des taux plus bas que ceux-ci.",
      en: "Not counted: inclusion support (participants with fewer opportunities) and exceptional travel costs, paid on request; the school may set lower rates than these.",
    }[lang],
  );
  return { lines, confidence: weakest(...used), notes };
};
