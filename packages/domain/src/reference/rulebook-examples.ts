import type { WorkedExample } from "../plugin.ts";
import { WORKED_EXAMPLE_1 } from "./worked-example.ts";

/**
 * The rulebook's worked examples (§9) as the schemes' rule pages show them: each scheme they
 * concern lists them in its `examples`, and the API evaluates them on the rules in force, so
 * the amounts shown are never copied from the rulebook. No `asOf`: they are read on today.
 */
const { asOf: _, ...berlin } = WORKED_EXAMPLE_1;

/** §9.1: échelon 5, QF 12 000 €, a semester at TU Berlin, no green travel, 920 € of costs. */
export const RULEBOOK_EXAMPLE_1: WorkedExample = {
  title: {
    fr: "Exemple 1 du règlement : élève ingénieur en 2e année, boursier CROUS échelon 5, un semestre à TU Berlin (février à juin 2027)",
    en: "Rulebook example 1: a second-year engineering student, CROUS grant échelon 5, a semester at TU Berlin (February to June 2027)",
  },
  situation: berlin,
};

/** §9.2: the same with échelon 7 and green travel. */
export const RULEBOOK_EXAMPLE_2: WorkedExample = {
  title: {
    fr: "Exemple 2 du règlement : le même semestre à TU Berlin, boursier échelon 7, voyage bas carbone",
    en: "Rulebook example 2: the same semester at TU Berlin, CROUS grant échelon 7, green travel",
  },
  situation: {
    ...berlin,
    student: { ...berlin.student, crous: { boursier: true, echelon: "7" } },
    mobility: { ...berlin.mobility, greenTravel: true },
  },
};

/** §9.3: 44 funded days at Polimi, QF 10 000 €. */
export const RULEBOOK_EXAMPLE_3: WorkedExample = {
  title: {
    fr: "Exemple 3 du règlement : six semaines à Politecnico di Milano (mars à avril 2027), quotient familial 10 000 €",
    en: "Rulebook example 3: six weeks at Politecnico di Milano (March to April 2027), family quotient €10,000",
  },
  situation: {
    ...berlin,
    student: { ...berlin.student, household: { quotientFamilial: 1_000_000, nonTaxable: false } },
    mobility: {
      ...berlin.mobility,
      host: { partner: "polimi" },
      start: "2027-03-01",
      end: "2027-04-14",
    },
  },
};
