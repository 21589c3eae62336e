import {
  type Confidence,
  cents,
  type ErasmusCountryGroup,
  type EstimateDraft,
  type EstimateLine,
  type EvaluationContext,
  erasmusCountryGroup,
  type Figure,
  facts,
  formatMoney,
  formatQuantity,
  lumpSumBasis,
  monthlyBasis,
  prorata,
  type Text,
  type TravelBand,
  travelBand,
  travelBandConfidence,
  travelBandRange,
  weakest,
} from "@envol/domain";
import type { ErasmusParameters } from "./erasmus.ts";

/** A part of a sentence left out in both languages. */
const NOTHING: Text = { fr: "", en: "" };

/** The figures the estimate reads, as `parameters` gives them. */
type EstimateFigures = Pick<
  ErasmusParameters,
  | "rateGroup1"
  | "rateGroup2"
  | "rateGroup3"
  | "internshipTopUp"
  | "fewerOpportunitiesTopUp"
  | "travelSupport"
  | "greenTopUp"
>;

const rateOf = (p: EstimateFigures, group: ErasmusCountryGroup): Figure<number> =>
  group === 1 ? p.rateGroup1 : group === 2 ? p.rateGroup2 : p.rateGroup3;

/** "500–1999 km", "≥ 8000 km". */
const bandName = (distanceKm: number, callYear: number): string => {
  const { fromKm, toKm } = travelBandRange(distanceKm, callYear);
  return toKm === undefined ? `≥ ${fromKm} km` : `${fromKm}–${toKm} km`;
};

/** The travel line of the distance band, the green column when the student travels green. */
const travelLine = (
  distanceKm: number,
  callYear: number,
  green: boolean,
): { line: EstimateLine; confidence: Confidence; band: TravelBand } => {
  const band = travelBand(distanceKm, callYear);
  const amount = green ? band.greenCents : band.standardCents;
  const range = bandName(distanceKm, callYear);
  return {
    line: {
      id: "travel",
      label: { fr: "Forfait voyage", en: "Travel support" },
      amount: cents(amount),
      // whole km rounded down, as the band is chosen (travelBand): 499.6 km reads "499 km", in
      // the 100–499 band
      basis: {
        fr: `forfait aller-retour de ${formatMoney(amount, "fr")}, tranche ${range} (${formatQuantity(distanceKm, "km", "fr")})${green ? ", tarif bas carbone" : ""}`,
        en: `round-trip lump sum of ${formatMoney(amount, "en")}, ${range} band (${formatQuantity(distanceKm, "km", "en")})${green ? ", green rate" : ""}`,
      },
      covers: "transport",
    },
    confidence: travelBandConfidence(band.fromKm, callYear),
    band,
  };
};

/**
 * The standalone Erasmus+ amount (rulebook §2): the monthly rate of the host's country group
 * for the call year, plus the traineeship and fewer-opportunities top-ups (they stack), all
 * × fundedDays / 30; then the distance-band travel support when the policy grants it, or else
 * the one-off green top-up. A fact that only changes the amount and is not answered adds
 * nothing and becomes a note saying what it would add.
 */
