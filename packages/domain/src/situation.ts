import { z } from "zod";
import {
  compareDates,
  EARLIEST_DATE,
  isDateInRange,
  isIsoDate,
  LATEST_DATE,
} from "./calendar-date.ts";
import { isCountryCode } from "./countries.ts";
import { fieldText } from "./issue-text.ts";
import { TEXT_LIMITS } from "./text-limits.ts";

/**
 * The simulation request of ARCHITECTURE §4.1. Every fact is optional but the dates and a
 * destination: a missing fact makes a criterion unknown, never silently false. Objects are
 * strict, so a misspelt field is an error that names it rather than a fact quietly ignored.
 */

const NOT_A_DATE = fieldText({
  fr: "doit être une date écrite AAAA-MM-JJ",
  en: "must be a calendar date written YYYY-MM-DD",
});

/** A calendar date from 2000-01-01 to 2100-12-31: every date of a request, in the API and the CLI. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { ...NOT_A_DATE, abort: true })
  .refine(isIsoDate, { ...NOT_A_DATE, abort: true })
  .refine(
    isDateInRange,
    fieldText({
      fr: `doit être une date du ${EARLIEST_DATE} au ${LATEST_DATE}`,
      en: `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`,
    }),
  )
  .meta({
    description: `A calendar date, YYYY-MM-DD, from ${EARLIEST_DATE} to ${LATEST_DATE}`,
    format: "date",
    example: "2027-02-01",
  });

/**
 * A country, by its code. The pattern is said to the OpenAPI document only: the refinement
 * checks more, and a check that aborted would turn the host's union error into an opaque one.
 */
export const CountryCodeSchema = z
  .string()
  .refine(
    isCountryCode,
    fieldText({
      fr: "doit être un code pays ISO 3166-1 alpha-2, comme DE",
      en: "must be an ISO 3166-1 alpha-2 country code such as DE",
    }),
  )
  .meta({ description: "ISO 3166-1 alpha-2 country code", example: "DE", pattern: "^[A-Z]{2}$" });

/**
 * The most a situation may state as one amount: 1 000 000 000 €, so that the sums and products
 * the schemes make of a situation's amounts stay exact (four costs of 2^53 cents each added up
 * would not be, and the evaluation would throw).
 */
export const MAX_SITUATION_CENTS = 100_000_000_000;

/** An amount of money in euro cents (12 000 € is 1200000). */
export const CentsSchema = z
  .number()
  .int()
  .nonnegative()
  .max(MAX_SITUATION_CENTS)
  .meta({ description: "euro cents" });

export const PROGRAMME_LEVELS = ["bachelor", "master", "engineering", "doctorate"] as const;
export const PROGRAMME_MODES = ["initial", "apprenticeship", "continuing"] as const;
export const CROUS_ECHELONS = ["0bis", "1", "2", "3", "4", "5", "6", "7"] as const;
export const MOBILITY_KINDS = ["study", "internship"] as const;
export const FRAMEWORKS = [
  "inter-institution-agreement",
  "internship-agreement",
  "free-mover",
] as const;
export const COST_KINDS = ["transport", "visa", "insurance", "installation"] as const;
/** Who goes: a student (the default) or a member of the school's personnel (rulebook §10). */
export const PARTICIPANTS = ["student", "personnel"] as const;
/** A member of the personnel teaches (teaching staff) or works in administration. */
export const PERSONNEL_ROLES = ["teaching", "administrative"] as const;
/** What a member of the personnel goes to do: teach (STA) or train (STT). */
export const PERSONNEL_ACTIVITIES = ["teaching", "training"] as const;

export type ProgrammeLevel = (typeof PROGRAMME_LEVELS)[number];
export type ProgrammeMode = (typeof PROGRAMME_MODES)[number];
export type CrousEchelon = (typeof CROUS_ECHELONS)[number];
export type MobilityKind = (typeof MOBILITY_KINDS)[number];
export type Framework = (typeof FRAMEWORKS)[number];
export type CostKind = (typeof COST_KINDS)[number];
export type Participant = (typeof PARTICIPANTS)[number];
export type PersonnelRole = (typeof PERSONNEL_ROLES)[number];
export type PersonnelActivity = (typeof PERSONNEL_ACTIVITIES)[number];

export const StudentSchema = z.strictObject({
  programme: z
    .strictObject({
      level: z.enum(PROGRAMME_LEVELS).optional(),
      year: z.number().int().min(1).max(8).optional(),
      mode: z.enum(PROGRAMME_MODES).optional(),
      gapYear: z.boolean().optional(),
    })
    .optional(),
  residenceRegion: z
    .string()
    .regex(/^\d{2}$/, "must be a two-digit INSEE region code such as 11")
    .optional(),
  crous: z
    .strictObject({
      boursier: z.boolean().optional(),
      echelon: z.enum(CROUS_ECHELONS).optional(),
    })
    .optional(),
  household: z
    .strictObject({
      quotientFamilial: CentsSchema.optional(),
      nonTaxable: z.boolean().optional(),
    })
    .optional(),
  fewerOpportunities: z
    .strictObject({
      disability: z.boolean().optional(),
      qpv: z.boolean().optional(),
      zrr: z.boolean().optional(),
    })
    .optional(),
  history: z
    .strictObject({
      erasmusDaysInCycle: z.number().int().nonnegative().optional(),
      amiMonthsTotal: z.number().nonnegative().optional(),
    })
    .optional(),
});

