import { type CountrySet, EUROPE, FRANCE_AND_OVERSEAS } from "@envol/domain";

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
