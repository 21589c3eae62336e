/**
 * Deterministic, varied situations for benchmarks: every destination kind, dates over four
 * academic years, stays from one day to over a year, and each optional fact present or not.
 */
import { addDays, type Partner } from "@envol/domain";

/** mulberry32: a small seeded generator, so every run measures the same situations. */
const random = (seed: number) => {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const INLINE = [
  { name: "Universidad de Chile", country: "CL", city: "Santiago", lat: -33.4569, lon: -70.6483 },
  { name: "NUS", country: "SG", city: "Singapore", lat: 1.2966, lon: 103.7764 },
  { country: "DE", city: "München" },
  { name: "Université de Montréal", country: "CA", lat: 45.5017, lon: -73.6153 },
  { country: "FR", city: "Lyon", lat: 45.764, lon: 4.8357 },
];

export const makeSituations = (
  count: number,
  partners: readonly Partner[],
  seed = 42,
): unknown[] => {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const maybe = <T>(p: number, v: () => T): T | undefined => (r() < p ? v() : undefined);
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const start = addDays("2024-01-01", Math.floor(r() * 1460));
    const end = addDays(start, Math.floor(r() * 400));
    const host = r() < 0.8 ? { partner: pick(partners).id } : pick(INLINE);
    const echelon = maybe(0.6, () => pick(["0bis", "1", "2", "3", "4", "5", "6", "7"] as const));
    out.push(
      JSON.parse(
        JSON.stringify({
          asOf: "2026-11-26",
          student: {
            programme: {
              level: maybe(0.9, () =>
                pick(["bachelor", "master", "engineering", "engineering", "doctorate"]),
              ),
              year: maybe(0.7, () => 1 + Math.floor(r() * 5)),
              mode: maybe(0.9, () =>
                pick(["initial", "initial", "initial", "apprenticeship", "continuing"]),
              ),
              gapYear: maybe(0.8, () => r() < 0.1),
            },
            residenceRegion: maybe(0.5, () => pick(["11", "11", "84", "32"])),
            crous: { boursier: maybe(0.8, () => echelon !== undefined || r() < 0.2), echelon },
            household: {
              quotientFamilial: maybe(0.7, () => Math.floor(r() * 40_000_00)),
              nonTaxable: maybe(0.6, () => r() < 0.3),
            },
            fewerOpportunities: {
              disability: maybe(0.6, () => r() < 0.05),
              qpv: maybe(0.6, () => r() < 0.1),
              zrr: maybe(0.6, () => r() < 0.1),
            },
            history: {
              erasmusDaysInCycle: maybe(0.6, () => pick([0, 0, 0, 90, 150, 300])),
              amiMonthsTotal: maybe(0.5, () => pick([0, 0, 2, 5, 9])),
            },
          },
          mobility: {
            kind: maybe(0.9, () => pick(["study", "study", "internship"])),
            framework: maybe(0.9, () =>
              pick(["inter-institution-agreement", "internship-agreement", "free-mover"]),
            ),
            host,
            start,
            end,
            greenTravel: maybe(0.7, () => r() < 0.3),
            costs: maybe(0.7, () => ({
              transport: maybe(0.8, () => Math.floor(r() * 150_000)),
              visa: maybe(0.3, () => Math.floor(r() * 30_000)),
              insurance: maybe(0.6, () => Math.floor(r() * 50_000)),
              installation: maybe(0.6, () => Math.floor(r() * 100_000)),
            })),
          },
        }),
      ),
    );
  }
  return out;
};