/** The most teaching hours a stay may state: sixty days of eight hours. */
export const MAX_TEACHING_HOURS = 480;

/**
 * A member of the school's teaching or administrative personnel going on a teaching or training
 * stay (rulebook §10). Its presence makes the situation a personnel member's; without it the
 * situation is a student's, as every situation was before staff mobility.
 */
export const PersonnelSchema = z.strictObject({
  role: z.enum(PERSONNEL_ROLES).optional(),
  /** What the stay is for: teaching or training (a student's stay has a `mobility.kind`). */
  activity: z.enum(PERSONNEL_ACTIVITIES).optional(),
  /** The hours taught during the stay. */
  teachingHours: z.number().nonnegative().max(MAX_TEACHING_HOURS).optional(),
});

/** A host chosen from the partner catalogue: its country, city, coordinates and agreements come from there. */
export const PartnerHostSchema = z.strictObject({
  partner: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.id)
    .meta({ description: "partner catalogue id", example: "tu-berlin" }),
});

/** A destination typed by hand: no agreement can be claimed for it. */
export const InlineHostSchema = z.strictObject({
  name: z.string().min(1).max(TEXT_LIMITS.name).optional(),
  country: CountryCodeSchema,
  city: z.string().min(1).max(TEXT_LIMITS.name).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});

const HOST_SHAPE = fieldText({
  fr: 'doit être un partenaire du catalogue { "partner": "tu-berlin" } ou une destination { "country": "DE", "city", "lat", "lon" }',
  en: 'must be a catalogue partner { "partner": "tu-berlin" } or a destination { "country": "DE", "city", "lat", "lon" }',
});

export const HostSchema = z.union([PartnerHostSchema, InlineHostSchema], {
  error: (issue) => (issue.code === "invalid_union" ? HOST_SHAPE.message : undefined),
});

export const CostsSchema = z.strictObject({
  transport: CentsSchema.optional(),
  visa: CentsSchema.optional(),
  insurance: CentsSchema.optional(),
  installation: CentsSchema.optional(),
});

/** The message of an end date before the start date: the situation's, and the office's recalculation's. */
export const STAY_ENDS_AFTER_START = fieldText({
  fr: "le séjour doit finir le jour de son début ou après",
  en: "the stay must end on or after its start date",
});

export const MobilitySchema = z
  .strictObject({
    kind: z.enum(MOBILITY_KINDS).optional(),
    framework: z.enum(FRAMEWORKS).optional(),
    host: HostSchema,
    start: IsoDateSchema,
    end: IsoDateSchema,
    greenTravel: z.boolean().optional(),
    costs: CostsSchema.optional(),
  })
  .refine((m) => !isIsoDate(m.start) || !isIsoDate(m.end) || compareDates(m.start, m.end) <= 0, {
    ...STAY_ENDS_AFTER_START,
    path: ["end"],
  });

const STUDENT_OR_PERSONNEL = fieldText({
  fr: "une situation est celle d'un étudiant ou d'un membre du personnel : retirez « student » ou « personnel »",
  en: "a situation is a student's or a personnel member's: remove student or personnel",
});

export const SituationSchema = z
  .strictObject({
    asOf: IsoDateSchema.optional(),
    student: StudentSchema.optional(),
    personnel: PersonnelSchema.optional(),
    mobility: MobilitySchema,
  })
  .superRefine((s, ctx) => {
    if (s.personnel !== undefined && s.student !== undefined) {
      ctx.addIssue({ code: "custom", ...STUDENT_OR_PERSONNEL, path: ["personnel"] });
    }
  })
  .meta({
    id: "Situation",
    description:
      "A student or a member of the school's personnel, and a stay abroad: the input of every simulation (ARCHITECTURE §4.1)",
  });

export type Student = z.output<typeof StudentSchema>;
export type Personnel = z.output<typeof PersonnelSchema>;
export type Host = z.output<typeof HostSchema>;
export type InlineHost = z.output<typeof InlineHostSchema>;
export type Mobility = z.output<typeof MobilitySchema>;
export type Situation = z.output<typeof SituationSchema>;
export type Costs = z.output<typeof CostsSchema>;

export const isPartnerHost = (host: Host): host is z.output<typeof PartnerHostSchema> =>
  "partner" in host;

/** Who goes on the stay: a personnel member when the situation says so, else a student. */
export const participantOf = (situation: Pick<Situation, "personnel">): Participant =>
  situation.personnel === undefined ? "student" : "personnel";
