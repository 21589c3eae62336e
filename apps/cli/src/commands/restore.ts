/**
 * `pnpm envol restore <dir> [--force]`: puts a backup of `pnpm envol backup` back into the
 * PGlite data directory and the files folder (ENVOL_DATA_DIR, ENVOL_FILES_DIR). Refused while a
 * server holds the directory, and when either holds anything, unless --force (which empties
 * them first).
 */
import { parseArgs } from "node:util";
import { restoreBackup } from "@envol/db";
import { dataLocation, POSTGRES_BACKUPS } from "../environment.ts";
import { type Command, usageError } from "./command.ts";

const USAGE = `usage: pnpm envol restore <dir> [--force]

  --force   replace the data directory's and the files folder's contents`;

export const restoreCommand: Command = {
  usage: USAGE,
  run: async (args) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { force: { type: "boolean", default: false } },
    });
    const [source, ...rest] = positionals;
    if (!source || rest.length > 0) return usageError(USAGE);
    const { databaseUrl, dataDir, filesDir } = dataLocation();
    if (databaseUrl) return usageError(POSTGRES_BACKUPS);
    const manifest = await restoreBackup(source, { dataDir, filesDir, force: values.force });
    console.log(
      `restored the backup of ${manifest.createdAt} into ${dataDir} and ${filesDir} (${manifest.files} files)`,
    );
    return 0;
  },
};
