/**
 * OpenFisca-France's AMI test suite, case by case, as Envol situations (issue #13, peer suites).
 *
 * Mirrored: `tests/formulas/bourses_superieur/aide_mobilite_internationale.yaml` in
 * openfisca/openfisca-france, at commit e1ca438afdce6b60d8ec0e27320ad1139749e3e0 (six cases).
 * The facts carry over (dates, grant, expected verdicts); the tests are written for Envol.
 *
 * How OpenFisca's inputs become an Envol situation:
 * - `bourse_criteres_sociaux_eligibilite` is Envol's `crous.boursier`;
 * - a date given as a month (`2021-01`) is the 1st of that month, as OpenFisca reads it;
 * - what OpenFisca does not model is set so that it holds: a programme level, a stay abroad
 *   under an inter-institution agreement (`framework`), no AMI month received (OpenFisca has no
 *   lifetime cap).
 *
 * Where the readings differ, the test says why:
 * - months: OpenFisca divides the days between the dates (the end excluded) by an average month
 *   and truncates; Envol counts calendar whole months (rulebook §0) with both dates included.
 *   The counts differ by one for some stays of this suite, never the verdict;
 * - OpenFisca takes the figures in force in the month being computed (`period`), Envol those in
 *   force on the stay's start date; for every stay here both are the 2-to-9-month bounds;
 * - OpenFisca's amount is one month's payment (400 €), Envol's the whole stay's;
 * - OpenFisca checks the school's status (public or private under contract); Envol does not
 *   model it;
 * - a stay without a start or an end date is an input error in Envol, not an ineligible stay.
 */
import {
  createRegistry,
  evaluate,
  type SchemeResult,
  SituationSchema,
  wholeMonths,
} from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import { describe, expect, it } from "vitest";
import { ami } from "./ami.ts";

/** OpenFisca's individual, as an Envol situation: a stay at Politecnico di Milano. */
const situation = (start: string, end: string, boursier = true) => ({
  student: {
    programme: { level: "engineering" },
    crous: { boursier },
    history: { amiMonthsTotal: 0 },
  },
  mobility: {
    kind: "study",
    framework: "inter-institution-agreement",
    host: { partner: "polimi" },
    start,
    end,
  },
});

const simulate = (s: unknown): SchemeResult => {
  const registry = createRegistry({
    institution: TELECOM_PARIS,
    plugins: [ami.configure()],
    partners: DEMO_PARTNER_CATALOGUE.partners,
  });
  const scheme = evaluate(SituationSchema.parse(s), registry, { asOf: "2026-11-26", lang: "en" })
    .schemes[0];
  if (!scheme) throw new Error("the ami scheme is missing from the report");
  return scheme;
};

/** OpenFisca's `aide_mobilite_internationale_eligibilite`: Envol's verdict is eligible. */
const eligible = (s: unknown): boolean => simulate(s).verdict === "eligible";

const unmet = (s: unknown): string[] =>
  simulate(s)
    .criteria.filter((c) => c.status === "unmet")
    .map((c) => c.id);

