import type { PersonnelMessages } from "./personnel.fr.ts";

/** The simulator's texts for a member of the school's personnel in English: the same keys as `personnel.fr.ts`. */
export const personnelEn: PersonnelMessages = {
  sections: {
    activity: "What activity?",
    role: "Your position",
    travel: "Travel",
  },
  fields: {
    destination: {
      label: "Your host institution",
      description:
        "A partner of the school opens the Erasmus+ staff grants, tied to agreements between institutions; otherwise give the country and the city.",
    },
    start: {
      label: "First day of the stay",
      description: "Your first day of activity, as written in your mobility agreement.",
    },
    end: {
      label: "Last day of the stay",
      description: "Activity days are counted from the first to the last day, both included.",
    },
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
    stay: "Stay from {{start}} to {{end}}: activity {{duration}}, academic year {{year}}.",
    otherStudent: "Not shown: {{names}}, which fund students' stays.",
    otherPersonnel:
      "Not shown: {{names}}, which fund teaching and training stays of the school's personnel.",
  },
};