export const estimateErasmus = (ctx: EvaluationContext, p: EstimateFigures): EstimateDraft => {
  const group = erasmusCountryGroup(ctx.host.country, ctx.callYear);
  // the `destination` criterion admits only countries that have a group, and the engine
  // estimates only when no criterion is unmet
  if (group === undefined)
    throw new Error(`erasmus: no Erasmus+ country group for ${ctx.host.country}`);
  const days = ctx.fundedDays;
  const kind = ctx.situation.mobility.kind;
  const fewer = facts.fewerOpportunities.get(ctx);
  const green = facts.greenTravel.get(ctx);

  const rate = rateOf(p, group);
  const used: Confidence[] = [rate.confidence];
  const lines: EstimateLine[] = [
    {
      id: "individual-support",
      label: {
        fr: `Soutien individuel (pays du groupe ${group})`,
        en: `Individual support (group ${group} country)`,
      },
      amount: prorata(rate.value, days, 30),
      basis: monthlyBasis(rate.value, days),
      covers: "living",
    },
  ];
  const notes: Text[] = [];

  const internship = p.internshipTopUp.value;
  if (kind === "internship") {
    used.push(p.internshipTopUp.confidence);
    lines.push({
      id: "internship-top-up",
      label: { fr: "Complément stage", en: "Traineeship top-up" },
      amount: prorata(internship, days, 30),
      basis: monthlyBasis(internship, days),
      covers: "living",
    });
  } else if (kind === undefined) {
    notes.push({
      fr: `+${formatMoney(internship, "fr")}/mois si la mobilité est un stage : non compté tant que le type de mobilité n'est pas renseigné.`,
      en: `+${formatMoney(internship, "en")}/month if the mobility is a traineeship: not counted until you tell us the kind of mobility.`,
    });
  }

  const topUp = p.fewerOpportunitiesTopUp.value;
  if (fewer === true) {
    used.push(p.fewerOpportunitiesTopUp.confidence);
    lines.push({
      id: "fewer-opportunities-top-up",
      label: { fr: "Complément moins d'opportunités", en: "Fewer-opportunities top-up" },
      amount: prorata(topUp, days, 30),
      basis: monthlyBasis(topUp, days),
      covers: "living",
    });
  }

  const policy = p.travelSupport.value;
  const travelApplies = policy === "all" || (policy === "fewer-opportunities" && fewer === true);
  // travel the student would get once fewer opportunities is answered yes
  const travelPending = policy === "fewer-opportunities" && fewer === undefined;

  if (travelApplies) {
    if (ctx.distanceKm === undefined) {
      notes.push({
        fr: "Forfait voyage non compté : la distance jusqu'à la ville d'accueil est inconnue (indiquez ses coordonnées ou choisissez un établissement partenaire).",
        en: "Travel support not counted: the distance to the host city is unknown (give its coordinates or choose a partner institution).",
      });
    } else {
      const travel = travelLine(ctx.distanceKm, ctx.callYear, green === true);
      used.push(travel.confidence, p.travelSupport.confidence);
      lines.push(travel.line);
      const { greenCents, standardCents } = travel.band;
      if (green === undefined && greenCents > standardCents) {
        const extra = greenCents - standardCents;
        notes.push({
          fr: `+${formatMoney(extra, "fr")} de forfait voyage en voyageant bas carbone (train, bus, covoiturage) : non compté tant que ce n'est pas renseigné.`,
          en: `+${formatMoney(extra, "en")} of travel support when travelling green (train, bus, car-pool): not counted until you tell us.`,
        });
      }
    }
  } else {
    const greenTopUp = p.greenTopUp.value;
    if (green === true) {
      used.push(p.greenTopUp.confidence);
      lines.push({
        id: "green-travel-top-up",
        label: { fr: "Complément voyage bas carbone", en: "Green travel top-up" },
        amount: cents(greenTopUp),
        basis: lumpSumBasis(greenTopUp),
        covers: "transport",
      });
    } else if (green === undefined) {
      notes.push({
        fr: `+${formatMoney(greenTopUp, "fr")} en voyageant bas carbone (train, bus, covoiturage) : non compté tant que ce n'est pas renseigné.`,
        en: `+${formatMoney(greenTopUp, "en")} when travelling green (train, bus, car-pool): not counted until you tell us.`,
      });
    }
  }

  if (fewer === undefined) {
    const travel =
      travelPending && ctx.distanceKm !== undefined
        ? travelBand(ctx.distanceKm, ctx.callYear)
        : undefined;
    const travelAmount = travel && (green === true ? travel.greenCents : travel.standardCents);
    const instead: Text =
      green === true
        ? {
            fr: `, au lieu du complément bas carbone de ${formatMoney(p.greenTopUp.value, "fr")}`,
            en: `, instead of the ${formatMoney(p.greenTopUp.value, "en")} green top-up`,
          }
        : NOTHING;
    const travelToo: Text = !travelPending
      ? NOTHING
      : travelAmount === undefined
        ? { fr: " et le forfait voyage", en: " and the travel support" }
        : {
            fr: ` et le forfait voyage (${formatMoney(travelAmount, "fr")}${instead.fr})`,
            en: ` and the travel support (${formatMoney(travelAmount, "en")}${instead.en})`,
          };
    notes.push({
      fr: `+${formatMoney(topUp, "fr")}/mois${travelToo.fr} si vous avez moins d'opportunités (échelon 6 ou 7, handicap, QPV ou ZRR) : non compté tant que ce n'est pas renseigné.`,
      en: `+${formatMoney(topUp, "en")}/month${travelToo.en} if you have fewer opportunities (échelon 6 or 7, disability, QPV or ZRR): not counted until you tell us.`,
    });
  }

  return { confidence: weakest(...used), lines, notes };
};
