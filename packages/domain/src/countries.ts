import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import fr from "i18n-iso-countries/langs/fr.json" with { type: "json" };
import type { Lang, Text } from "./text.ts";

/** An ISO 3166-1 alpha-2 country code, upper case. */
export type CountryCode = string;

type Names = Record<string, string | readonly string[]>;
const NAMES: Record<Lang, Names> = { fr: fr.countries, en: en.countries };

/** Every ISO 3166-1 alpha-2 code known to the maintained `i18n-iso-countries` data. */
export const COUNTRY_CODES: ReadonlySet<CountryCode> = new Set(Object.keys(en.countries));

export const isCountryCode = (code: string): boolean => COUNTRY_CODES.has(code);

/** The country's usual name: `countryName("DE", "fr")` is "Allemagne". */
export const countryName = (code: CountryCode, lang: Lang): string => {
  const name = NAMES[lang][code];
  if (name === undefined) return code;
  return typeof name === "string" ? name : (name[0] ?? code);
};

/** A named set of countries (rulebook §0); its name reads in a sentence ("un pays de l'UE"). */
export interface CountrySet {
  readonly id: string;
  readonly name: Text;
  readonly codes: ReadonlySet<CountryCode>;
}

const countrySet = (id: string, name: Text, codes: string): CountrySet => {
  const set = new Set(codes.split(/\s+/).filter(Boolean));
  for (const c of set) if (!COUNTRY_CODES.has(c)) throw new Error(`${id}: unknown country ${c}`);
  return { id, name, codes: set };
};

export const unionOf = (id: string, name: Text, ...sets: readonly CountrySet[]): CountrySet => ({
  id,
  name,
  codes: new Set(sets.flatMap((s) => [...s.codes])),
});

export const EU27 = countrySet(
  "eu27",
  { fr: "un pays de l'Union européenne", en: "an EU member state" },
  "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE HU",
);

export const ERASMUS_ASSOCIATED = countrySet(
  "erasmus-associated",
  { fr: "un pays associé à Erasmus+", en: "an Erasmus+ associated country" },
  "IS LI NO MK RS TR",
);

export const REGION_13 = countrySet(
  "region-13",
  {
    fr: "un pays de la Région 13 (Andorre, Monaco, Saint-Marin, Vatican)",
    en: "a Region 13 country (Andorra, Monaco, San Marino, Vatican)",
  },
  "AD MC SM VA",
);

export const REGION_14 = countrySet(
  "region-14",
  {
    fr: "un pays de la Région 14 (Féroé, Suisse, Royaume-Uni)",
    en: "a Region 14 country (Faroe Islands, Switzerland, United Kingdom)",
  },
  "FO CH GB",
);

/** France and its overseas territories: never "abroad" for a student sent from France. */
export const FRANCE_AND_OVERSEAS = countrySet(
  "france-and-overseas",
  { fr: "la France, métropole ou outre-mer", en: "France, mainland or overseas" },
  "FR GP MQ GF RE YT PM BL MF WF PF NC TF",
);

/** Europe for the caps of the rulebook: EU27 ∪ associated countries ∪ Regions 13 and 14. */
export const EUROPE = unionOf(
  "europe",
  {
    fr: "un pays d'Europe (UE, pays associés, Régions 13 et 14)",
    en: "a European country (EU, associated, Regions 13 and 14)",
  },
  EU27,
  ERASMUS_ASSOCIATED,
  REGION_13,
  REGION_14,
);

export const isAbroad = (code: CountryCode): boolean => !FRANCE_AND_OVERSEAS.codes.has(code);
