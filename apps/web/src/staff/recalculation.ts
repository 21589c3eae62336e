import { isIsoDate } from "@envol/domain";
import { z } from "zod";

/**
 * The recalculation form's checks: two calendar dates, the end on or after the start. Each error
 * is the key of its sentence (`recalculation.errors.<key>`).
 */
export const RecalculationSchema = z
  .object({
    actualStart: z.string().refine(isIsoDate, "date"),
    actualEnd: z.string().refine(isIsoDate, "date"),
    useCurrentOptions: z.boolean(),
  })
  .refine(
    (v) => !isIsoDate(v.actualStart) || !isIsoDate(v.actualEnd) || v.actualStart <= v.actualEnd,
    {
      message: "endBeforeStart",
      path: ["actualEnd"],
    },
  );

export type RecalculationValues = z.input<typeof RecalculationSchema>;
