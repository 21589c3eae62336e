import {
  type Condition,
  custom,
  facts,
  formatQuantity,
  oneOf,
  type Text,
  when,
} from "@envol/domain";
import { minTeachingHours } from "./staff-support.ts";

const hours = (n: number): Text => ({
  fr: formatQuantity(n, "hours", "fr"),
  en: formatQuantity(n, "hours", "en"),
});

const days = (n: number): Text => ({
  fr: formatQuantity(n, "days", "fr"),
  en: formatQuantity(n, "days", "en"),
});

/**
 * The hours a teaching stay requires for its activity days (rulebook §10, `teaching-hours`): at
 * least {@link minTeachingHours}, 8 for each whole week and 8 under a week. The bound depends on
 * another fact (the activity days), which the vocabulary's comparisons, against a fixed number,
 * cannot say: hence `custom`, with its reasons and hint written here as clauses (lower case, no
 * full stop), since the criterion's `when` writes them into its sentences.
 */
const enoughTeachingHours: Condition = custom({
  describe: {
    fr: "les heures d'enseignement du séjour",
    en: "the stay's teaching hours",
  },
  rule: {
    fr: "une mission d'enseignement compte au moins 8 heures d'enseignement par semaine entière d'activité, et 8 heures pour moins d'une semaine",
    en: "a teaching assignment includes at least 8 teaching hours for each whole week of activity, and 8 hours under a week",
  },
  evaluate: (ctx) => {
    const taught = facts.teachingHours.get(ctx);
    const stay = facts.activityDays.get(ctx);
    if (taught === undefined || stay === undefined) {
      return {
        status: "unknown",
        reason: {
          fr: "heures d'enseignement non renseignées",
          en: "teaching hours not given",
        },
        missing: [...facts.teachingHours.paths],
      };
    }
    const required = minTeachingHours(stay);
    const [t, r, d] = [hours(taught), hours(required), days(stay)];
    if (taught >= required) {
      return {
        status: "met",
        reason: {
          fr: `vous enseignez ${t.fr} pour ${d.fr} d'activité ; il en faut au moins ${r.fr}`,
          en: `you teach ${t.en} over ${d.en} of activity; at least ${r.en} are required`,
        },
      };
    }
    const more = hours(required - taught);
    return {
      status: "unmet",
      reason: {
        fr: `vous enseignez ${t.fr} pour ${d.fr} d'activité ; une mission d'enseignement en demande au moins ${r.fr}`,
        en: `you teach ${t.en} over ${d.en} of activity; a teaching assignment requires at least ${r.en}`,
      },
      // a clause: the criterion wraps it in `when`, whose hint reads "… is met if <clause>"
      hint: {
        fr: `vous enseignez au moins ${r.fr}, soit ${more.fr} de plus`,
        en: `you teach at least ${r.en}, ${more.en} more`,
      },
    };
  },
});

/**
 * The staff schemes' criterion `teaching-hours` (rulebook §10): a teaching stay teaches at least
 * {@link minTeachingHours} of its activity days; a training stay has no hours to meet, and its
 * reason says the rule applies to teaching only. Unknown while the activity is unknown (unless the
 * hours given are enough anyway) or a teaching stay's hours are.
 *
 * @example
 * criterion("teaching-hours", staffTeachingHours, { fr: "Heures d'enseignement", en: "Teaching hours" })
 */
export const staffTeachingHours: Condition = when(
  oneOf(facts.personnelActivity, ["teaching"]),
  enoughTeachingHours,
);
