import type { PersonnelMessages } from "./personnel.fr.ts";

/** The simulator's texts for a member of the school's personnel in English: the same keys as `personnel.fr.ts`. */
export const personnelEn: PersonnelMessages = {
  sections: {
    activity: "What activity?",
    role: "Your position",
    travel: "Travel",
  },
  fields: {
    activity: {
      label: "Activity during the stay",
      description:
        "Teaching at the host institution, or training there (courses, job shadowing). Activity days are counted from the first to the last day, both included.",
      options: {
        teaching: "Teaching",
        training: "Training",
      },
    },
    role: {
      label: "Your position at the school",
      description: "Both teaching and administrative staff may go.",
      options: {
        teaching: "Teaching staff",
        administrative: "Administrative staff",
      },
    },
    teachingHours: {
      label: "Teaching hours during the stay",
      description: "Erasmus+ asks for at least 8 teaching hours a week; from 0 to 480 hours.",
      error: "Give a number of hours between 0 and 480.",
    },
  },
  results: {
    otherStudent: "Not shown: {{names}}, which fund students' stays.",
    otherPersonnel:
      "Not shown: {{names}}, which fund teaching and training stays of the school's personnel.",
  },
};
