import { type Condition, custom, facts, formatQuantity, type Text } from "@envol/domain";
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
 * The staff schemes' criterion `teaching-hours` (rulebook §10): a teaching stay teaches at least
 * {@link minTeachingHours} for its activity days, 8 for each whole week and 8 under a week; a
 * training stay has no hours to show. The bound depends on another fact (the activity days) and
 * the rule on the activity, which the vocabulary's `when` would write as a template ("Activity:
 * training; the rule applies only when…"): hence `custom`, with plain sentences. Unknown while
 * the activity is unknown (unless the hours given are enough anyway) or a teaching stay's hours
 * are. It reads `personnelActivity`, `teachingHours` and `activityDays`: declare `STAFF_FACTS`.
 *
 * @example
 * criterion("teaching-hours", staffTeachingHours, { fr: "Heures d'enseignement", en: "Teaching hours" })
 */
export const staffTeachingHours: Condition = custom({
  describe: {
    fr: "l'activité du séjour et, pour une mission d'enseignement, ses heures d'enseignement",
    en: "the stay's activity and, for a teaching assignment, its teaching hours",
  },
  rule: {
    fr: "une mission d'enseignement compte au moins 8 heures d'enseignement par semaine entière d'activité, et 8 heures pour moins d'une semaine ; une mobilité de formation n'a pas d'heures d'enseignement à justifier",
    en: "a teaching assignment includes at least 8 teaching hours for each whole week of activity, and 8 hours under a week; a training stay has no teaching hours to show",
  },
  evaluate: (ctx) => {
    const activity = facts.personnelActivity.get(ctx);
    if (activity === "training") {
      return {
        status: "met",
        reason: {
          fr: "Une mobilité de formation n'a pas d'heures d'enseignement à justifier",
          en: "A training stay has no teaching hours to show",
        },
      };
    }
    const taught = facts.teachingHours.get(ctx);
    const stay = facts.activityDays.get(ctx);
    const missing = [
      ...(activity === undefined ? facts.personnelActivity.paths : []),
      ...(taught === undefined ? facts.teachingHours.paths : []),
    ];
    // an unknown criterion's sentences are written from `describe`; this reason is for the record
    const unknown = {
      status: "unknown",
      reason: { fr: "Heures d'enseignement non renseignées", en: "Teaching hours not given" },
      missing,
    } as const;
    if (taught === undefined || stay === undefined) return unknown;
    const required = minTeachingHours(stay);
    const [t, r, d] = [hours(taught), hours(required), days(stay)];
    if (taught >= required) {
      return {
        status: "met",
        reason: {
          fr: `Vous enseignez ${t.fr} pour ${d.fr} d'activité ; il en faut au moins ${r.fr}`,
          en: `You teach ${t.en} over ${d.en} of activity; at least ${r.en} are required`,
        },
      };
    }
    // too few hours matter only for teaching: a stay that may still be training stays unknown
    if (activity === undefined) return unknown;
    const more = hours(required - taught);
    return {
      status: "unmet",
      reason: {
        fr: `Vous enseignez ${t.fr} pour ${d.fr} d'activité ; une mission d'enseignement en demande au moins ${r.fr}`,
        en: `You teach ${t.en} over ${d.en} of activity; a teaching assignment requires at least ${r.en}`,
      },
      hint: {
        fr: `Enseignez au moins ${r.fr}, soit ${more.fr} de plus`,
        en: `Teach at least ${r.en}, ${more.en} more`,
      },
    };
  },
});
