import type { WorkedExample } from "@envol/domain";

/**
 * The worked examples of the scheme's rule page (evaluated by the API on today's rules): the
 * rulebook's first two staff examples (§10), which are also rows of the case table.
 */
export const erasmusStaffExamples: readonly WorkedExample[] = [
  {
    title: {
      fr: "Une semaine d'enseignement à TU Berlin (5 jours en mars 2027, 8 heures)",
      en: "A teaching week at TU Berlin (5 days in March 2027, 8 hours)",
    },
    situation: {
      personnel: { role: "teaching", activity: "teaching", teachingHours: 8 },
      mobility: {
        host: { partner: "tu-berlin" },
        start: "2027-03-08",
        end: "2027-03-12",
        greenTravel: false,
      },
    },
  },
  {
    title: {
      fr: "Trois semaines de formation à l'Université technique de Prague (20 jours en mai 2027)",
      en: "Three weeks of training at the Czech Technical University in Prague (20 days in May 2027)",
    },
    situation: {
      personnel: { role: "administrative", activity: "training" },
      mobility: {
        host: { partner: "cvut" },
        start: "2027-05-03",
        end: "2027-05-22",
        greenTravel: false,
      },
    },
  },
];
