/**
 * `pnpm --filter ./tooling/benchmarks report-hash`: the SHA-256 of every report the engine
 * writes for 60 000 varied situations (seed 42), in French and in English, with the six real
 * plugins all enabled, as `pnpm bench` runs them. A refactoring that leaves behaviour unchanged
 * leaves the hash unchanged. `REPORT_DUMP=file` also writes the reports, one JSON a line, to
 * find what changed when the hash does. `REPORT_HASH=decisions` hashes only what a report decides
 * (verdicts, criteria statuses, amounts, the plan's items and total, the excluded schemes), not
 * its sentences: a change of wording leaves that hash unchanged.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { evaluate, LANGS, type SimulationReport, SituationSchema } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { makeSituations } from "./situations.ts";

const COUNT = 60_000;

const registry = loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: true });
const situations = makeSituations(COUNT, DEMO_PARTNER_CATALOGUE.partners).map((s) =>
  SituationSchema.parse(s),
);
/** What a report decides, without its words. */
const decisions = (r: SimulationReport) => ({
  academicYear: r.academicYear,
  fundedDays: r.fundedDays,
  distanceKm: r.distanceKm,
  schemes: r.schemes.map((s) => ({
    scheme: s.scheme,
    verdict: s.verdict,
    criteria: s.criteria.map((c) => [c.id, c.status]),
    missing: s.missing,
    estimate: s.estimate && {
      totalCents: s.estimate.totalCents,
      lines: s.estimate.lines.map((l) => [l.id, l.amountCents]),
      confidence: s.estimate.confidence,
    },
    documents: s.documents.map((d) => d.id),
  })),
  plan: {
    items: r.plan.items.map((i) => [i.scheme, i.amountCents]),
    totalCents: r.plan.totalCents,
    excluded: r.plan.excluded.map((e) => e.scheme),
  },
});
const onlyDecisions = process.env.REPORT_HASH === "decisions";
const dump = process.env.REPORT_DUMP ? createWriteStream(process.env.REPORT_DUMP) : undefined;
const hash = createHash("sha256");
let reports = 0;
for (const situation of situations) {
  for (const lang of LANGS) {
    const report = evaluate(situation, registry, { asOf: "2026-11-26", lang });
    const json = JSON.stringify(onlyDecisions ? decisions(report) : report);
    hash.update(json);
    hash.update("\n");
    dump?.write(`${json}\n`);
    reports++;
  }
}
dump?.end();
console.log(`${reports} reports (${registry.plugins.map((p) => p.id).join(", ")})`);
console.log(`sha256 ${hash.digest("hex")}`);
