import { ERASMUS_ASSOCIATED, EU27, REGION_13, REGION_14 } from "@envol/domain";
import { describe, expect, it } from "vitest";
import { ERASMUS_COUNTRY_GROUPS, erasmusCountryGroup } from "./erasmus-country-groups.ts";

describe("erasmusCountryGroup", () => {
  it.each([
    ["DE", 2021, 2],
    ["DE", 2023, 2],
    ["DE", 2024, 1],
    ["DE", 2026, 1],
    ["CZ", 2023, 3],
    ["CZ", 2024, 2],
    ["CH", 2021, 1],
    ["CH", 2024, 1],
    ["AT", 2023, 2],
    ["AT", 2024, 1],
    ["SE", 2023, 1],
    ["SE", 2024, 1],
    ["ES", 2023, 2],
    ["ES", 2024, 2],
    ["HU", 2023, 3],
    ["HU", 2024, 3],
    ["VA", 2023, 2],
    ["VA", 2024, 1],
    ["TR", 2024, 3],
  ] as const)("%s in call %i is group %i", (country, call, group) => {
    expect(erasmusCountryGroup(country, call)).toBe(group);
  });

  it.each([
    ["BR", 2024],
    ["BR", 2021],
    ["US", 2024],
    ["CN", 2024],
  ])("%s is in no group (call %i)", (country, call) => {
    expect(erasmusCountryGroup(country, call)).toBeUndefined();
  });

  it("places every EU27, associated and Region 13/14 country exactly once in each version", () => {
    const programme = [
      ...EU27.codes,
      ...ERASMUS_ASSOCIATED.codes,
      ...REGION_13.codes,
      ...REGION_14.codes,
    ];
    expect(programme).toHaveLength(40);
    for (const { fromCall, value } of ERASMUS_COUNTRY_GROUPS.versions) {
      expect([...value.keys()].sort(), `call ${fromCall}`).toEqual([...programme].sort());
    }
  });

  it("applies the 2021 grouping to calls before 2021", () => {
    expect(erasmusCountryGroup("DE", 2020)).toBe(2);
  });
});
