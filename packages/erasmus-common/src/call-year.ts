import { academicYearStart, type EvaluationContext } from "@envol/domain";

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
