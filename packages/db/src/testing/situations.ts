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
