#!/usr/bin/env -S node --import tsx
/**
 * `pnpm envol <command> …`: one line per command below; each lives in commands/<name>.ts.
 * A usage mistake exits 2; an operator's problem (a directory in use, a folder not empty, an
 * invalid institution configuration) is one line on stderr and exit 1.
 */
import { auditCommand } from "./commands/audit.ts";
import { backupCommand } from "./commands/backup.ts";
import type { Command } from "./commands/command.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { restoreCommand } from "./commands/restore.ts";
import { simulateCommand } from "./commands/simulate.ts";
import { isOperatorError } from "./operator-errors.ts";

const COMMANDS: Record<string, Command> = {
  simulate: simulateCommand,
  migrate: migrateCommand,
  backup: backupCommand,
  restore: restoreCommand,
  audit: auditCommand,
};

const USAGE = `usage: pnpm envol <command>\n\n${Object.values(COMMANDS)
  .map((c) => `  ${c.usage.split("\n")[0]?.replace(/^usage: /, "")}`)
  .join("\n")}`;

const main = async ([name, ...args]: string[]): Promise<number> => {
  const command = name ? COMMANDS[name] : undefined;
  if (name === "--help" || name === "-h") {
    console.log(USAGE);
    return 0;
  }
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (e) {
    // parseArgs' own mistakes (an unknown option) are usage errors
    if ((e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(e as Error).message}\n${command.usage}`);
      return 2;
    }
    if (isOperatorError(e)) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
};

process.exitCode = await main(process.argv.slice(2));
