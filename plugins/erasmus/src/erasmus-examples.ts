import type { WorkedExample } from "@envol/domain";
import {
  RULEBOOK_EXAMPLE_1,
  RULEBOOK_EXAMPLE_2,
  RULEBOOK_EXAMPLE_3,
} from "@envol/domain/reference";

/**
 * The worked examples of Erasmus+ Europe's rule page (evaluated by the API on today's rules):
 * the rulebook's three, then an internship from the case table (`cases.json`), for the
 * traineeship top-up.
 */
export const erasmusExamples: readonly WorkedExample[] = [
  RULEBOOK_EXAMPLE_1,
  RULEBOOK_EXAMPLE_2,
  RULEBOOK_EXAMPLE_3,
  {
    title: {
      fr: "Un stage de six mois chez Siemens à Munich, sous convention de stage (janvier à juin 2027)",
      en: "A six-month internship at Siemens in Munich, under an internship agreement (January to June 2027)",
    },
    situation: {
      student: {
        programme: { level: "engineering", year: 2, mode: "initial" },
        crous: { boursier: false },
        fewerOpportunities: { disability: false, qpv: false, zrr: false },
        history: { erasmusDaysInCycle: 0 },
      },
      mobility: {
        kind: "internship",
        framework: "internship-agreement",
        host: { name: "Siemens AG", country: "DE", city: "München", lat: 48.1372, lon: 11.5755 },
        start: "2027-01-01",
        end: "2027-06-30",
        greenTravel: false,
      },
    },
  },
];
