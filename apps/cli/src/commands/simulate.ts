/**
 * `pnpm envol simulate [--lang fr|en] [--as-of YYYY-MM-DD] [--all-schemes | --schemes a,b] [situation.json]`
 * reads the situation from the file named, or from stdin without one, and prints the simulation response for the configured institution; an invalid situation prints
 * each field issue to stderr and exits 2. No database needed.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isIsoDate } from "@envol/domain";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { simulate } from "../simulate.ts";
import { type Command, usageError } from "./command.ts";

const USAGE = `usage: pnpm envol simulate [--lang fr|en] [--as-of YYYY-MM-DD] [--all-schemes | --schemes a,b] [situation.json]

  situation.json the situation to simulate (default: read from stdin)

  --lang         language of names, reasons and hints (default fr)
  --as-of        evaluation date when the situation has no asOf (default today)
  --all-schemes  also evaluate the schemes the institution has switched off (the AMI)
  --schemes      evaluate only these registered schemes (comma-separated ids), switched off or not`;

export const simulateCommand: Command = {
  usage: USAGE,
  run: async (args) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        lang: { type: "string", default: "fr" },
        "as-of": { type: "string" },
        "all-schemes": { type: "boolean", default: false },
        schemes: { type: "string" },
      },
    });
    if (positionals.length > 1) {
      return usageError(`one situation file at most, not ${positionals.length}`);
    }
    const lang = values.lang;
    if (lang !== "fr" && lang !== "en")
      return usageError(`--lang: must be fr or en, not "${lang}"`);
    const today = values["as-of"] ?? new Date().toISOString().slice(0, 10);
    if (!isIsoDate(today)) {
      return usageError(`--as-of: must be a calendar date written YYYY-MM-DD, not "${today}"`);
    }
    const only = values.schemes?.split(",");
    const known = TELECOM_PARIS_CONFIG.plugins.map((p) => p.id);
    const unknown = only?.filter((id) => !known.includes(id)) ?? [];
    if (unknown.length > 0) {
      return usageError(
        `--schemes: no registered scheme "${unknown.join('", "')}" (registered: ${known.join(", ")})`,
      );
    }
    const registry = loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: values["all-schemes"], only });
    const [file] = positionals;
    let input: string;
    try {
      input = readFileSync(file ?? 0, "utf8");
    } catch (e) {
      return usageError(
        `${file}: cannot read the situation file (${(e as { code?: string }).code})`,
      );
    }
    const outcome = simulate(input, registry, lang, today);
    if (!outcome.ok) {
      console.error("invalid situation:");
      for (const i of outcome.issues) console.error(`  ${i.path || "(situation)"}: ${i.message}`);
      return 2;
    }
    process.stdout.write(`${JSON.stringify(outcome.report, null, 2)}\n`);
    return 0;
  },
};
