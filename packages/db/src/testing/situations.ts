import { type Situation, SituationSchema } from "@envol/domain";

/**
 * A semester at TU Berlin in 2026-2027 for an engineering student with a CROUS grant: eligible
 * to several schemes, among them the alumni aid. The situation the database suites, their
 * worker processes and the two-instance API test file applications with.
 */
export const BERLIN_SEMESTER: Situation = SituationSchema.parse({
  asOf: "2026-11-26",
  student: {
    programme: { level: "engineering", year: 2, mode: "initial", gapYear: false },
    crous: { boursier: true, echelon: "5" },
    household: { quotientFamilial: 1200000, nonTaxable: false },
    history: { erasmusDaysInCycle: 0, amiMonthsTotal: 0 },
  },
  mobility: {
    kind: "study",
    framework: "inter-institution-agreement",
    host: { partner: "tu-berlin" },
    start: "2027-02-01",
    end: "2027-06-30",
  },
});
