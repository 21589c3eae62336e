/**
 * `pnpm envol migrate`: applies the database's migrations and exits (idempotent), for
 * deployments that migrate once before starting their instances. On PGlite it takes the data
 * directory's lock like a server: refused while one runs (which has migrated at its start).
 */
import { openDatabase } from "@envol/db";
import { dataLocation } from "../environment.ts";
import type { Command } from "./command.ts";

export const migrateCommand: Command = {
  usage:
    "usage: pnpm envol migrate   (DATABASE_URL and MIGRATION_DATABASE_URL, or ENVOL_DATA_DIR for PGlite)",
  run: async () => {
    const { databaseUrl, migrationUrl, dataDir } = dataLocation();
    const open = await openDatabase({ url: databaseUrl, migrationUrl, dataDir });
    await open.close();
    console.log(`migrated: ${databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${dataDir}`}`);
    return 0;
  },
};
