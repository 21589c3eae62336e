/**
 * `pnpm --filter ./tooling/benchmarks report-hash`: the SHA-256 of every report the engine
 * writes for 60 000 varied situations (seed 42), in French and in English, with the six real
 * plugins all enabled, as `pnpm bench` runs them. A refactoring that leaves behaviour unchanged
 * leaves the hash unchanged. `REPORT_DUMP=file` also writes the reports, one JSON a line, to
 * find what changed when the hash does.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { evaluate, LANGS, SituationSchema } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { makeSituations } from "./situations.ts";

const COUNT = 60_000;

const registry = loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: true });
const situations = makeSituations(COUNT, DEMO_PARTNER_CATALOGUE.partners).map((s) =>
  SituationSchema.parse(s),
);
const dump = process.env.REPORT_DUMP ? createWriteStream(process.env.REPORT_DUMP) : undefined;
const hash = createHash("sha256");
let reports = 0;
for (const situation of situations) {
  for (const lang of LANGS) {
    const json = JSON.stringify(evaluate(situation, registry, { asOf: "2026-11-26", lang }));
    hash.update(json);
    hash.update("\n");
    dump?.write(`${json}\n`);
    reports++;
  }
}
dump?.end();
console.log(`${reports} reports (${registry.plugins.map((p) => p.id).join(", ")})`);
console.log(`sha256 ${hash.digest("hex")}`);
