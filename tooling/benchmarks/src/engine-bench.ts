/**
 * The engine against the floor any API pays: for N varied situations, evaluate() with a
 * registry, next to JSON.parse + JSON.stringify of the same situations. Prints situations per
 * second on one core, the median µs per situation and the ratio to the floor.
 *
 * The two are measured in interleaved rounds over the same slices of situations, so that a
 * change in the machine's load during the run weighs on both alike; the ratio is the median of
 * the rounds' ratios.
 */
import { performance } from "node:perf_hooks";
import { evaluate, type Registry, type Situation, SituationSchema } from "@envol/domain";

const ROUNDS = 10;

/** The engine may cost this many times the JSON floor (issue #11: plain code, no caches). */
const TARGET = 6;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

let sink = 0;

/** Total ms to run `fn` over items [from, to). */
const timeRange = <T>(
  items: readonly T[],
  from: number,
  to: number,
  fn: (item: T, i: number) => unknown,
): number => {
  const t0 = performance.now();
  for (let i = from; i < to; i++) if (fn(items[i] as T, i)) sink++;
  return performance.now() - t0;
};

/** The median µs of one call, over items [0, count). */
const medianUs = <T>(
  items: readonly T[],
  count: number,
  fn: (item: T, i: number) => unknown,
): number => {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const a = performance.now();
    if (fn(items[i] as T, i)) sink++;
    samples.push((performance.now() - a) * 1000);
  }
  return median(samples);
};

interface Measure {
  readonly perSecond: number;
  readonly medianUs: number;
  readonly totalMs: number;
}

interface EngineBenchResult {
  readonly situations: number;
  readonly engine: Measure;
  readonly floor: Measure;
  readonly zodParse: Measure;
  readonly ratio: number;
}

export const benchEngine = (
  label: string,
  registry: Registry,
  raw: readonly unknown[],
): EngineBenchResult => {
  const n = raw.length;
  const texts = raw.map((s) => JSON.stringify(s));
  const situations: Situation[] = raw.map((s) => SituationSchema.parse(s));
  const engineFn = (s: Situation, i: number) =>
    evaluate(s, registry, { asOf: "2026-11-26", lang: i % 2 ? "en" : "fr" });
  const floorFn = (t: string) => JSON.stringify(JSON.parse(t));
  const zodFn = (s: unknown) => SituationSchema.parse(s);

  // warm the JIT on every path before measuring
  const warm = Math.min(5000, n);
  timeRange(situations, 0, warm, engineFn);
  timeRange(texts, 0, warm, floorFn);
  timeRange(raw, 0, warm, zodFn);

  const totals = { engine: 0, floor: 0, zod: 0 };
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const from = Math.floor((r * n) / ROUNDS);
    const to = Math.floor(((r + 1) * n) / ROUNDS);
    const floor = timeRange(texts, from, to, floorFn);
    const engine = timeRange(situations, from, to, engineFn);
    totals.floor += floor;
    totals.engine += engine;
    totals.zod += timeRange(raw, from, to, zodFn);
    ratios.push(engine / floor);
  }
  const sampleCount = Math.min(n, 20_000);
  const measure = (totalMs: number, us: number): Measure => ({
    perSecond: Math.round((n / totalMs) * 1000),
    medianUs: Number(us.toFixed(2)),
    totalMs: Math.round(totalMs),
  });
  const result: EngineBenchResult = {
    situations: n,
    engine: measure(totals.engine, medianUs(situations, sampleCount, engineFn)),
    floor: measure(totals.floor, medianUs(texts, sampleCount, floorFn)),
    zodParse: measure(totals.zod, medianUs(raw, sampleCount, zodFn)),
    ratio: Number(median(ratios).toFixed(2)),
  };
  console.log(`\n${label}: ${n} situations, one core (Node ${process.version})`);
  console.table({
    "evaluate()": result.engine,
    "JSON.parse + stringify (floor)": result.floor,
    "SituationSchema.parse (zod, for reference)": result.zodParse,
  });
  const verdict = result.ratio <= TARGET ? "within the target" : "OVER the target";
  console.log(
    `engine / floor = ${result.ratio}× (median of ${ROUNDS} interleaved rounds; target ≤ ${TARGET}×: ${verdict})`,
  );
  if (sink < 0) console.log(sink);
  return result;
};
