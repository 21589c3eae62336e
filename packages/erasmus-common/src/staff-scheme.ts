import {
  between,
  type Criterion,
  criterion,
  type Fact,
  type Figure,
  facts,
  isTrue,
  optionFigure,
} from "@envol/domain";
import { holdsEche } from "./erasmus-facts.ts";
import { STAFF_FIGURES_SINCE } from "./staff-support.ts";
import { staffTeachingHours } from "./staff-teaching-hours.ts";
import { type TravelBand, travelBandsFigure } from "./travel-bands.ts";

/**
 * What the two staff schemes (`erasmus-staff`, KA131; `mic-staff`, KA171) write the same way,
 * rulebook §10: the travel days, the figures of a stay's days and the check of its options, and
 * the criteria that read nothing of the scheme but its bounds. Each plugin keeps its own rates,
 * bounds and texts, and its zod options (this package depends on the domain only).
 */

/**
 * The personnel facts a staff scheme reads, to declare in its `facts`: its `custom` conditions
 * (`staffTeachingHours`, the host criteria) read them where `factsRead` cannot see them.
 *
 * @example
 * facts: () => [...STAFF_FACTS, holdsEche]
 */
export const STAFF_FACTS: readonly Fact[] = [
  facts.personnelActivity,
  facts.activityDays,
  facts.teachingHours,
];

/** Travel days paid on top of the activity days: one before, one after. */
export const STAFF_TRAVEL_DAYS: Figure<number> = {
  value: 2,
  since: STAFF_FIGURES_SINCE,
  source:
    "funding-research.md §2.6: up to 2 travel days with standard transport, wikis.ec.europa.eu/x/UINTC " +
    "(Beneficiary Module guidance); rulebook §10",
  confidence: "official",
  label: { fr: "Jours de voyage payés", en: "Travel days paid" },
  unit: "days",
};

/** The extra travel days with green travel: up to 4, of which Envol assumes all 4. */
export const STAFF_GREEN_EXTRA_DAYS: Figure<number> = {
  value: 4,
  since: STAFF_FIGURES_SINCE,
  source:
    "funding-research.md §2.6: up to 6 travel days with green transport, wikis.ec.europa.eu/x/UINTC, " +
    "so up to 4 more; rulebook §10: Envol assumes the 4 unless the school sets fewer",
  confidence: "assumed",
  label: {
    fr: "Jours de voyage en plus avec un voyage bas carbone",
    en: "Extra travel days with green travel",
  },
  unit: "days",
};

/** A scheme's bounds on the activity days, the programme's, which a school may narrow. */
export interface StaffDayBounds {
  readonly minDays: Figure<number>;
  readonly maxDays: Figure<number>;
}

/**
 * The check the staff options share: the shortest stay is no longer than the longest, the
 * issue on `maxDays`. The options default `travelDays` and `greenExtraTravelDays` to
 * {@link STAFF_TRAVEL_DAYS} and {@link STAFF_GREEN_EXTRA_DAYS}.
 *
 * @example
 * z.strictObject({ ... }).refine(staffDaysInOrder, STAFF_DAYS_ORDER_ISSUE)
 */
export const staffDaysInOrder = (o: { minDays: number; maxDays: number }): boolean =>
  o.minDays <= o.maxDays;

export const STAFF_DAYS_ORDER_ISSUE = { path: ["maxDays"], message: "must be at least minDays" };

/** How a scheme pays the days, with its bounds: the figures whose source differs by scheme. */
export interface StaffDayFigures extends StaffDayBounds {
  readonly fullRateDays: Figure<number>;
  readonly taperPercent: Figure<number>;
}

/**
 * A staff period's figures other than its daily rates, the options' values in place of the
 * defaults: what the rule pages show and {@link staffEstimate} computes with.
 *
 * @example
 * parameters: { dailyRate: optionFigure(DAILY_RATE, o.dailyRateCents), ...staffPeriodFigures(o, DAYS) }
 */
export const staffPeriodFigures = (
  o: { minDays: number; maxDays: number; travelDays: number; greenExtraTravelDays: number },
  days: StaffDayFigures,
): {
  fullRateDays: Figure<number>;
  taperPercent: Figure<number>;
  minDays: Figure<number>;
  maxDays: Figure<number>;
  travelDays: Figure<number>;
  greenExtraDays: Figure<number>;
  travelBands: Figure<readonly TravelBand[]>;
} => ({
  fullRateDays: days.fullRateDays,
  taperPercent: days.taperPercent,
  minDays: optionFigure(days.minDays, o.minDays),
  maxDays: optionFigure(days.maxDays, o.maxDays),
  travelDays: optionFigure(STAFF_TRAVEL_DAYS, o.travelDays),
  greenExtraDays: optionFigure(STAFF_GREEN_EXTRA_DAYS, o.greenExtraTravelDays),
  travelBands: travelBandsFigure(2024),
});

/** The criterion `eche` (rulebook §10): the home institution holds the Erasmus Charter. */
export const staffEcheCriterion: Criterion = criterion("eche", isTrue(holdsEche), {
  fr: "Charte Erasmus de l'établissement",
  en: "Home institution's Erasmus Charter",
});

/** The criterion `duration` (rulebook §10): the activity days within the period's bounds. */
export const staffDurationCriterion = (p: StaffDayBounds): Criterion =>
  criterion("duration", between(facts.activityDays, p.minDays.value, p.maxDays.value), {
    fr: "Durée de l'activité",
    en: "Activity duration",
  });

/** The criterion `teaching-hours` (rulebook §10), see {@link staffTeachingHours}. */
export const staffTeachingHoursCriterion: Criterion = criterion(
  "teaching-hours",
  staffTeachingHours,
  { fr: "Heures d'enseignement", en: "Teaching hours" },
);
