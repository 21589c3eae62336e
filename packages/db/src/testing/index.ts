/**
 * `@envol/db/testing`: the engines every database suite runs on. PGlite always (in memory);
 * PostgreSQL too when DATABASE_URL is set, each suite in a database of its own, dropped after.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DatabaseConfig } from "../database.ts";

export {
  BERLIN_SEMESTER,
  type PersonnelStayOptions,
  personnelStayAt,
  type SemesterOptions,
  semesterAt,
} from "./situations.ts";

export interface TestEngine {
  readonly name: "pglite" | "postgres";
  /** A fresh, empty database for one suite, and how to drop it. */
  readonly create: () => Promise<{
    readonly config: DatabaseConfig;
    readonly drop: () => Promise<void>;
  }>;
}

const withDatabase = (url: string, name: string, user?: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  if (user) {
    u.username = user;
    u.password = "";
  }
  return u.toString();
};

/**
 * A database of its own per suite on the PostgreSQL of `url`. With `asAppRole` (default: the
 * environment's DATABASE_TEST_AS_APP_ROLE=true), the suite connects as a login role of its own,
 * member of `envol_app` (docs/operations/database-roles.md), and migrates as `url`'s user, the
 * owner: the least-privileged way production runs. Needs a cluster that lets that role in
 * without a password (trust), as the test cluster does.
 */
export const postgresEngine = (
  url: string,
  { asAppRole = process.env.DATABASE_TEST_AS_APP_ROLE === "true" } = {},
): TestEngine => ({
  name: "postgres",
  create: async () => {
    const name = `envol_test_${randomBytes(6).toString("hex")}`;
    const login = `${name}_app`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    if (asAppRole) {
      // as migration 0004 does: another suite may be creating it at the same moment
      await admin.query(`do $$ begin create role envol_app nologin;
        exception when duplicate_object or unique_violation then null; end $$`);
      await admin.query(`create role ${login} login in role envol_app`);
    }
    await admin.end();
    return {
      config: asAppRole
        ? { url: withDatabase(url, name, login), migrationUrl: withDatabase(url, name) }
        : { url: withDatabase(url, name) },
      drop: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        // pg's Pool.end() resolves before its connections have closed: forcing the drop then
        // kills them mid-goodbye, and their FATAL 57P01 surfaces as an unhandled error
        for (let i = 0; i < 250; i++) {
          const open = await c.query(
            "select count(*)::int as n from pg_stat_activity where datname = $1",
            [name],
          );
          if (open.rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await c.query(`drop database if exists ${name} with (force)`);
        if (asAppRole) await c.query(`drop role if exists ${login}`);
        await c.end();
      },
    };
  },
});

export const pgliteEngine: TestEngine = {
  name: "pglite",
  create: async () => ({ config: { dataDir: "memory://" }, drop: async () => undefined }),
};

/** PGlite, and PostgreSQL when DATABASE_URL is set. */
export const testEngines = (): readonly TestEngine[] => {
  const url = process.env.DATABASE_URL;
  return url ? [pgliteEngine, postgresEngine(url)] : [pgliteEngine];
};

export { type QueueVolume, seedQueueVolume } from "./queue-volume.ts";
export { openTestRuntime, type Repositories, repositoriesLayer } from "./runtime.ts";
export { seedWhatIfVolume, type WhatIfVolume } from "./what-if-volume.ts";
