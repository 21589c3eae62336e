/**
 * France's regions by INSEE code (the `student.residenceRegion` of ARCHITECTURE §4.1): the 13
 * metropolitan regions and the 5 overseas ones. Their names are texts (`regions.<code>`).
 */
export const REGION_CODES = [
  "84",
  "27",
  "53",
  "24",
  "94",
  "44",
  "01",
  "03",
  "32",
  "11",
  "04",
  "02",
  "06",
  "28",
  "75",
  "76",
  "52",
  "93",
] as const;
