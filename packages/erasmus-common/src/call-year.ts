import { academicYearStart, type EvaluationContext, type IsoDate } from "@envol/domain";

/**
 * The Erasmus+ call year whose figures apply to a stay (country groups, travel bands): the year
 * its academic year starts, so a stay from 1 July 2024 takes Call 2024's figures and one
 * starting the day before takes Call 2023's.
 *
 * @example
 * travelBand(ctx.distanceKm, callYear(ctx))
 */
export const callYear = (ctx: Pick<EvaluationContext, "academicYear">): number =>
  academicYearStart(ctx.academicYear);

/**
 * The first day of the stays a call funds: 1 July of its year (the academic year's start), the
 * `since` of a call's dated figures.
 *
 * @example
 * callStart(2025) // "2025-07-01": a stay from that day takes Call 2025's figures
 */
export const callStart = (call: number): IsoDate => `${call}-07-01`;
