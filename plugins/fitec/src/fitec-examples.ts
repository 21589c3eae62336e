import type { WorkedExample } from "@envol/domain";
import { RULEBOOK_EXAMPLE_1 } from "@envol/domain/reference";

/**
 * The worked examples of the FITEC programmes' rule page (evaluated by the API on today's
 * rules): the rulebook's first, where they are ineligible (Germany is not a FITEC country),
 * then a BRAFITEC semester in São Paulo from the case table (`cases.json`).
 */
export const fitecExamples: readonly WorkedExample[] = [
  RULEBOOK_EXAMPLE_1,
  {
    title: {
      fr: "Un semestre BRAFITEC à l'Universidade de São Paulo (février à juin 2027)",
      en: "A BRAFITEC semester at the Universidade de São Paulo (February to June 2027)",
    },
    situation: {
      student: {
        programme: { level: "engineering", year: 2, mode: "initial" },
        crous: { boursier: true, echelon: "5" },
        household: { quotientFamilial: 1_200_000 },
        history: { erasmusDaysInCycle: 0 },
      },
      mobility: {
        kind: "study",
        framework: "inter-institution-agreement",
        host: { partner: "usp" },
        start: "2027-02-01",
        end: "2027-06-30",
        greenTravel: false,
      },
    },
  },
];
