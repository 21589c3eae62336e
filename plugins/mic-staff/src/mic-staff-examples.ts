import type { WorkedExample } from "@envol/domain";

/**
 * The worked examples of the scheme's rule page (evaluated by the API on today's rules): the
 * rulebook's third staff example (§10), then a training week in Brazil from the case table.
 */
export const micStaffExamples: readonly WorkedExample[] = [
  {
    title: {
      fr: "Une semaine d'enseignement à l'université Tsinghua à Pékin (5 jours en avril 2027, 10 heures)",
      en: "A teaching week at Tsinghua University in Beijing (5 days in April 2027, 10 hours)",
    },
    situation: {
      personnel: { role: "teaching", activity: "teaching", teachingHours: 10 },
      mobility: {
        host: { partner: "tsinghua" },
        start: "2027-04-12",
        end: "2027-04-16",
        greenTravel: false,
      },
    },
  },
  {
    title: {
      fr: "Une semaine de formation à l'université de São Paulo (5 jours en avril 2027)",
      en: "A training week at the University of São Paulo (5 days in April 2027)",
    },
    situation: {
      personnel: { role: "administrative", activity: "training" },
      mobility: {
        host: { partner: "usp" },
        start: "2027-04-12",
        end: "2027-04-16",
        greenTravel: false,
      },
    },
  },
];
