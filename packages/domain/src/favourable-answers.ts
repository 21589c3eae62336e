import {
  COST_KINDS,
  type Costs,
  MAX_SITUATION_CENTS,
  MOBILITY_KINDS,
  type Situation,
} from "./situation.ts";

/** `value` when it is answered, `favourable` when it is not. */
const or = <T>(value: T | undefined, favourable: T): T =>
  value === undefined ? favourable : value;

/** Every cost left undeclared at the most a situation may state: a capped aid then gives its cap. */
const mostCosts = (costs: Costs | undefined): Costs =>
  Object.fromEntries(COST_KINDS.map((k) => [k, or(costs?.[k], MAX_SITUATION_CENTS)]));

/**
 * The situations a student could still turn out to be in, with every question left open that
 * moves an amount answered at its most favourable: "jusqu'à X €", the most an incomplete scheme
 * could give (ARCHITECTURE §4.1). What the student answered is kept as it is.
 *
 * - a fewer-opportunities ground not answered counts as declared (the Erasmus+ top-ups);
 * - green travel, when not answered (the higher travel band);
 * - a CROUS grant at the highest echelon, unless the student said they have none (AMI, the
 *   means tests, the high-echelon ground);
 * - a non-taxable household with a quotient of 0 (the means tests);
 * - no Erasmus+ or AMI days used yet (the caps over a cycle or a lifetime);
 * - every undeclared cost at the most a situation may state (an aid that repays costs then
 *   gives its cap);
 * - the kind of mobility, when not answered, both ways: a traineeship pays a top-up in some
 *   schemes, and others take only study periods.
 *
 * The answers that only decide whether a scheme applies (level, mode, year, gap year, region,
 * framework) stay open: a criterion that reads them stays unknown, which lets the scheme be
 * estimated all the same.
 *
 * @example
 * favourableSituations(situation).length // 2 when the kind of mobility is not answered, else 1
 */
export const favourableSituations = (situation: Situation): readonly Situation[] => {
  const student = situation.student;
  const crous = student?.crous;
  const boursier = or(crous?.boursier, true);
  const favourable: Situation = {
    ...situation,
    student: {
      ...student,
      crous: boursier ? { boursier, echelon: or(crous?.echelon, "7") } : { ...crous, boursier },
      household: {
        quotientFamilial: or(student?.household?.quotientFamilial, 0),
        nonTaxable: or(student?.household?.nonTaxable, true),
      },
      fewerOpportunities: {
        disability: or(student?.fewerOpportunities?.disability, true),
        qpv: or(student?.fewerOpportunities?.qpv, true),
        zrr: or(student?.fewerOpportunities?.zrr, true),
      },
      history: {
        erasmusDaysInCycle: or(student?.history?.erasmusDaysInCycle, 0),
        amiMonthsTotal: or(student?.history?.amiMonthsTotal, 0),
      },
    },
    mobility: {
      ...situation.mobility,
      greenTravel: or(situation.mobility.greenTravel, true),
      costs: mostCosts(situation.mobility.costs),
    },
  };
  if (situation.mobility.kind !== undefined) return [favourable];
  return MOBILITY_KINDS.map((kind) => ({
    ...favourable,
    mobility: { ...favourable.mobility, kind },
  }));
};
