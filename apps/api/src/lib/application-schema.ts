import { PARTICIPANTS, SituationSchema } from "@envol/domain";
import { z } from "@hono/zod-openapi";

/**
 * An application's fields as both its student and the office read them, after its id (and, for
 * the office, its student's id): the situation as submitted, where and when the stay is, the
 * actual dates once recalculated, and ISO timestamps.
 */
export const applicationFields = {
  participant: z.enum(PARTICIPANTS).meta({
    description:
      "Whose application it is: a student's, or a member of the school's personnel's (teaching or training stay); the situation's `personnel` block says it",
  }),
  situation: SituationSchema,
  academicYear: z.string(),
  hostPartnerId: z.string().nullable(),
  destinationCountry: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  actualStartDate: z.string().nullable(),
  actualEndDate: z.string().nullable(),
  actualTeachingHours: z.number().nullable().meta({
    description:
      "For a member of the personnel's teaching stay: the hours taught as the office last recorded them from the certificate of attendance (a recalculation without hours keeps them); null until then",
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
};
