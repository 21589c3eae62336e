import type { CountryCode } from "@envol/domain";
import { versioned } from "./versioned.ts";

/** Erasmus+ living-cost country groups: 1 (higher), 2 (medium), 3 (lower). */
export type ErasmusCountryGroup = 1 | 2 | 3;

const groups = (
  g1: string,
  g2: string,
  g3: string,
): ReadonlyMap<CountryCode, ErasmusCountryGroup> => {
  const map = new Map<CountryCode, ErasmusCountryGroup>();
  for (const [group, codes] of [
    [1, g1],
    [2, g2],
    [3, g3],
  ] as const) {
    for (const c of codes.split(/\s+/).filter(Boolean)) map.set(c, group);
  }
  return map;
};

/**
 * Country groups by call year. Calls 2021-2023 and Call 2024 onwards (funding-research.md §8,
 * rulebook §0: Regions 13 and 14 joined group 1 from Call 2024).
 */
export const ERASMUS_COUNTRY_GROUPS = versioned([
  {
    fromCall: 2021,
    value: groups(
      "DK FI IS IE LU SE LI NO FO CH GB",
      "AT BE DE FR IT GR ES CY NL MT PT AD MC SM VA",
      "BG HR CZ EE LV LT HU PL RO RS SK SI MK TR",
    ),
  },
  {
    fromCall: 2024,
    value: groups(
      "AT BE DK FI FR DE IS IE IT LI LU NL NO SE AD MC SM VA FO CH GB",
      "CY CZ EE GR LV MT PT SK SI ES",
      "BG HR HU LT MK PL RO RS TR",
    ),
  },
]);

/** The group of `country` under the call of `callYear`, or undefined outside the programme countries. */
export const erasmusCountryGroup = (
  country: CountryCode,
  callYear: number,
): ErasmusCountryGroup | undefined => ERASMUS_COUNTRY_GROUPS.at(callYear).get(country);
