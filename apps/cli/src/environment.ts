/**
 * Where the server's data is, read from the environment as the server reads it
 * (apps/api/src/config.ts: same names, same defaults), relative to where `pnpm envol` runs: the
 * repository's root, as `pnpm start`.
 */
import { DEFAULT_DATA_DIR } from "@envol/db";

export const DEFAULT_FILES_DIR = "./data/files";

const set = (name: string) => process.env[name] || undefined;

export const dataLocation = () => ({
  databaseUrl: set("DATABASE_URL"),
  /** The tables' owner, for the migrations, when DATABASE_URL is the runtime role. */
  migrationUrl: set("MIGRATION_DATABASE_URL"),
  dataDir: set("ENVOL_DATA_DIR") ?? DEFAULT_DATA_DIR,
  filesDir: set("ENVOL_FILES_DIR") ?? DEFAULT_FILES_DIR,
  /** The built web app the server serves: never a place for a backup. */
  webDir: set("ENVOL_WEB_DIR") ?? "apps/web/dist",
});

/** What a PostgreSQL deployment does instead of the PGlite backup commands. */
export const POSTGRES_BACKUPS =
  "DATABASE_URL is set: back PostgreSQL up with pg_dump -Fc and restore it with pg_restore, and copy ENVOL_FILES_DIR alongside (docs/operations/pglite-and-backups.md)";
