import type { WorkedExample } from "@envol/domain";
import { RULEBOOK_EXAMPLE_1, RULEBOOK_EXAMPLE_2 } from "@envol/domain/reference";

/**
 * The worked examples of the alumni aid's rule page (evaluated by the API on today's rules):
 * the rulebook's first two, where its share of the plan is what Erasmus+'s travel leaves, then
 * a stay outside Europe from the case table (`cases.json`), under the higher cap.
 */
export const alumniExamples: readonly WorkedExample[] = [
  RULEBOOK_EXAMPLE_1,
  RULEBOOK_EXAMPLE_2,
  {
    title: {
      fr: "Un semestre à l'Universidade de São Paulo, hors d'Europe, avec 1 450 € de frais déclarés",
      en: "A semester at the Universidade de São Paulo, outside Europe, with €1,450 of costs declared",
    },
    situation: {
      student: { crous: { boursier: true } },
      mobility: {
        kind: "study",
        framework: "inter-institution-agreement",
        host: { partner: "usp" },
        start: "2027-02-01",
        end: "2027-06-30",
        costs: { transport: 120_000, visa: 10_000, insurance: 15_000 },
      },
    },
  },
];
