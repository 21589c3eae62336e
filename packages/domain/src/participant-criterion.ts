import { custom } from "./conditions/condition.ts";
import { type Criterion, criterion } from "./conditions/criterion.ts";
import { type Participant, participantOf } from "./situation.ts";
import type { Text } from "./text.ts";

/** The id of the criterion, first in every scheme's list. */
export const PARTICIPANT_CRITERION = "participant";

/** Who each kind of scheme funds, as a sentence's subject and as the participant one is. */
const FUNDS: Readonly<Record<Participant, Text>> = {
  student: { fr: "les séjours des étudiants", en: "students' stays" },
  personnel: {
    fr: "les séjours d'enseignement et de formation du personnel de l'école",
    en: "teaching and training stays of the school's personnel",
  },
};

const GOING_AS: Readonly<Record<Participant, Text>> = {
  student: { fr: "en tant qu'étudiant ou étudiante", en: "as a student" },
  personnel: {
    fr: "en tant que membre du personnel de l'école",
    en: "as a member of the school's personnel",
  },
};

/** Where the other kind of participant finds its funding. */
const OWN_SCHEMES: Readonly<Record<Participant, Text>> = {
  student: {
    fr: "Les séjours des étudiants sont financés par les aides aux étudiants",
    en: "Students' stays are funded by the schemes for students",
  },
  personnel: {
    fr: "Les séjours du personnel sont financés par les aides à la mobilité du personnel",
    en: "Personnel stays are funded by the staff mobility schemes",
  },
};

/**
 * The criterion every scheme has (rulebook §10): the participant is the one the scheme funds, a
 * student (every scheme but the personnel's) or a member of the school's personnel. A situation
 * without `personnel` is a student's, so every student scheme meets it as it always did.
 *
 * @example
 * participantCriterion("student") // a teacher's stay: unmet, "This scheme funds students' stays; you are going as a member of the school's personnel"
 */
export const participantCriterion = (funds: Participant): Criterion =>
  criterion(
    PARTICIPANT_CRITERION,
    custom({
      describe: {
        fr: `séjour ${GOING_AS[funds].fr}`,
        en: `a stay ${GOING_AS[funds].en}`,
      },
      rule: {
        fr: `cette aide finance ${FUNDS[funds].fr}`,
        en: `this scheme funds ${FUNDS[funds].en}`,
      },
      evaluate: (ctx) => {
        const going = participantOf(ctx.situation);
        return going === funds
          ? {
              status: "met",
              reason: {
                fr: `Vous partez ${GOING_AS[going].fr}`,
                en: `You are going ${GOING_AS[going].en}`,
              },
            }
          : {
              status: "unmet",
              reason: {
                fr: `Cette aide finance ${FUNDS[funds].fr} ; vous partez ${GOING_AS[going].fr}`,
                en: `This scheme funds ${FUNDS[funds].en}; you are going ${GOING_AS[going].en}`,
              },
              hint: OWN_SCHEMES[going],
            };
      },
    }),
    { fr: "Public concerné", en: "Who it funds" },
  );
