import { describe, expect, it } from "vitest";
import { FRANCE_AND_OVERSEAS } from "../countries.ts";
import * as f from "../facts.ts";
import { formatMoney } from "../money.ts";
import {
  allOf,
  anyOf,
  atLeast,
  atMost,
  between,
  isFalse,
  isTrue,
  noneOf,
  not,
  oneOf,
  when,
} from "./condition.ts";
import { ruleSentence } from "./rule-sentence.ts";

describe("ruleSentence: a criterion's rule as a sentence for the rule pages", () => {
  it.each([
    [
      between(f.fundedDays, 60, 360),
      "La durée financée va de 60 jours à 360 jours.",
      "The funded duration is between 60 days and 360 days.",
    ],
    [
      atLeast(f.fundedDays, 30),
      "La durée financée est d'au moins 30 jours.",
      "The funded duration is at least 30 days.",
    ],
    [
      atMost(f.quotientFamilial, 1_919_000),
      `Le quotient familial est d'au plus ${formatMoney(1_919_000, "fr")}.`,
      "The family quotient (quotient familial) is at most €19,190.",
    ],
    [
      isTrue(f.crousBoursier),
      "Vous êtes boursier ou boursière du CROUS.",
      "You hold a CROUS grant.",
    ],
    [
      isFalse(f.gapYear),
      "Vous n'êtes pas en année de césure.",
      "You are not on a gap year (césure).",
    ],
    [
      noneOf(f.hostCountry, FRANCE_AND_OVERSEAS),
      "Le pays de destination n'est pas la France, métropole ou outre-mer.",
      "The destination country is not France, mainland or overseas.",
    ],
    [
      oneOf(f.mobilityKind, ["internship"]),
      "Le type de mobilité est stage.",
      "The kind of mobility is internship.",
    ],
  ])(
    "%#: a leaf names its fact with its article, or says what the answer means",
    (condition, fr, en) => {
      expect(ruleSentence(condition, "fr")).toBe(fr);
      expect(ruleSentence(condition, "en")).toBe(en);
    },
  );

  it("writes the bounds a range excludes", () => {
    expect(ruleSentence(not(between(f.fundedDays, 10, 20)), "fr")).toBe(
      "La durée financée reste sous 10 jours ou dépasse 20 jours.",
    );
  });

  it("joins conditions with and/or, brackets nested ones, and says 'soit …, soit …' for alternatives of several conditions", () => {
    expect(
      ruleSentence(anyOf(isTrue(f.nonTaxable), atMost(f.quotientFamilial, 1_919_000)), "fr"),
    ).toBe(
      `Votre foyer est non imposable ou le quotient familial est d'au plus ${formatMoney(1_919_000, "fr")}.`,
    );
    expect(
      ruleSentence(
        anyOf(isTrue(f.crousBoursier), anyOf(isTrue(f.nonTaxable), atMost(f.quotientFamilial, 1))),
        "en",
      ),
    ).toBe(
      "You hold a CROUS grant or (your household is not taxable or the family quotient (quotient familial) is at most €0.01).",
    );
    expect(
      ruleSentence(
        anyOf(
          allOf(oneOf(f.mobilityKind, ["study"]), atLeast(f.fundedDays, 60)),
          allOf(oneOf(f.mobilityKind, ["internship"]), atLeast(f.fundedDays, 30)),
        ),
        "fr",
      ),
    ).toBe(
      "Soit le type de mobilité est séjour d'études et la durée financée est d'au moins 60 jours, soit le type de mobilité est stage et la durée financée est d'au moins 30 jours.",
    );
  });

  it("says when a rule applies only if another holds", () => {
    expect(
      ruleSentence(when(oneOf(f.mobilityKind, ["internship"]), atLeast(f.fundedDays, 60)), "en"),
    ).toBe("When the kind of mobility is internship, the funded duration is at least 60 days.");
  });
});
