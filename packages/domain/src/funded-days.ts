import { type CivilDate, civil, daysInMonth, type IsoDate, toEpochDay } from "./calendar-date.ts";

/**
 * The last day of the `k`-th whole month of a stay starting on `start` (k ≥ 1): the day before
 * the same day-of-month k months later, or the last day of that month when it has no such day.
 * 1 Feb → 28 Feb; 15 Feb → 14 Mar; 31 Jan → 28 Feb (29 in a leap year).
 */
const monthEnd = (start: CivilDate, k: number): number => {
  const monthIndex = start.month - 1 + k;
  const year = start.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  // the day before the 1st of a month is the last day of the month before
  if (start.day === 1) return toEpochDay({ year, month, day: 1 }) - 1;
  return toEpochDay({ year, month, day: Math.min(start.day - 1, daysInMonth(year, month)) });
};

/**
 * A stay counted in whole months (rulebook §0): the k-th whole month from a start on day d ends
 * on the day before day d of the month k months later, or on that month's last day when it has
 * no day d − 1; `days` are the calendar days left after the last whole month. Both dates are
 * included.
 *
 * @example
 * wholeMonths("2027-02-01", "2027-02-28") // { months: 1, days: 0 }
 * wholeMonths("2027-01-31", "2027-02-28") // { months: 1, days: 0 }: February has no 30th
 * wholeMonths("2028-02-29", "2029-02-28") // { months: 12, days: 0 }
 * wholeMonths("2021-02-01", "2021-03-30") // { months: 1, days: 30 }: under two months
 * @throws RangeError when a date is not a calendar date or the stay ends before it starts
 */
export const wholeMonths = (start: IsoDate, end: IsoDate): { months: number; days: number } => {
  const s = civil(start);
  const endDay = toEpochDay(civil(end));
  const startDay = toEpochDay(s);
  if (endDay < startDay) throw new RangeError(`the stay ends (${end}) before it starts (${start})`);
  // a month is at least 28 days, so at most (length / 28) + 1 whole months fit
  let months = Math.floor((endDay - startDay + 1) / 31);
  while (monthEnd(s, months + 1) <= endDay) months++;
  const lastFull = months === 0 ? startDay - 1 : monthEnd(s, months);
  return { months, days: endDay - lastFull };
};

/**
 * Funded days, the Erasmus+ "30-day month" convention every monthly scheme uses (rulebook §0):
 * each whole month from the start date ({@link wholeMonths}) counts 30 days, then each
 * remaining calendar day counts 1.
 *
 * @example
 * fundedDays("2027-02-01", "2027-06-30") // 150
 * fundedDays("2027-02-15", "2027-07-04") // 140
 * fundedDays("2027-03-01", "2027-04-14") // 44
 * fundedDays("2028-02-29", "2029-02-28") // 360
 * @throws RangeError when a date is not a calendar date or the stay ends before it starts
 */
export const fundedDays = (start: IsoDate, end: IsoDate): number => {
  const { months, days } = wholeMonths(start, end);
  return months * 30 + days;
};
