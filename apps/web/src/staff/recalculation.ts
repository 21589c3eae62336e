import { isIsoDate } from "@envol/domain";
import { z } from "zod";

/** The most teaching hours the API takes (the domain's MAX_TEACHING_HOURS: 60 days of 8 hours). */
const MAX_TEACHING_HOURS = 480;

/**
 * The hours a certificate of attendance gives, as typed ("8", "7,5"): a number of hours, or
 * undefined when the field is left empty (the hours in use then count: `teachingHoursInUse`).
 */
export const teachingHoursOf = (typed: string | undefined): number | undefined => {
  const text = typed?.trim().replace(",", ".") ?? "";
  return text === "" ? undefined : Number(text);
};

/**
 * The teaching hours a recalculation counts when its field is left empty (ADR 016): those the
 * office last recorded from a certificate of attendance, else those stated when applying, else
 * none. `recorded` says which, for the hint and the summary to name their source.
 */
export const teachingHoursInUse = (application: {
  readonly actualTeachingHours: number | null;
  readonly situation: { readonly personnel?: { readonly teachingHours?: number } };
}): { hours: number; recorded: boolean } | undefined => {
  if (application.actualTeachingHours !== null)
    return { hours: application.actualTeachingHours, recorded: true };
  const stated = application.situation.personnel?.teachingHours;
  return stated === undefined ? undefined : { hours: stated, recorded: false };
};

const isHours = (typed: string | undefined): boolean => {
  const hours = teachingHoursOf(typed);
  return (
    hours === undefined || (Number.isFinite(hours) && hours >= 0 && hours <= MAX_TEACHING_HOURS)
  );
};

/**
 * The recalculation form's checks: two calendar dates, the end on or after the start, and for a
 * teaching stay of the personnel (ADR 016) the hours taught, if given, between 0 and 480. Each
 * error is the key of its sentence (`recalculation.errors.<key>`).
 */
export const RecalculationSchema = z
  .object({
    actualStart: z.string().refine(isIsoDate, "date"),
    actualEnd: z.string().refine(isIsoDate, "date"),
    useCurrentOptions: z.boolean(),
    actualTeachingHours: z.string().optional().refine(isHours, "hours"),
  })
  .refine(
    (v) => !isIsoDate(v.actualStart) || !isIsoDate(v.actualEnd) || v.actualStart <= v.actualEnd,
    {
      message: "endBeforeStart",
      path: ["actualEnd"],
    },
  );

export type RecalculationValues = z.input<typeof RecalculationSchema>;
