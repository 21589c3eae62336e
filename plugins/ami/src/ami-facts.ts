import { numberFact, wholeMonths } from "@envol/domain";

/** The AMI's own facts (rulebook §6). */

/** The AMI months the student already received, over all their studies. */
export const amiMonthsTotal = numberFact({
  id: "amiMonthsTotal",
  label: { fr: "mois d'AMI déjà perçus", en: "AMI months already received" },
  the: {
    fr: "le nombre de mois d'AMI déjà perçus",
    en: "the number of AMI months already received",
  },
  unit: "months",
  paths: ["student.history.amiMonthsTotal"],
  get: (ctx) => ctx.situation.student?.history?.amiMonthsTotal,
});

/**
 * The stay's whole months (rulebook §0, `wholeMonths`), the days after the last whole month
 * dropped: the AMI's duration is counted in months, as OpenFisca-France counts it
 * (1 February – 30 March 2021 is one whole month, under two).
 */
export const stayWholeMonths = numberFact({
  id: "stayWholeMonths",
  label: { fr: "mois entiers du séjour", en: "whole months of the stay" },
  the: {
    fr: "le nombre de mois entiers du séjour",
    en: "the number of whole months of the stay",
  },
  unit: "months",
  paths: ["mobility.start", "mobility.end"],
  get: (ctx) => wholeMonths(ctx.situation.mobility.start, ctx.situation.mobility.end).months,
});
