/**
 * `pnpm bench`: the engine on 100 000 varied situations (BENCH_SITUATIONS to change it), first
 * with the domain's six fixture plugins, then with the six real plugins of the institution
 * configuration (the AMI switched on), each next to the JSON parse + stringify floor.
 */
import { createRegistry } from "@envol/domain";
import { FIXTURE_PLUGINS, INSTITUTION, PARTNERS } from "@envol/domain/fixtures";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { benchEngine } from "./engine-bench.ts";
import { makeSituations } from "./situations.ts";

const count = Number(process.env.BENCH_SITUATIONS ?? 100_000);

const fixtures = createRegistry({
  institution: INSTITUTION,
  plugins: FIXTURE_PLUGINS.map((p) => p.configure()),
  partners: PARTNERS,
});
benchEngine("engine, six fixture plugins", fixtures, makeSituations(count, PARTNERS));

const real = loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: true });
benchEngine(
  `engine, the six real plugins (${real.plugins.map((p) => p.id).join(", ")})`,
  real,
  makeSituations(count, DEMO_PARTNER_CATALOGUE.partners),
);
