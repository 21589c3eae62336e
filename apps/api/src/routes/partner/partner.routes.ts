import {
  compareDates,
  EARLIEST_ACADEMIC_YEAR,
  EARLIEST_DATE,
  fieldText,
  IsoDateSchema,
  isAcademicYear,
  isDateInRange,
  LATEST_ACADEMIC_YEAR,
  LATEST_DATE,
  TEXT_LIMITS,
} from "@envol/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { PARTNER_SECURITY_SCHEME } from "../../lib/partner-auth.ts";
import { problemResponse, tooManyResponse } from "../../lib/problem.ts";
import {
  ACTIVITY_TYPES,
  envolAcademicYear,
  ewpAcademicYear,
  OMOBILITY_STATUSES,
} from "./omobility.ts";

const TAGS = ["Partner schools"];
const security = [{ [PARTNER_SECURITY_SCHEME]: [] }];

const EARLIEST_EWP_YEAR = ewpAcademicYear(EARLIEST_ACADEMIC_YEAR);
const LATEST_EWP_YEAR = ewpAcademicYear(LATEST_ACADEMIC_YEAR);

/** Envol's academic year as EWP writes it: the same years, the same range, a slash between. */
const EwpAcademicYearSchema = z
  .string()
  .regex(/^\d{4}\/\d{4}$/, {
    ...fieldText({
      fr: "doit être une année universitaire écrite AAAA/AAAA, comme 2026/2027",
      en: "must be an academic year written YYYY/YYYY, such as 2026/2027",
    }),
    abort: true,
  })
  .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, {
    ...fieldText({
      fr: "la seconde année doit suivre la première, comme 2026/2027",
      en: "the second year must follow the first, such as 2026/2027",
    }),
    abort: true,
  })
  .refine(
    (y) => isAcademicYear(envolAcademicYear(y)),
    fieldText({
      fr: `doit être une année universitaire de ${EARLIEST_EWP_YEAR} à ${LATEST_EWP_YEAR}`,
      en: `must be an academic year from ${EARLIEST_EWP_YEAR} to ${LATEST_EWP_YEAR}`,
    }),
  )
  .meta({
    description: `An academic year as EWP writes it, from ${EARLIEST_EWP_YEAR} to ${LATEST_EWP_YEAR}`,
    example: "2026/2027",
  });

export const OMobilitySchema = z
  .object({
    omobility_id: z.string().meta({ example: "0b7e9c1e-8a3f-4d5e-9a63-4c1f2d3e4f50" }),
    sending_hei_id: z
      .string()
      .meta({ description: "The sending school", example: "telecom-paris" }),
    receiving_hei_id: z
      .string()
      .meta({ description: "The host: the calling partner", example: "tu-berlin" }),
    receiving_academic_year_id: EwpAcademicYearSchema,
    activity_type: z.enum(ACTIVITY_TYPES).meta({
      description:
        "What the mobility is: a student's studies or traineeship (omobilities v2), or a staff mobility of the school's personnel, to teach (`staff-teacher`) or to train (`staff-training`), named as EWP's inter-institutional agreements name them",
    }),
    status: z.enum(OMOBILITY_STATUSES).meta({
      description:
        "nomination: the sending school is still deciding; live: a grant is awarded and running; recognized: the stay is over and its grant settled; cancelled: every request was withdrawn, cancelled or rejected",
    }),
    planned_arrival_date: IsoDateSchema,
    planned_departure_date: IsoDateSchema,
    actual_arrival_date: IsoDateSchema.nullable().meta({
      description: "As confirmed by the host (PUT …/decision) or by the sending school",
    }),
    actual_departure_date: IsoDateSchema.nullable(),
    student: z.object({ name: z.string(), email: z.string() }).meta({
      description:
        "The participant's name and email (the student's, or the personnel member's on a staff mobility): no other personal data is shared",
    }),
    modified_at: z.string().meta({
      description: "When the mobility last changed (what `modified_since` compares with)",
      example: "2026-11-26T10:00:00.000Z",
    }),
    office_review: z
      .object({
        status: z.enum(["awaiting_office", "confirmed", "rejected", "superseded"]).meta({
          description:
            "awaiting_office: not applied yet, the international office must confirm it; confirmed: applied (the actual dates above are these); rejected: not applied, see reason; superseded: replaced by a later statement or recalculation",
        }),
        actual_arrival_date: IsoDateSchema,
        actual_departure_date: IsoDateSchema,
        reason: z.string().nullable().meta({ description: "The office's reason for a rejection" }),
      })
      .nullable()
      .meta({
        description:
          "Your latest statement of actual dates that would raise a grant, and what the office did with it: such a statement is applied only once the office confirms it. Null when none was made.",
      }),
  })
  .meta({ id: "OMobility" });

