/**
 * The engine against the floor any API pays: for N varied situations, evaluate() with a
 * registry, next to JSON.parse + JSON.stringify of the same situations. Prints situations per
 * second on one core, the median µs per situation and the ratio to the floor.
 */
import { performance } from "node:perf_hooks";
import { evaluate, type Registry, type Situation, SituationSchema } from "@envol/domain";

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/** Times `fn` over every item: the total in ms and the median per item in µs. */
const timeEach = <T>(
  items: readonly T[],
  fn: (item: T, i: number) => unknown,
): { totalMs: number; medianUs: number } => {
  const samples = new Array<number>(items.length);
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < items.length; i++) {
    const a = performance.now();
    const out = fn(items[i] as T, i);
    samples[i] = (performance.now() - a) * 1000;
    if (out) sink++;
  }
  const totalMs = performance.now() - t0;
  if (sink < 0) console.log(sink);
  return { totalMs, medianUs: median(samples) };
};

export interface EngineBenchResult {
  readonly situations: number;
  readonly engine: { perSecond: number; medianUs: number; totalMs: number };
  readonly floor: { perSecond: number; medianUs: number; totalMs: number };
  readonly zodParse: { perSecond: number; medianUs: number; totalMs: number };
  readonly ratio: number;
}

export const benchEngine = (
  label: string,
  registry: Registry,
  raw: readonly unknown[],
): EngineBenchResult => {
  const texts = raw.map((s) => JSON.stringify(s));
  const situations: Situation[] = raw.map((s) => SituationSchema.parse(s));
  const run = (lang: "fr" | "en") => (s: Situation) =>
    evaluate(s, registry, { asOf: "2026-11-26", lang });
  // warm up the JIT on both languages before measuring
  for (let i = 0; i < Math.min(5000, situations.length); i++)
    run(i % 2 ? "en" : "fr")(situations[i] as Situation);
  for (let i = 0; i < Math.min(5000, texts.length); i++)
    JSON.stringify(JSON.parse(texts[i] as string));

  const floor = timeEach(texts, (t) => JSON.stringify(JSON.parse(t)));
  const zod = timeEach(raw, (s) => SituationSchema.parse(s));
  const engine = timeEach(situations, (s, i) => run(i % 2 ? "en" : "fr")(s));
  const per = (m: { totalMs: number; medianUs: number }) => ({
    perSecond: Math.round((raw.length / m.totalMs) * 1000),
    medianUs: Number(m.medianUs.toFixed(2)),
    totalMs: Math.round(m.totalMs),
  });
  const result = {
    situations: raw.length,
    engine: per(engine),
    floor: per(floor),
    zodParse: per(zod),
    ratio: Number((engine.totalMs / floor.totalMs).toFixed(2)),
  };
  console.log(`\n${label}: ${raw.length} situations, one core (Node ${process.version})`);
  console.table({
    "evaluate()": result.engine,
    "JSON.parse + stringify (floor)": result.floor,
    "SituationSchema.parse (zod, for reference)": result.zodParse,
  });
  console.log(
    `engine / floor = ${result.ratio}× (target ≤ 3×) ${result.ratio <= 3 ? "OK" : "OVER TARGET"}`,
  );
  return result;
};
