import type { IsoDate } from "./calendar-date.ts";
import { custom } from "./conditions/condition.ts";
import { type Criterion, criterion } from "./conditions/criterion.ts";
import { formatLongDate } from "./long-date.ts";

/**
 * The criterion every scheme has (rulebook §0, figures in force): the stay starts on or after the
 * scheme's earliest dated figures. Before them Envol has no figures for the scheme, and it never
 * prices a stay with another period's: the scheme is ineligible, saying so. A rule on a date, which
 * the condition vocabulary (numbers, sets, flags) does not say, hence `custom`.
 *
 * @example
 * periodCriterion("2024-07-01") // a stay starting on 2023-09-01: unmet, "no figures for stays starting before 1 July 2024"
 */
export const periodCriterion = (earliest: IsoDate): Criterion => {
  const from = { fr: formatLongDate(earliest, "fr"), en: formatLongDate(earliest, "en") };
  return criterion(
    "period",
    custom({
      describe: {
        fr: `séjour commençant le ${from.fr} ou après`,
        en: `a stay starting on or after ${from.en}`,
      },
      rule: {
        fr: `le séjour commence le ${from.fr} ou après`,
        en: `the stay starts on or after ${from.en}`,
      },
      evaluate: (ctx) => {
        const start = ctx.situation.mobility.start;
        const on = { fr: formatLongDate(start, "fr"), en: formatLongDate(start, "en") };
        return start >= earliest
          ? {
              status: "met",
              reason: {
                fr: `Le séjour commence le ${on.fr} : les montants en vigueur à cette date s'appliquent`,
                en: `The stay starts on ${on.en}: the figures in force on that date apply`,
              },
            }
          : {
              status: "unmet",
              reason: {
                fr: `Aucun montant connu pour les séjours commençant avant le ${from.fr} ; ce séjour commence le ${on.fr}`,
                en: `No figures for stays starting before ${from.en}; this stay starts on ${on.en}`,
              },
              hint: {
                fr: `Cette aide s'applique aux séjours commençant le ${from.fr} ou après`,
                en: `This scheme applies to stays starting on or after ${from.en}`,
              },
            };
      },
    }),
    { fr: "Période couverte", en: "Period covered" },
  );
};
