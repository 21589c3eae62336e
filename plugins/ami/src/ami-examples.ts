import type { WorkedExample } from "@envol/domain";
import { RULEBOOK_EXAMPLE_1 } from "@envol/domain/reference";

/**
 * The worked examples of the AMI's rule page (evaluated by the API on today's rules): the
 * rulebook's first (a CROUS grant holder), then a six-month internship outside Europe from the
 * case table (`cases.json`).
 */
export const amiExamples: readonly WorkedExample[] = [
  RULEBOOK_EXAMPLE_1,
  {
    title: {
      fr: "Un stage de six mois à São Paulo (mars à août 2027), boursier échelon 3, sans AMI auparavant",
      en: "A six-month internship in São Paulo (March to August 2027), CROUS grant échelon 3, no earlier AMI",
    },
    situation: {
      student: {
        programme: { level: "engineering", year: 2, mode: "initial" },
        crous: { boursier: true, echelon: "3" },
        history: { amiMonthsTotal: 0 },
      },
      mobility: {
        kind: "internship",
        framework: "internship-agreement",
        host: { partner: "usp" },
        start: "2027-03-01",
        end: "2027-08-31",
      },
    },
  },
];
