import { type Amount, add, cents, epochDay, type IsoDate, prorata } from "@envol/domain";

/**
 * Staff mobility's counts and individual support (rulebook §10), shared by the two staff
 * schemes to come (`erasmus-staff`, KA131; `mic-staff`, KA171): they differ in their daily rates
 * and bounds, not in how a stay is counted or paid.
 */

/** Days paid at the full daily rate; each later day is paid at {@link TAPER_PERCENT} of it. */
export const FULL_RATE_DAYS = 14;

/** The share of the daily rate paid for each activity day after the 14th (days 15 to 60). */
export const TAPER_PERCENT = 70;

/**
 * The activity days of a teaching or training stay: the calendar days from its first to its last
 * day, both included (not the funded days of a student's stay).
 *
 * @example
 * activityDays("2027-03-08", "2027-03-12") // 5
 * @throws RangeError when the stay ends before it starts
 */
export const activityDays = (start: IsoDate, end: IsoDate): number => {
  const days = epochDay(end) - epochDay(start) + 1;
  if (days < 1) throw new RangeError(`the stay ends (${end}) before it starts (${start})`);
  return days;
};

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
