import { numberFact } from "@envol/domain";

/** The AMI's own facts: the months the student already received, over all their studies. */

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

/** AMI days received over a lifetime once this stay is counted, a month counting 30 days (rulebook §6). */
export const amiDaysAfterStay = numberFact({
  id: "amiDaysAfterStay",
  label: {
    fr: "jours d'AMI sur toute la scolarité, ce séjour compris",
    en: "AMI days over all studies, this stay included",
  },
  the: {
    fr: "le nombre de jours d'AMI sur toute la scolarité, ce séjour compris,",
    en: "the number of AMI days over all studies, this stay included,",
  },
  unit: "days",
  paths: amiMonthsTotal.paths,
  get: (ctx) => {
    const months = amiMonthsTotal.get(ctx);
    return months === undefined ? undefined : Math.round(months * 30) + ctx.fundedDays;
  },
});
