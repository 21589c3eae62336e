import { isRecord } from "@envol/domain";

const months = (days: unknown, round: (x: number) => number): unknown =>
  typeof days === "number" ? round(days / 30) : days;

/**
 * One period as stored before the AMI's bounds were written in whole months (`minFundedDays`,
 * `maxFundedDays`, `lifetimeCapDays`), in today's months: a bound of 30 days a month becomes
 * that many months; one that is not a whole number of months keeps the stay as long as it was
 * (the least rounded up, the most and the cap down), since months now count whole.
 */
const periodInMonths = (period: unknown): unknown => {
  if (!isRecord(period) || !("minFundedDays" in period)) return period;
  const { minFundedDays, maxFundedDays, lifetimeCapDays, ...rest } = period;
  return {
    ...rest,
    minMonths: months(minFundedDays, Math.ceil),
    maxMonths: months(maxFundedDays, Math.floor),
    lifetimeCapMonths: months(lifetimeCapDays, Math.floor),
  };
};

/**
 * AMI options stored with a grant approved before the bounds were written in months, read in
 * today's shape for its recalculation (the rulebook's 60 / 270 / 270 days are 2 / 9 / 9 months).
 * Options in today's shape come back as they are.
 *
 * @example
 * amiStoredOptions({ periods: [{ since: "2024-07-01", minFundedDays: 30, maxFundedDays: 300, lifetimeCapDays: 300, monthlyRateCents: 40_000 }] })
 * // { periods: [{ since: "2024-07-01", minMonths: 1, maxMonths: 10, lifetimeCapMonths: 10, monthlyRateCents: 40_000 }] }
 */
export const amiStoredOptions = (stored: unknown): unknown =>
  isRecord(stored) && Array.isArray(stored.periods)
    ? { ...stored, periods: stored.periods.map(periodInMonths) }
    : stored;
