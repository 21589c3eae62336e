import { type Amount, add, cents, prorata } from "@envol/domain";
import { callStart } from "./call-year.ts";

/**
 * Staff mobility's counts and individual support (rulebook §10), shared by the two staff
 * schemes (`erasmus-staff`, KA131; `mic-staff`, KA171): they differ in their daily rates
 * and bounds, not in how a stay is paid. A stay's activity days are the domain's fact
 * `activityDays` (calendar days, both ends counted).
 */

/** Days paid at the full daily rate; each later day is paid at {@link TAPER_PERCENT} of it. */
export const FULL_RATE_DAYS = 14;

/** The share of the daily rate paid for each activity day after the 14th (days 15 to 60). */
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

/**
 * The individual support of a staff stay: the daily rate for each of the first 14 activity days
 * and for each travel day, then 70 % of it for each activity day after the 14th — exact, rounded
 * once with the rest of the estimate.
 *
 * @example
 * staffIndividualSupport(16_000, 20, 2) // 160 € × (14 + 2) + 70 % × 160 € × 6 = 3 232 €
 */
export const staffIndividualSupport = (
  dailyRateCents: number,
  days: number,
  travelDays: number,
): Amount =>
  add(
    cents(dailyRateCents * (Math.min(days, FULL_RATE_DAYS) + travelDays)),
    prorata(dailyRateCents * TAPER_PERCENT, Math.max(0, days - FULL_RATE_DAYS), 100),
  );

/**
 * The first start date the staff schemes have figures for: Call 2024's daily rates and travel
 * bands (rulebook §10). An earlier stay is ineligible on `period`.
 */
export const STAFF_FIGURES_SINCE = callStart(2024);