describe("OpenFisca-France AMI suite (e1ca438a), mirrored", () => {
  it("« Montant de l'aide à la mobilité internationale selon l'éligibilité » (2021-04: 400, 0)", () => {
    // OpenFisca pays 400 € for the month computed when eligible, 0 otherwise; Envol gives the
    // stay's total, 400 € for each whole month: 1 January – 30 April 2021 is 4 months
    const stay = wholeMonths("2021-01-01", "2021-04-30");
    expect(stay).toEqual({ months: 4, days: 0 });
    const paid = simulate(situation("2021-01-01", "2021-04-30"));
    expect(paid.verdict).toBe("eligible");
    expect((paid.estimate?.totalCents ?? 0) / stay.months).toBe(40_000);
    // not eligible: no amount
    const unpaid = simulate(situation("2021-01-01", "2021-04-30", false));
    expect(unpaid.verdict).toBe("ineligible");
    expect(unpaid.estimate).toBeNull();
  });

  it("« Éligibilité … selon les critères sociaux » (2021-01 → 2021-04, grant holder or not: true, false)", () => {
    expect(eligible(situation("2021-01-01", "2021-04-01"))).toBe(true);
    expect(unmet(situation("2021-01-01", "2021-04-01", false))).toEqual(["boursier"]);
    // the counts differ (OpenFisca: 90 days, 2 months; Envol: 3 whole months and 1 day), both
    // within 2 to 9 months
    expect(wholeMonths("2021-01-01", "2021-04-01")).toEqual({ months: 3, days: 1 });
  });

  describe("« Éligibilité … selon la durée du séjour à l'étranger » (2021-03: false, true, true, false)", () => {
    it("2020-05-01 → 2021-03-31: false, over 9 months (OpenFisca 10, Envol 11 whole months)", () => {
      expect(wholeMonths("2020-05-01", "2021-03-31")).toEqual({ months: 11, days: 0 });
      expect(unmet(situation("2020-05-01", "2021-03-31"))).toEqual(["duration"]);
    });

    it("2020-07 → 2021-03: true (OpenFisca 7 months, Envol 8 whole months and 1 day)", () => {
      expect(wholeMonths("2020-07-01", "2021-03-01")).toEqual({ months: 8, days: 1 });
      expect(eligible(situation("2020-07-01", "2021-03-01"))).toBe(true);
    });

    it("2021-01-29 → 2021-03-31: true, 2 whole months and 3 days (OpenFisca 2 months too)", () => {
      expect(wholeMonths("2021-01-29", "2021-03-31")).toEqual({ months: 2, days: 3 });
      expect(eligible(situation("2021-01-29", "2021-03-31"))).toBe(true);
    });

    it("2021-02-01 → 2021-03-30: false, 1 whole month and 30 days, under two months (OpenFisca 1 month too)", () => {
      expect(wholeMonths("2021-02-01", "2021-03-30")).toEqual({ months: 1, days: 30 });
      expect(unmet(situation("2021-02-01", "2021-03-30"))).toEqual(["duration"]);
    });
  });

  it("« Éligibilité … selon le statut de l'établissement » (public, privé sous contrat, privé hors contrat: true, true, false)", () => {
    // public and private under contract: eligible in both
    expect(eligible(situation("2021-01-01", "2021-04-01"))).toBe(true);
    // private without contract: OpenFisca says false. Envol does not model the home school's
    // status (rulebook §6 has no such criterion: the school that runs Envol distributes the aid,
    // so it is entitled to), so the same situation stays eligible: a documented difference
    const privateWithoutContract = situation("2021-01-01", "2021-04-01");
    expect(simulate(privateWithoutContract).criteria.map((c) => c.id)).not.toContain("status");
    expect(eligible(privateWithoutContract)).toBe(true);
  });

  it("« Cas où le séjour à l'étranger n'est pas correctement défini (pas de date de fin) »: false in OpenFisca, an error naming mobility.end in Envol", () => {
    // OpenFisca defaults the missing date (1970-01-01) and finds the duration out of bounds;
    // Envol refuses the situation and names the field instead of guessing a date
    const { end: _end, ...mobility } = situation("2021-01-01", "2021-04-01").mobility;
    const parsed = SituationSchema.safeParse({
      ...situation("2021-01-01", "2021-04-01"),
      mobility,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["mobility.end"]);
  });

  it("« Cas où le séjour à l'étranger n'est pas correctement défini (pas de date de début) »: false in OpenFisca, an error naming mobility.start in Envol", () => {
    const { start: _start, ...mobility } = situation("2021-01-01", "2021-04-01").mobility;
    const parsed = SituationSchema.safeParse({
      ...situation("2021-01-01", "2021-04-01"),
      mobility,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["mobility.start"]);
  });
});

describe("OpenFisca-France's parameters, where Envol's reading differs (no OpenFisca case)", () => {
  it("the 10-month maximum: OpenFisca from 2024-06-18, Envol for stays starting from 2024-07-01", () => {
    // 20 June 2024 – 19 April 2025 is 10 whole months. OpenFisca computing any of its months
    // (all from 2024-06-18 on) allows 10; Envol takes the figures in force on the start date,
    // 2 to 9 months before 1 July 2024
    expect(wholeMonths("2024-06-20", "2025-04-19")).toEqual({ months: 10, days: 0 });
    expect(unmet(situation("2024-06-20", "2025-04-19"))).toEqual(["duration"]);
    expect(eligible(situation("2024-07-01", "2025-04-30"))).toBe(true);
  });
});
