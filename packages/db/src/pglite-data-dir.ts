/**
 * A PGlite data directory checked before PGlite opens it, so that a wrong one is refused with
 * its path and the likely cause. PGlite itself only says "PGlite failed to initialize
 * properly", and would initialise a new database on top of an unrelated folder's files.
 * The directory is its owner's only (0700, its files 0600): it holds password hashes and
 * e-mails, in its tables and in its WAL.
 */
import {
  accessSync,
  chmodSync,
  constants,
  lstatSync,
  mkdirSync,
  readdirSync,
  statSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { LOCK_FILE } from "./data-dir-lock.ts";

export class DataDirUnusable extends Error {
  constructor(
    readonly dataDir: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`cannot use ${dataDir} as the PGlite data directory: ${reason}`, options);
  }
}

const errnoOf = (e: unknown) => (e as NodeJS.ErrnoException).code;

const DENIED = new Set(["EACCES", "EPERM", "EROFS"]);

const permissionDenied = (dataDir: string, e: unknown) =>
  new DataDirUnusable(
    dataDir,
    `permission denied (${errnoOf(e)}): the server's user must be able to read and write it`,
    { cause: e },
  );

/** Creates the directory if needed (0700); throws DataDirUnusable when it cannot be used. */
export const prepareDataDir = (dataDir: string): string => {
  const path = resolve(dataDir);
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
    if (!statSync(path).isDirectory()) {
      throw new DataDirUnusable(path, "it is a file, not a directory");
    }
    accessSync(path, constants.R_OK | constants.W_OK | constants.X_OK);
    readdirSync(path);
  } catch (e) {
    if (e instanceof DataDirUnusable) throw e;
    if (DENIED.has(errnoOf(e) ?? "")) throw permissionDenied(path, e);
    if (errnoOf(e) === "EEXIST" || errnoOf(e) === "ENOTDIR") {
      throw new DataDirUnusable(path, "it is a file, not a directory", { cause: e });
    }
    throw e;
  }
  return path;
};

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Makes the directory and everything in it its owner's only (folders 0700, files 0600), and
 * says how many entries it changed. PGlite's file system writes a new database's files 0666 and
 * its relation cache files (pg_internal.init, rewritten at each start) 0644, whatever the
 * umask; PostgreSQL's own new files (tables, WAL segments) are 0600 already. Synchronous, so
 * that PGlite, on this same thread, writes nothing meanwhile. Symbolic links are left alone.
 */
export const restrictDataDir = (path: string): number => {
  let changed = 0;
  const restrict = (entry: string, mode: number) => {
    if ((lstatSync(entry).mode & 0o777) === mode) return;
    chmodSync(entry, mode);
    changed++;
  };
  // the folder first: closed, it keeps every other user from the files, whatever their modes
  restrict(path, FOLDER_MODE);
  for (const e of readdirSync(path, { withFileTypes: true, recursive: true })) {
    const entry = join(e.parentPath, e.name);
    if (e.isDirectory()) restrict(entry, FOLDER_MODE);
    else if (e.isFile()) restrict(entry, FILE_MODE);
  }
  return changed;
};

/** Refuses a folder that holds files but no PostgreSQL database (PG_VERSION). */
export const checkDataDirContents = (path: string): void => {
  const entries = readdirSync(path).filter((name) => name !== LOCK_FILE);
  if (entries.length > 0 && !entries.includes("PG_VERSION")) {
    throw new DataDirUnusable(
      path,
      `it is not empty and is not a PGlite data directory (no PG_VERSION; it holds ${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}): point ENVOL_DATA_DIR at an empty folder or at Envol's data`,
    );
  }
};

/** What PGlite's failure to start on a directory that passed the checks most likely means. */
export const pgliteStartFailure = (path: string, e: unknown): Error => {
  if (DENIED.has(errnoOf(e) ?? "")) return permissionDenied(path, e);
  const message = e instanceof Error ? e.message : String(e);
  return new DataDirUnusable(
    path,
    `PGlite could not start on it (${message}): its files are probably corrupt or incomplete, or were written by another PGlite version; restore a backup (pnpm envol restore)`,
    { cause: e },
  );
};
