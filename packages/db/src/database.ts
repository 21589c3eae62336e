import { mkdirSync } from "node:fs";
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
}

/** A PostgreSQL connection pool's use now (pg's counts), for the metrics. */
export interface PoolUsage {
  /** Connections open, idle or busy. */
  readonly total: number;
  readonly idle: number;
  /** Queries waiting for a connection. */
  readonly waiting: number;
}

export interface OpenDatabase {
  readonly db: AppDatabase;
  readonly kind: DatabaseKind;
  /** PostgreSQL only: PGlite is one connection inside the process, with no pool. */
  readonly poolUsage?: () => PoolUsage;
  readonly close: () => Promise<void>;
}

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
  if (config.url) {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    const db = drizzlePg({ client: pool, schema }) as unknown as AppDatabase;
    const owner = config.migrationUrl
      ? new pg.Client({ connectionString: config.migrationUrl })
      : undefined;
    await owner?.connect();
    const client = owner ?? (await pool.connect());
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      if (owner) await owner.end();
      else (client as pg.PoolClient).release();
    }
    const poolUsage = () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    });
    return { db, kind: "postgres", poolUsage, close: () => pool.end() };
  }
  const dataDir = config.dataDir ?? DEFAULT_DATA_DIR;
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    // PGlite starts PostgreSQL with fsync off (-F); a data directory keeps it on, so that an
    // acknowledged write survives a machine crash too, not only the process's death
    ...(dataDir.startsWith("memory://") ? {} : { startParams: PGLITE_DURABLE_START }),
  });
  const db = drizzlePglite({ client, schema }) as unknown as AppDatabase;
  await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS });
  return { db, kind: "pglite", close: () => client.close() };
};

/** The database as an Effect service: opened with its layer, closed when the layer is released. */
export class Database extends Context.Service<
  Database,
  {
    readonly db: AppDatabase;
    readonly kind: DatabaseKind;
    readonly poolUsage?: (() => PoolUsage) | undefined;
  }
>()("@envol/db/Database") {
  static readonly layer = (config: DatabaseConfig): Layer.Layer<Database> =>
    Layer.effect(
      Database,
      Effect.acquireRelease(
        Effect.promise(() => openDatabase(config)),
        (open) => Effect.promise(() => open.close()),
      ).pipe(
        Effect.map((open) =>
          Database.of({ db: open.db, kind: open.kind, poolUsage: open.poolUsage }),
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
