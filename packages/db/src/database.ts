import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Context, Effect, Layer } from "effect";
import pg from "pg";
import { acquireDataDirLock, type DataDirOwner, type LockTakenOver } from "./data-dir-lock.ts";
import { dumpPglite } from "./pglite-backup.ts";
import {
  checkDataDirContents,
  pgliteStartFailure,
  prepareDataDir,
  restrictDataDir,
} from "./pglite-data-dir.ts";
import * as schema from "./schema/index.ts";

/** The one query API the repositories are written against, whichever engine is underneath. */
export type AppDatabase = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = "pglite" | "postgres";

/**
 * Where the data lives: PostgreSQL when `url` is set (the production and multi-instance path);
 * otherwise PGlite, PostgreSQL in WebAssembly inside the process, with its data in `dataDir`
 * (`memory://` keeps it in memory, for tests).
 */
export interface DatabaseConfig {
  readonly url?: string | undefined;
  /**
   * PostgreSQL: the tables' owner, through whom the migrations are applied; `url` is then the
   * runtime role, which may not alter the tables (docs/operations/database-roles.md). Unset:
   * `url` migrates too.
   */
  readonly migrationUrl?: string | undefined;
  readonly dataDir?: string | undefined;
  /** A server says in the data directory's lock how the CLI reaches it (PGlite only). */
  readonly server?: DataDirOwner["server"];
  /** Apply the migrations (unless false: a backup reads the database as it is). */
  readonly migrate?: boolean;
  /** What is worth a line in the log: a dropped connection, a stale lock taken over. */
  readonly warn?: (details: DatabaseWarning) => void;
}

/** A PostgreSQL connection pool's use now (pg's counts), for the metrics. */
export interface PoolUsage {
  /** Connections open, idle or busy. */
  readonly total: number;
  readonly idle: number;
  /** Queries waiting for a connection. */
  readonly waiting: number;
}

export type DatabaseWarning =
  | { readonly event: "connection-lost"; readonly error: string }
  | ({ readonly event: "stale-lock-taken-over" } & LockTakenOver)
  /** A PGlite data directory that others could read or write, made its owner's only. */
  | { readonly event: "data-dir-tightened"; readonly dataDir: string; readonly entries: number };

export interface OpenDatabase {
  readonly db: AppDatabase;
  readonly kind: DatabaseKind;
  /** PostgreSQL only: PGlite is one connection inside the process, with no pool. */
  readonly poolUsage?: () => PoolUsage;
  /** A consistent gzipped tarball of the PGlite data directory; PostgreSQL has pg_dump. */
  readonly dumpDataDir?: () => Promise<Uint8Array>;
  readonly close: () => Promise<void>;
}

const warnOnStderr = (details: DatabaseWarning) =>
  console.warn(JSON.stringify({ level: "warn", msg: "database", ...details }));

/**
 * How long a request waits for a connection, whether PostgreSQL does not answer or the pool's
 * connections are all busy (pg-pool's one timeout for both): then a 503 worth retrying, well
 * within a proxy's timeout and the 10 s a stopping instance gives its requests.
 */
const CONNECT_TIMEOUT_MS = 5_000;

export const DEFAULT_DATA_DIR = "./data/pglite";

// found through the package, so that a bundle of the API (apps/api/dist) finds them too
const MIGRATIONS = join(
  dirname(createRequire(import.meta.url).resolve("@envol/db/package.json")),
  "drizzle",
);

/** An arbitrary but fixed key: instances starting together migrate one after the other. */
const MIGRATION_LOCK = 7_310_442_019;

const PGLITE_DURABLE_START = (
  (PGlite as unknown as { defaultStartParams?: readonly string[] }).defaultStartParams ?? []
).filter((p) => p !== "-F");