export const OMobilityIndexSchema = z
  .object({
    omobilities: z.array(z.object({ omobility_id: z.string(), modified_at: z.string() })),
  })
  .meta({ id: "OMobilityIndex" });

const tooManyCalls = tooManyResponse(
  "Too many calls with this API key this minute (ENVOL_LIMIT_PARTNER_CALLS_PER_MINUTE)",
);
const unauthorized = problemResponse(
  "No API key, or an unknown or revoked one (with WWW-Authenticate: Bearer)",
);
const notFound = problemResponse(
  "No such mobility, or not one to the calling partner: the two are not told apart",
);

export const listOMobilities = createRoute({
  method: "get",
  path: "/omobilities",
  tags: TAGS,
  security,
  summary: "The index: the mobilities of our students to your institution",
  description:
    "EWP Outgoing Mobilities `index`: the ids (and modification times) of the mobilities to the calling partner, oldest planned arrival first. Mobilities still in draft are never listed.",
  request: {
    query: z.object({
      receiving_academic_year_id: EwpAcademicYearSchema.optional(),
      modified_since: z.iso
        .datetime({ offset: true, abort: true })
        // its date within the range of every request date: year 0 or 9999 is a slip
        .refine(
          (moment) => isDateInRange(moment.slice(0, 10)),
          fieldText({
            fr: `doit être un instant du ${EARLIEST_DATE} au ${LATEST_DATE}`,
            en: `must be a moment from ${EARLIEST_DATE} to ${LATEST_DATE}`,
          }),
        )
        .optional()
        .meta({
          description: `Only the mobilities modified after this moment (ISO 8601 date-time, from ${EARLIEST_DATE} to ${LATEST_DATE})`,
          example: "2026-11-01T00:00:00Z",
        }),
    }),
  },
  responses: {
    200: {
      description: "The index",
      content: { "application/json": { schema: OMobilityIndexSchema } },
    },
    401: unauthorized,
    429: tooManyCalls,
    422: problemResponse("A query parameter is invalid"),
  },
});

const OMobilityParams = z.object({
  omobility_id: z
    .string()
    .max(TEXT_LIMITS.id)
    .meta({ example: "0b7e9c1e-8a3f-4d5e-9a63-4c1f2d3e4f50" }),
});

export const getOMobility = createRoute({
  method: "get",
  path: "/omobilities/{omobility_id}",
  tags: TAGS,
  security,
  summary: "One mobility: its status, planned dates and student",
  description:
    "EWP Outgoing Mobilities `get`. The status is derived from the student's funding requests.",
  request: { params: OMobilityParams },
  responses: {
    200: {
      description: "The mobility",
      content: { "application/json": { schema: OMobilitySchema } },
    },
    401: unauthorized,
    429: tooManyCalls,
    404: notFound,
  },
});

