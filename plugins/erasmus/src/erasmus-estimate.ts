import {
  type Confidence,
  cents,
  type EstimateDraft,
  type EstimateLine,
  type EvaluationContext,
  type Figure,
  facts,
  formatMoney,
  formatQuantity,
  type Lang,
  monthlyBasis,
  prorata,
  weakest,
} from "@envol/domain";
import {
  callYear,
  type ErasmusCountryGroup,
  erasmusCountryGroup,
  type TravelBand,
  travelBand,
  travelBandConfidence,
  travelBandRange,
} from "@envol/erasmus-common";
import type { ErasmusParameters } from "./erasmus.ts";

/** The figures the estimate reads, as `parameters` gives them. */
type EstimateFigures = Pick<
  ErasmusParameters,
  | "rateGroup1"
  | "rateGroup2"
  | "rateGroup3"
  | "internshipTopUp"
  | "fewerOpportunitiesTopUp"
  | "travelSupport"
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
  lang: Lang,
): { line: EstimateLine; confidence: Confidence; band: TravelBand } => {
  const band = travelBand(distanceKm, callYear);
  const amount = green ? band.greenCents : band.standardCents;
  const range = bandName(distanceKm, callYear);
  const lumpSum = formatMoney(amount, lang);
  const km = formatQuantity(distanceKm, "km", lang);
  return {
    line: {
      id: "travel",
      label: { fr: "Forfait voyage", en: "Travel support" },
      amount: cents(amount),
      // whole km rounded down, as the band is chosen (travelBand): 499.6 km reads "499 km", in
      // the 100–499 band
      basis: {
        fr: `forfait aller-retour de ${lumpSum}, tranche ${range} (${km})${green ? ", tarif bas carbone" : ""}`,
        en: `round-trip lump sum of ${lumpSum}, ${range} band (${km})${green ? ", green rate" : ""}`,
      }[lang],
      covers: "transport",
    },
    confidence: travelBandConfidence(band.fromKm, callYear),
    band,
  };
};

/**
 * The standalone Erasmus+ amount (rulebook §2): the monthly rate of the host's country group
 * for the call year, plus the traineeship and fewer-opportunities top-ups (they stack), all
 * × fundedDays / 30; then the distance-band travel support when the call's policy grants it
 * (every participant from Call 2025). The one-off green top-up of Calls 2021–2023 is never paid,
 * and green travel days are not modelled: a note says so. A fact that only changes the amount and is not answered adds
 * nothing and becomes a note saying what it would add.
 */
export const estimateErasmus = (
  ctx: EvaluationContext,
  p: EstimateFigures,
  lang: Lang,
): EstimateDraft => {
  const money = (valueCents: number) => formatMoney(valueCents, lang);
  const group = erasmusCountryGroup(ctx.host.country, callYear(ctx));
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
      basis: monthlyBasis(rate.value, days, lang),
      covers: "living",
    },
  ];
  const notes: string[] = [];

  const internship = p.internshipTopUp.value;
  if (kind === "internship") {
    used.push(p.internshipTopUp.confidence);
    lines.push({
      id: "internship-top-up",
      label: { fr: "Complément stage", en: "Traineeship top-up" },
      amount: prorata(internship, days, 30),
      basis: monthlyBasis(internship, days, lang),
      covers: "living",
    });
  } else if (kind === undefined) {
    const more = money(internship);
    notes.push(
      {
        fr: `+${more}/mois si la mobilité est un stage : non compté tant que le type de mobilité n'est pas renseigné.`,
        en: `+${more}/month if the mobility is a traineeship: not counted until you tell us the kind of mobility.`,
      }[lang],
    );
  }

  const topUp = p.fewerOpportunitiesTopUp.value;
  if (fewer === true) {
    used.push(p.fewerOpportunitiesTopUp.confidence);
    lines.push({
      id: "fewer-opportunities-top-up",
      label: { fr: "Complément moins d'opportunités", en: "Fewer-opportunities top-up" },
      amount: prorata(topUp, days, 30),
      basis: monthlyBasis(topUp, days, lang),
      covers: "living",
    });
  }

  const policy = p.travelSupport.value;
  const travelApplies = policy === "all" || (policy === "fewer-opportunities" && fewer === true);
  // travel the student would get once fewer opportunities is answered yes
  const travelPending = policy === "fewer-opportunities" && fewer === undefined;

  if (travelApplies) {
    if (ctx.distanceKm === undefined) {
      notes.push(
        {
          fr: "Forfait voyage non compté : la distance jusqu'à la ville d'accueil est inconnue (indiquez ses coordonnées ou choisissez un établissement partenaire).",
          en: "Travel support not counted: the distance to the host city is unknown (give its coordinates or choose a partner institution).",
        }[lang],
      );
    } else {
      const travel = travelLine(ctx.distanceKm, callYear(ctx), green === true, lang);
      used.push(travel.confidence, p.travelSupport.confidence);
      lines.push(travel.line);
      const { greenCents, standardCents } = travel.band;
      if (green === undefined && greenCents > standardCents) {
        const extra = money(greenCents - standardCents);
        notes.push(
          {
            fr: `+${extra} de forfait voyage en voyageant bas carbone (train, bus, covoiturage) : non compté tant que ce n'est pas renseigné.`,
            en: `+${extra} of travel support when travelling green (train, bus, car-pool): not counted until you tell us.`,
          }[lang],
        );
      }
    }
  }
  // the one-off 50 € green top-up ended with Call 2023 (rulebook §2): Envol never pays it
  if (green === true) {
    notes.push(
      {
        fr: "Jours de voyage bas carbone (soutien individuel en plus pour les jours de trajet) : non comptés, Envol ne les calcule pas.",
        en: "Green travel days (extra individual support for the travel days): not counted, Envol does not compute them.",
      }[lang],
    );
  }

  if (fewer === undefined) {
    const travel =
      travelPending && ctx.distanceKm !== undefined
        ? travelBand(ctx.distanceKm, callYear(ctx))
        : undefined;
    const travelAmount = travel && (green === true ? travel.greenCents : travel.standardCents);
    // green travel not answered either: the higher band is within reach too (the "up to" counts it)
    const greenToo =
      travel && green === undefined && travel.greenCents > travel.standardCents
        ? {
            fr: `, ${money(travel.greenCents)} en voyageant bas carbone`,
            en: `, ${money(travel.greenCents)} with green travel`,
          }[lang]
        : "";
    const travelToo = !travelPending
      ? ""
      : travelAmount === undefined
        ? { fr: " et le forfait voyage", en: " and the travel support" }[lang]
        : {
            fr: ` et le forfait voyage (${money(travelAmount)}${greenToo})`,
            en: ` and the travel support (${money(travelAmount)}${greenToo})`,
          }[lang];
    const more = money(topUp);
    notes.push(
      {
        fr: `+${more}/mois${travelToo} si vous avez moins d'opportunités (échelon 6 ou 7, handicap, QPV ou ZRR) : non compté tant que ce n'est pas renseigné.`,
        en: `+${more}/month${travelToo} if you have fewer opportunities (échelon 6 or 7, disability, QPV or ZRR): not counted until you tell us.`,
      }[lang],
    );
  }

  return { confidence: weakest(...used), lines, notes };
};
