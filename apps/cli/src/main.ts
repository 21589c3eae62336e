#!/usr/bin/env -S node --import tsx
/**
 * `pnpm envol simulate [--lang fr|en] [--as-of YYYY-MM-DD] [--all-schemes] < situation.json`
 * prints the simulation response for the configured institution; an invalid situation prints
 * each field issue to stderr and exits 2. No database needed.
 * `pnpm envol audit verify` checks the audit trail's hash chain (audit-verify.ts).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isIsoDate } from "@envol/domain";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { auditCommand } from "./audit-verify.ts";
import { simulate } from "./simulate.ts";

if (process.argv[2] === "audit") process.exit(await auditCommand(process.argv.slice(3)));

const USAGE = `usage: pnpm envol simulate [--lang fr|en] [--as-of YYYY-MM-DD] [--all-schemes] < situation.json

  --lang         language of names, reasons and hints (default fr)
  --as-of        evaluation date when the situation has no asOf (default today)
  --all-schemes  also evaluate the schemes the institution has switched off (the AMI)`;

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        lang: { type: "string", default: "fr" },
        "as-of": { type: "string" },
        "all-schemes": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
})();

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals[0] !== "simulate") fail(USAGE);
const lang = values.lang;
if (lang !== "fr" && lang !== "en") fail(`--lang: must be fr or en, not "${lang}"`);
const today = values["as-of"] ?? new Date().toISOString().slice(0, 10);
if (!isIsoDate(today)) fail(`--as-of: must be a calendar date written YYYY-MM-DD, not "${today}"`);

const registry = loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: values["all-schemes"] });
const outcome = simulate(readFileSync(0, "utf8"), registry, lang as "fr" | "en", today);
if (!outcome.ok) {
  console.error("invalid situation:");
  for (const i of outcome.issues) console.error(`  ${i.path || "(situation)"}: ${i.message}`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(outcome.report, null, 2)}\n`);
