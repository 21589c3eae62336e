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
import { FULL_RATE_DAYS, staffIndividualSupport, TAPER_PERCENT } from "./staff-support.ts";
import { travelBand, travelBandConfidence, travelBandRange } from "./travel-bands.ts";

/** The figures a staff estimate reads: the daily rate in force for this host, and the travel days. */
export interface StaffEstimateFigures {
  /** The daily rate for this host (by its country group for KA131, one rate for KA171). */
  readonly dailyRate: Figure<number>;
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
const travelBasis = (distanceKm: number, call: number, green: boolean, lang: Lang): string => {
  const { fromKm, toKm } = travelBandRange(distanceKm, call);
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
 * "180 € × (5 jours d'activité + 2 jours de voyage)", and past the 14th day "+ 126 € × 6 jours
 * d'activité" at 70 % of the rate.
 */
const supportBasis = (rate: number, activity: number, travel: number, lang: Lang): string => {
  const full = Math.min(activity, FULL_RATE_DAYS);
  const later = activity - full;
  const head = {
    fr: `${formatMoney(rate, lang)} × (${days(full, lang)} d'activité + ${days(travel, lang)} de voyage)`,
    en: `${formatMoney(rate, lang)} × (${days(full, lang)} of activity + ${days(travel, lang)} of travel)`,
  }[lang];
  if (later === 0) return head;
  const tapered = formatMoney((rate * TAPER_PERCENT) / 100, lang);
  return {
    fr: `${head} + ${tapered} (${TAPER_PERCENT} %) × ${days(later, lang)} d'activité`,
    en: `${head} + ${tapered} (${TAPER_PERCENT} %) × ${days(later, lang)} of activity`,
  }[lang];
};

/**
 * The estimate of a staff stay, the same for both staff schemes (rulebook §10): the individual
 * support (`staffIndividualSupport`: the daily rate for the first 14 activity days and every
 * travel day, 70 % of it after) and the travel band of the distance and call (always; the green
 * column with green travel, which also adds the extra travel days). Its notes say what is
 * assumed and what is left out; the plugin adds its own.
 *
 * @example
 * staffEstimate(ctx, "en", { dailyRate, travelDays, greenExtraDays }) // 5 days at TU Berlin: 1 260 € + 309 €
 */
export const staffEstimate = (
  ctx: EvaluationContext,
  lang: Lang,
  figures: StaffEstimateFigures,
): EstimateDraft => {
  const { dailyRate, travelDays, greenExtraDays } = figures;
  // the two dates are required, so the activity days are always known
  const activity = facts.activityDays.get(ctx) ?? 0;
  const green = facts.greenTravel.get(ctx);
  const extra = green === true ? greenExtraDays.value : 0;
  const travel = travelDays.value + extra;
  const rate = dailyRate.value;
  const used = [dailyRate.confidence, travelDays.confidence];
  if (extra > 0) used.push(greenExtraDays.confidence);
  const lines: EstimateLine[] = [
    {
      id: "individual-support",
      label: { fr: "Soutien individuel", en: "Individual support" },
      amount: staffIndividualSupport(rate, activity, travel),
      basis: supportBasis(rate, activity, travel, lang),
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
    const band = travelBand(ctx.distanceKm, call);
    lines.push({
      id: "travel",
      label: { fr: "Forfait voyage (aller-retour)", en: "Travel support (round trip)" },
      amount: cents(green === true ? band.greenCents : band.standardCents),
      basis: travelBasis(ctx.distanceKm, call, green === true, lang),
      covers: "transport",
    });
    used.push(travelBandConfidence(band.fromKm, call));
    if (green === undefined && (band.greenCents > band.standardCents || greenExtraDays.value > 0)) {
      const more = formatMoney(rate * greenExtraDays.value, lang);
      notes.push(
        {
          fr: `Avec un voyage bas carbone : ${days(greenExtraDays.value, lang)} de voyage en plus (${more}) et un forfait voyage de ${formatMoney(band.greenCents, "fr")} au lieu de ${formatMoney(band.standardCents, "fr")}.`,
          en: `With green travel: ${days(greenExtraDays.value, lang)} of extra travel (${more}) and travel support of ${formatMoney(band.greenCents, "en")} instead of ${formatMoney(band.standardCents, "en")}.`,
        }[lang],
      );
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