export const DecisionSchema = z
  .object({
    decision: z.enum(["pending", "verified", "rejected"]).meta({
      description:
        "verified: you accept the student (with the actual dates once the stay is over, the grants are recalculated on them); rejected: you refuse the nomination (the student's open requests are cancelled); pending: not decided yet",
    }),
    comment: z.string().trim().min(1).max(TEXT_LIMITS.text).optional().meta({
      description:
        "Kept in the application's history, which the international office reads; with rejected, also the reason the student is told",
    }),
    actual_arrival_date: IsoDateSchema.optional(),
    actual_departure_date: IsoDateSchema.optional(),
  })
  .superRefine((d, ctx) => {
    const arrival = d.actual_arrival_date;
    const departure = d.actual_departure_date;
    if (arrival === undefined && departure === undefined) return;
    if (d.decision !== "verified") {
      for (const key of ["actual_arrival_date", "actual_departure_date"] as const)
        if (d[key] !== undefined)
          ctx.addIssue({
            code: "custom",
            path: [key],
            ...fieldText({
              fr: "les dates réelles ne vont qu'avec une décision verified",
              en: "actual dates go with a verified decision only",
            }),
          });
      return;
    }
    if (arrival === undefined || departure === undefined) {
      ctx.addIssue({
        code: "custom",
        path: [arrival === undefined ? "actual_arrival_date" : "actual_departure_date"],
        ...fieldText({
          fr: "les dates réelles d'arrivée et de départ vont ensemble",
          en: "the actual arrival and departure dates go together",
        }),
      });
      return;
    }
    if (compareDates(arrival, departure) > 0)
      ctx.addIssue({
        code: "custom",
        path: ["actual_departure_date"],
        ...fieldText({
          fr: "ne doit pas précéder la date réelle d'arrivée",
          en: "must not be before the actual arrival date",
        }),
      });
  })
  .meta({ id: "OMobilityDecision" });

export const decideOMobility = createRoute({
  method: "put",
  path: "/omobilities/{omobility_id}/decision",
  tags: TAGS,
  security,
  summary: "Your decision on a mobility: pending, verified or rejected",
  description:
    "The EWP Incoming Mobilities data, written by the host. `verified` with `actual_arrival_date` and `actual_departure_date` recalculates each awarded grant on the actual dates (a ledger line explains the difference; the student is told); sending the same dates again changes nothing, even sent several times at once. The actual dates must fall within ENVOL_PARTNER_DATE_WINDOW_DAYS (30 by default) days before the planned arrival and after the planned departure, and within the stay's academic year (1 July–30 June; the planned dates themselves are always allowed): otherwise 422, naming the field and the dates allowed. Dates that would raise a grant, or change (up or down) a grant the office approved with an override or one of which money was already paid, are not applied: they are kept for the international office to confirm (202 Accepted, `office_review.status` `awaiting_office`), and `GET` tells what the office decided; dates that lower an unpaid grant approved on the rules apply at once. Dates the office already rejected change nothing (200, `office_review.status` `rejected` with its reason); only other dates are weighed again. `rejected` cancels the student's open requests, with `comment` as the reason; when one of them has its advance paid, nothing is cancelled and the answer is a 409 (a grant with money paid is ended by the sending office). `pending` changes nothing else. Every decision Envol acts on, with its dates and comment, is kept in the application's history (the international office sees it; a 409 is not kept); the same decision sent again is kept once. Answers the mobility as it now is.",
  request: {
    params: OMobilityParams,
    body: { required: true, content: { "application/json": { schema: DecisionSchema } } },
  },
  responses: {
    200: {
      description: "The mobility after the decision",
      content: { "application/json": { schema: OMobilitySchema } },
    },
    202: {
      description:
        "The actual dates would raise a grant, or change one approved with an override or with money paid: kept, awaiting the international office's confirmation (`office_review`); the mobility as it now is, with its grants unchanged",
      content: { "application/json": { schema: OMobilitySchema } },
    },
    400: problemResponse("The body is not JSON"),
    401: unauthorized,
    429: tooManyCalls,
    404: notFound,
    409: problemResponse(
      "The decision is not possible now: no awarded grant to recalculate on the actual dates, the stay is no longer eligible on them, the envelope cannot cover the difference, or (`rejected`) a grant of the mobility has its advance paid, which only the sending office ends (nothing is cancelled)",
    ),
    422: problemResponse(
      "A field is invalid: each is listed with its path and why (actual dates outside the window around the planned stay or its academic year name the dates allowed)",
    ),
  },
});
