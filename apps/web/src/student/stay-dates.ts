interface Dates {
  readonly startDate: string;
  readonly endDate: string;
  readonly actualStartDate: string | null;
  readonly actualEndDate: string | null;
}

/**
 * The stay's dates to show an applicant: the actual ones once recorded (by the host's statement
 * or the office's recalculation, which the grant was recomputed on), else the planned ones;
 * `actual` says which, for the page to say it. Each actual date stands alone: a recorded end
 * with the planned start is what the office entered.
 */
export const stayDates = (
  application: Dates,
): { readonly start: string; readonly end: string; readonly actual: boolean } => ({
  start: application.actualStartDate ?? application.startDate,
  end: application.actualEndDate ?? application.endDate,
  actual: application.actualStartDate !== null || application.actualEndDate !== null,
});
