import { type Amount, add, cents, prorata } from "@envol/domain";
import { callStart } from "./call-year.ts";

/**
 * Staff mobility's counts and individual support (rulebook §10), shared by the two staff
 * schemes (`erasmus-staff`, KA131; `mic-staff`, KA171): they differ in their daily rates
 * and bounds, not in how a stay is paid. A stay's activity days are the domain's fact
 * `activityDays` (calendar days, both ends counted).
 */

/** Call 2024's days paid at the full daily rate; each later day is paid at {@link TAPER_PERCENT} of it. */
export const FULL_RATE_DAYS = 14;

/** Call 2024's share of the daily rate for each activity day after the 14th (days 15 to 60). */
export const TAPER_PERCENT = 70;

/**
 * The teaching hours a teaching stay requires: 8 for each whole week of activity, and 8 for a
 * stay shorter than a week.
 *
 * @example
 * minTeachingHours(5) // 8
 * minTeachingHours(14) // 16
 */
export const minTeachingHours = (days: number): number => 8 * Math.max(1, Math.floor(days / 7));

/** How a period pays the activity days: so many in full, then a share of the rate for each later one. */
export interface StaffTaper {
  /** Activity days paid at the full daily rate (14 from Call 2024). */
  readonly fullRateDays: number;
  /** The share of the daily rate, in percent, for each later activity day (70 from Call 2024). */
  readonly taperPercent: number;
}

/**
 * The individual support of a staff stay: the daily rate for each of the period's full-rate
 * activity days and for each travel day, then the tapered share of it for each later activity
 * day — exact, rounded once with the rest of the estimate.
 *
 * @example
 * staffIndividualSupport(16_000, 20, 2, { fullRateDays: 14, taperPercent: 70 }) // 160 € × (14 + 2) + 70 % × 160 € × 6 = 3 232 €
 */
export const staffIndividualSupport = (
  dailyRateCents: number,
  days: number,
  travelDays: number,
  { fullRateDays, taperPercent }: StaffTaper,
): Amount =>
  add(
    cents(dailyRateCents * (Math.min(days, fullRateDays) + travelDays)),
    prorata(dailyRateCents * taperPercent, Math.max(0, days - fullRateDays), 100),
  );

/**
 * The first start date the staff schemes have figures for: Call 2024's daily rates and travel
 * bands (rulebook §10). An earlier stay is ineligible on `period`.
 */
export const STAFF_FIGURES_SINCE = callStart(2024);