/** Opens the database and applies the migrations (idempotent). */
export const openDatabase = async (config: DatabaseConfig): Promise<OpenDatabase> => {
  const warn = config.warn ?? warnOnStderr;
  if (config.url) {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // a connection that the server drops (a restart, a failover, pg_terminate_backend) is an
    // 'error' event, on the pool while it is idle, on the client while a transaction holds it:
    // unheard, either ends the process. The query in flight fails (a 503); the pool opens a
    // new connection for the next one.
    const lost = (error: Error) => warn({ event: "connection-lost", error: String(error) });
    pool.on("connect", (client) => client.on("error", lost));
    // the pool repeats an idle client's error, which the client's listener has logged
    pool.on("error", () => undefined);
    const db = drizzlePg({ client: pool, schema }) as unknown as AppDatabase;
    if (config.migrate !== false) {
      // the tables' owner migrates when the runtime role may not (MIGRATION_DATABASE_URL)
      const owner = config.migrationUrl
        ? new pg.Client({ connectionString: config.migrationUrl })
        : undefined;
      await owner?.connect();
      const client = owner ?? (await pool.connect());
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS });
      } finally {
        await client
          .query("select pg_advisory_unlock($1)", [MIGRATION_LOCK])
          .catch(() => undefined);
        if (owner) await owner.end();
        else (client as pg.PoolClient).release();
      }
    }
    const poolUsage = () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    });
    return { db, kind: "postgres", poolUsage, close: () => pool.end() };
  }
  const dataDir = config.dataDir ?? DEFAULT_DATA_DIR;
  if (dataDir.startsWith("memory://")) {
    const client = await PGlite.create(dataDir);
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS });
    const db = drizzlePglite({ client, schema }) as unknown as AppDatabase;
    return { db, kind: "pglite", close: () => client.close() };
  }
  const path = prepareDataDir(dataDir);
  const lock = acquireDataDirLock(path, {
    server: config.server,
    onTakeOver: (taken) => warn({ event: "stale-lock-taken-over", ...taken }),
  });
  let client: PGlite | undefined;
  try {
    checkDataDirContents(path);
    const tightened = restrictDataDir(path);
    if (tightened > 0) warn({ event: "data-dir-tightened", dataDir: path, entries: tightened });
    client = await PGlite.create(path, {
      // PGlite starts PostgreSQL with fsync off (-F); a data directory keeps it on, so that an
      // acknowledged write survives a machine crash too, not only the process's death
      startParams: PGLITE_DURABLE_START,
    }).catch((e: unknown) => {
      throw pgliteStartFailure(path, e);
    });
    // what PGlite has just written (a new database's files, its relation caches) is 0666 or 0644
    restrictDataDir(path);
    if (config.migrate !== false) {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS });
    }
  } catch (e) {
    await client?.close().catch(() => undefined);
    lock.release();
    throw e;
  }
  const opened = client;
  const db = drizzlePglite({ client: opened, schema }) as unknown as AppDatabase;
  return {
    db,
    kind: "pglite",
    dumpDataDir: () => dumpPglite(opened),
    close: async () => {
      try {
        await opened.close();
      } finally {
        lock.release();
      }
    },
  };
};

/** The database as an Effect service: opened with its layer, closed when the layer is released. */
export class Database extends Context.Service<
  Database,
  Pick<OpenDatabase, "db" | "kind" | "poolUsage" | "dumpDataDir">
>()("@envol/db/Database") {
  static readonly layer = (config: DatabaseConfig): Layer.Layer<Database> =>
    Layer.effect(
      Database,
      Effect.acquireRelease(
        Effect.promise(() => openDatabase(config)),
        (open) => Effect.promise(() => open.close()),
      ).pipe(
        Effect.map((open) =>
          Database.of({
            db: open.db,
            kind: open.kind,
            poolUsage: open.poolUsage,
            dumpDataDir: open.dumpDataDir,
          }),
        ),
      ),
    );
}

/** Whether the database answers (readiness). */
export const ping = (db: AppDatabase): Promise<boolean> =>
  db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
