/**
 * The rulebook's worked example 1, which is also the request of ARCHITECTURE §4.1 and
 * `docs/examples/situation.json`: a second-year engineering student with a CROUS grant
 * (échelon 5) spending the summer semester of 2027 at TU Berlin. As a client sends it (JSON,
 * not yet parsed), so that a test can send it, change a field of a copy, or parse it.
 */
export const WORKED_EXAMPLE_1 = {
  asOf: "2026-11-26",
  student: {
    programme: { level: "engineering", year: 2, mode: "initial", gapYear: false },
    residenceRegion: "11",
    crous: { boursier: true, echelon: "5" },
    household: { quotientFamilial: 1200000, nonTaxable: false },
    fewerOpportunities: { disability: false, qpv: false, zrr: false },
    history: { erasmusDaysInCycle: 0, amiMonthsTotal: 0 },
  },
  mobility: {
    kind: "study",
    framework: "inter-institution-agreement",
    host: { partner: "tu-berlin" },
    start: "2027-02-01",
    end: "2027-06-30",
    greenTravel: false,
    costs: { transport: 30000, visa: 0, insurance: 12000, installation: 50000 },
  },
} as const;
