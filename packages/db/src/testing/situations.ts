import {
  type CrousEchelon,
  type Host,
  type MobilityKind,
  type Situation,
  SituationSchema,
} from "@envol/domain";

export interface SemesterOptions {
  /** A partner's id, or a host outside the catalogue. Default: "tu-berlin". */
  readonly host?: string | Host;
  /** Default: "2027-02-01". */
  readonly start?: string;
  /** Default: "2027-06-30". */
  readonly end?: string;
  /** Default: "study", under an inter-institution agreement (an internship: its agreement). */
  readonly kind?: MobilityKind;
  /** The CROUS grant's échelon (the student always holds one). Default: "5". */
  readonly echelon?: CrousEchelon;
  /** In euro cents. Default: 1 200 000 (12 000 €). */
  readonly quotientFamilial?: number;
  /** The student's region of residence (INSEE code: "11" is Île-de-France). Default: none. */
  readonly residenceRegion?: string;
}

/**
 * A stay in 2026-2027 (as of 2026-11-26) of a second-year engineering student in initial
 * training, with a CROUS grant, no gap year and no earlier Erasmus+ or AMI days: by default a
 * semester at TU Berlin, eligible to several schemes, among them the alumni aid.
 */
export const semesterAt = ({
  host = "tu-berlin",
  start = "2027-02-01",
  end = "2027-06-30",
  kind = "study",
  echelon = "5",
  quotientFamilial = 1_200_000,
  residenceRegion,
}: SemesterOptions = {}): Situation =>
  SituationSchema.parse({
    asOf: "2026-11-26",
    student: {
      programme: { level: "engineering", year: 2, mode: "initial", gapYear: false },
      ...(residenceRegion === undefined ? {} : { residenceRegion }),
      crous: { boursier: true, echelon },
      household: { quotientFamilial, nonTaxable: false },
      history: { erasmusDaysInCycle: 0, amiMonthsTotal: 0 },
    },
    mobility: {
      kind,
      framework: kind === "study" ? "inter-institution-agreement" : "internship-agreement",
      host: typeof host === "string" ? { partner: host } : host,
      start,
      end,
    },
  });

/**
 * The default semester at TU Berlin: the situation the database suites, their worker processes
 * and the two-instance API test file applications with.
 */
export const BERLIN_SEMESTER: Situation = semesterAt();

export interface PersonnelStayOptions {
  /** A partner's id. Default: "tu-berlin". */
  readonly host?: string;
  /** Default: "2027-03-15". */
  readonly start?: string;
  /** Default: "2027-03-19" (five days, both ends). */
  readonly end?: string;
  /** Default: "teaching". */
  readonly activity?: "teaching" | "training";
  /** Default: 8, Erasmus+'s minimum for a teaching stay of up to a week (rulebook §10). */
  readonly teachingHours?: number;
}

/**
 * A member of the school's teaching personnel going on a teaching stay in 2026-2027 (ADR 016):
 * by default five days at TU Berlin, eight hours taught.
 */
export const personnelStayAt = ({
  host = "tu-berlin",
  start = "2027-03-15",
  end = "2027-03-19",
  activity = "teaching",
  teachingHours = 8,
}: PersonnelStayOptions = {}): Situation =>
  SituationSchema.parse({
    asOf: "2026-11-26",
    personnel: {
      role: "teaching",
      activity,
      ...(activity === "teaching" ? { teachingHours } : {}),
    },
    mobility: { host: { partner: host }, start, end },
  });
