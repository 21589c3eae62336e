import type { Strings } from "../../i18n/strings.ts";

/**
 * The simulator's texts for a member of the school's personnel (ADR 016), in French: their own
 * i18next namespace (`personnel`), loaded with the personnel's questions rather than on the first
 * screen, which only says who goes. `personnel.en.ts` has the same keys (checked by the compiler).
 */
export const personnelFr = {
  sections: {
    activity: "Quelle activité ?",
    role: "Votre fonction",
    travel: "Voyage",
  },
  fields: {
    destination: {
      label: "Votre établissement d'accueil",
      description:
        "Un partenaire de l'école ouvre les aides Erasmus+ du personnel, liées aux accords entre établissements ; sinon, indiquez le pays et la ville.",
    },
    start: {
      label: "Premier jour du séjour",
      description:
        "Votre premier jour d'activité, tel qu'il figure dans votre programme de mobilité.",
    },
    end: {
      label: "Dernier jour du séjour",
      description: "Les jours d'activité se comptent du premier au dernier jour, inclus.",
    },
    activity: {
      label: "Activité pendant le séjour",
      description:
        "Enseigner dans l'établissement d'accueil, ou vous y former (formation, observation). Les jours d'activité sont comptés du premier au dernier jour, inclus.",
      options: {
        teaching: "Enseignement",
        training: "Formation",
      },
    },
    role: {
      label: "Votre fonction à l'école",
      description: "Les personnels enseignants et administratifs peuvent partir.",
      options: {
        teaching: "Personnel enseignant",
        administrative: "Personnel administratif",
      },
    },
    teachingHours: {
      label: "Heures d'enseignement pendant le séjour",
      description:
        "Erasmus+ demande au moins 8 heures par semaine d'enseignement ; de 0 à 480 heures.",
      error: "Indiquez un nombre d'heures entre 0 et 480.",
    },
  },
  results: {
    stay: "Séjour du {{start}} au {{end}} : durée de l'activité {{duration}}, année universitaire {{year}}.",
    otherStudent: "Non affichées : {{names}}, qui financent les séjours des étudiants.",
    otherPersonnel:
      "Non affichées : {{names}}, qui financent les séjours d'enseignement et de formation du personnel de l'école.",
  },
};

export type PersonnelMessages = Strings<typeof personnelFr>;
