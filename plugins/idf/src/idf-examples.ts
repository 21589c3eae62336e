import type { WorkedExample } from "@envol/domain";
import { RULEBOOK_EXAMPLE_1, RULEBOOK_EXAMPLE_3 } from "@envol/domain/reference";

/**
 * The worked examples of the Île-de-France grant's rule page (evaluated by the API on today's
 * rules): the rulebook's first and third, then an internship outside Europe from the case
 * table (`cases.json`).
 */
export const idfExamples: readonly WorkedExample[] = [
  RULEBOOK_EXAMPLE_1,
  RULEBOOK_EXAMPLE_3,
  {
    title: {
      fr: "Un stage de trois mois à New York, sous convention de stage (juin à août 2027)",
      en: "A three-month internship in New York, under an internship agreement (June to August 2027)",
    },
    situation: {
      student: {
        programme: { level: "engineering", year: 2, mode: "initial", gapYear: false },
        crous: { boursier: true, echelon: "5" },
        household: { quotientFamilial: 1_200_000 },
      },
      mobility: {
        kind: "internship",
        framework: "internship-agreement",
        host: { name: "Acme Corp", country: "US", city: "New York" },
        start: "2027-06-01",
        end: "2027-08-31",
      },
    },
  },
];
