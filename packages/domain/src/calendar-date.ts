/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, with no time zone. Arithmetic goes through
 * epoch days (days since 1970-01-01, proleptic Gregorian), computed without `Date` so that
 * the host's time zone can never shift a day.
 */
export type IsoDate = string;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? Number.NaN);

const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
};

/** Parses an ISO date, or returns undefined when it is not a real calendar date. */
export const parseIsoDate = (value: string): CivilDate | undefined => {
  // hand-rolled rather than a RegExp: every evaluation parses its dates several times
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45)
    return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  // year >= 0 also rejects NaN: a non-digit in the year must not slip through
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)))
    return undefined;
  return { year, month, day };
};

export const isIsoDate = (value: string): boolean => parseIsoDate(value) !== undefined;

/**
 * The dates Envol takes from outside: a stay, its actual dates, an "as of". A wider range
 * reached the database as year 0 (PostgreSQL refuses it: a 500) or as a stay from year 1 to
 * 9999; the arithmetic here works on any year, so only the request schemas hold to it.
 */
export const EARLIEST_DATE: IsoDate = "2000-01-01";
export const LATEST_DATE: IsoDate = "2100-12-31";

/** A calendar date from {@link EARLIEST_DATE} to {@link LATEST_DATE}. */
export const isDateInRange = (value: string): boolean =>
  isIsoDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE;

const mustParse = (value: IsoDate): CivilDate => {
  const d = parseIsoDate(value);
  if (!d) throw new RangeError(`not a calendar date: ${JSON.stringify(value)}`);
  return d;
};

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export const toEpochDay = ({ year, month, day }: CivilDate): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

export const fromEpochDay = (epochDay: number): CivilDate => {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

export const formatIsoDate = ({ year, month, day }: CivilDate): IsoDate =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

export const epochDay = (date: IsoDate): number => toEpochDay(mustParse(date));

/** Calendar days from `a` to `b` (negative when b is before a). */
export const daysBetween = (a: IsoDate, b: IsoDate): number => epochDay(b) - epochDay(a);

/**
 * The calendar days of a stay, both ends counted: 2027-03-01 to 2027-03-05 is 5 days. Not the
 * funded days of the 30-day-month convention (`ctx.fundedDays`), which monthly rates use.
 */
export const calendarDays = (start: IsoDate, end: IsoDate): number => daysBetween(start, end) + 1;

/** The whole weeks of a stay, both ends counted: 20 calendar days are 2 weeks. */
export const wholeWeeks = (start: IsoDate, end: IsoDate): number =>
  Math.floor(calendarDays(start, end) / 7);

export const addDays = (date: IsoDate, days: number): IsoDate =>
  formatIsoDate(fromEpochDay(epochDay(date) + days));

/** ISO dates compare as strings; this names the intent. */
export const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);

export const civil = mustParse;
