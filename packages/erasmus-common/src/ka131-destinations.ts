import {
  allOf,
  type Condition,
  type CountrySet,
  EUROPE,
  FRANCE_AND_OVERSEAS,
  facts,
  noneOf,
} from "@envol/domain";

/**
 * KA131 destinations: Europe as the rulebook names it (EU27, associated countries, Regions 13
 * and 14), minus France (rulebook §2). Erasmus+ Europe goes there; the international credit
 * mobility goes everywhere else.
 */
export const KA131_DESTINATIONS: CountrySet = {
  id: "ka131-destinations",
  name: {
    fr: "un pays de destination Erasmus+ KA131",
    en: "an Erasmus+ KA131 destination country",
  },
  codes: new Set([...EUROPE.codes].filter((c) => !FRANCE_AND_OVERSEAS.codes.has(c))),
};

/**
 * The international credit mobility's destinations (KA171, Regions 1-12; rulebook §3 and §10):
 * abroad and outside the KA131 countries. KA131_DESTINATIONS already leaves France out, so
 * France is excluded separately. The student (`mic`) and staff (`mic-staff`) schemes read it.
 *
 * @example
 * criterion("destination", KA171_DESTINATION, { fr: "Pays hors Europe Erasmus+", en: "Country outside Erasmus+ Europe" })
 */
export const KA171_DESTINATION: Condition = allOf(
  noneOf(facts.hostCountry, FRANCE_AND_OVERSEAS),
  noneOf(facts.hostCountry, KA131_DESTINATIONS),
);
