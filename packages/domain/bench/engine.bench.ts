/** `pnpm bench` in packages/domain: the engine with six fixture plugins on 100 000 situations. */
import { FIXTURE_PLUGINS, INSTITUTION, PARTNERS } from "../fixtures/fixture-plugins.ts";
import { createRegistry } from "../src/index.ts";
import { benchEngine } from "./engine-bench.ts";
import { makeSituations } from "./situations.ts";

const count = Number(process.env.BENCH_SITUATIONS ?? 100_000);
const registry = createRegistry({
  institution: INSTITUTION,
  plugins: FIXTURE_PLUGINS.map((p) => p.configure()),
  partners: PARTNERS,
});
benchEngine("engine, six fixture plugins", registry, makeSituations(count, PARTNERS));
