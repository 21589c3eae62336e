import { anyOf, atMost, type Condition, isTrue } from "./conditions/condition.ts";
import { nonTaxable, quotientFamilial } from "./facts.ts";

/** The quotient familial ceiling of the rulebook's means test: 19 190 €. */
export const QF_CEILING_CENTS = 1_919_000;

/**
 * The means test of the Île-de-France grant and the alumni aid (rulebook §0): a non-taxable
 * household, or a quotient familial at most the ceiling. Schemes that accept more (the alumni
 * aid also takes any CROUS grant holder) wrap it in `anyOf`.
 *
 * @example
 * criterion("means", meansTest(options.qfCeilingCents))
 */
export const meansTest = (qfCeilingCents: number = QF_CEILING_CENTS): Condition =>
  anyOf(isTrue(nonTaxable), atMost(quotientFamilial, qfCeilingCents));
