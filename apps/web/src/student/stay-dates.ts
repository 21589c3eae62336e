import type { NextStep } from "./student-api.ts";

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

/**
 * The next steps with the stay's actual end where it is recorded: a balance paid and the
 * documents due after return are dated by the stay's end, which the API gives as planned.
 */
export const withActualEnd = (
  steps: readonly NextStep[],
  applications: readonly ({ readonly id: string } & Dates)[],
): NextStep[] => {
  const actualEnd = new Map(applications.map((a) => [a.id, a.actualEndDate]));
  return steps.map((step) => {
    const end = actualEnd.get(step.applicationId);
    if (!end) return step;
    if (step.kind === "payment" && step.instalment === "balance") return { ...step, date: end };
    if (step.kind === "document" && step.due === "after-return") return { ...step, date: end };
    return step;
  });
};
