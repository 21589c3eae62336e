import type { WorkedExample } from "@envol/domain";
import { RULEBOOK_EXAMPLE_1 } from "@envol/domain/reference";

/**
 * The worked examples of the KA171 scheme's rule page (evaluated by the API on today's rules):
 * the rulebook's first, where it is ineligible (Germany is a KA131 destination), then a
 * semester at a partner of the project from the case table (`cases.json`).
 */
export const micExamples: readonly WorkedExample[] = [
  RULEBOOK_EXAMPLE_1,
  {
    title: {
      fr: "Un semestre à l'université Tsinghua à Pékin (février à juin 2027), boursier échelon 5",
      en: "A semester at Tsinghua University in Beijing (February to June 2027), CROUS grant échelon 5",
    },
    situation: {
      student: {
        programme: { level: "engineering", year: 2, mode: "initial" },
        crous: { boursier: true, echelon: "5" },
        household: { quotientFamilial: 1_200_000 },
        fewerOpportunities: { disability: false, qpv: false, zrr: false },
        history: { erasmusDaysInCycle: 0 },
      },
      mobility: {
        kind: "study",
        framework: "inter-institution-agreement",
        host: { partner: "tsinghua" },
        start: "2027-02-01",
        end: "2027-06-30",
        greenTravel: false,
      },
    },
  },
];
