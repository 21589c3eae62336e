/**
 * One process per PGlite data directory. PGlite is PostgreSQL inside the process, with no
 * server to arbitrate: two processes on one directory each believe they own it, and one's
 * acknowledged writes are lost to the other's. The process that opens a directory holds a lock
 * file in it (its pid, host and start time, and how to reach its server if it is one); a second
 * one is refused, naming the first. A lock left by a process that died (SIGKILL, a crash) is
 * taken over when its pid is no longer alive on this host; one written on another host (a
 * shared volume) is never taken over, since its pid cannot be checked from here.
 */
import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";

export const LOCK_FILE = "envol.lock";

/** What the lock file says about the process holding the directory. */
export interface DataDirOwner {
  readonly pid: number;
  readonly host: string;
  /** ISO 8601. */
  readonly startedAt: string;
  /**
   * Set by a server: the loopback port it listens on and the token its operations endpoint
   * (`POST /api/ops/backup`) accepts. The lock file is readable by its owner only.
   */
  readonly server?: { readonly port: number; readonly token: string };
}

export class DataDirLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner,
  ) {
    super(
      `the data directory ${dataDir} is in use by process ${owner.pid} on ${owner.host} (since ${owner.startedAt}${owner.server ? `, serving on port ${owner.server.port}` : ""}): PGlite is single-process; stop that process first, or use PostgreSQL (DATABASE_URL) to run several instances`,
    );
  }
}

export interface DataDirLock {
  readonly owner: DataDirOwner;
  /** Removes the lock file if it is still this one's (idempotent). */
  readonly release: () => void;
}

export const lockPathOf = (dataDir: string) => join(resolve(dataDir), LOCK_FILE);

/** The lock file's owner, undefined when there is none; `"unreadable"` when it is not one. */
export const readDataDirLock = (dataDir: string): DataDirOwner | "unreadable" | undefined => {
  let text: string;
  try {
    text = readFileSync(lockPathOf(dataDir), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  try {
    const owner = JSON.parse(text) as DataDirOwner;
    return Number.isInteger(owner.pid) && typeof owner.host === "string" ? owner : "unreadable";
  } catch {
    return "unreadable";
  }
};

/** Whether the owner may still be running: always on another host, whose pids we cannot see. */
export const ownerIsAlive = (owner: DataDirOwner): boolean => {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, another user's
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Why a lock was taken over, for the log. */
export interface LockTakenOver {
  readonly dataDir: string;
  readonly previous: DataDirOwner | "unreadable";
}

/**
 * Takes the directory's lock, or throws DataDirLocked naming the live process that holds it.
 * The file is written whole under a temporary name and linked into place, so that it either
 * exists complete or not at all (`link` fails when the name exists, as `open(…, "wx")` does).
 */
export const acquireDataDirLock = (
  dataDir: string,
  options: {
    readonly server?: DataDirOwner["server"];
    readonly onTakeOver?: (event: LockTakenOver) => void;
  } = {},
): DataDirLock => {
  const path = lockPathOf(dataDir);
  const owner: DataDirOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    ...(options.server ? { server: options.server } : {}),
  };
  const text = JSON.stringify(owner);
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString("hex")}`;
  writeFileSync(temporary, text, { mode: 0o600, flag: "wx" });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temporary, path);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt === 3) throw e;
      }
      const previous = readDataDirLock(dataDir);
      if (previous === undefined) continue;
      if (previous !== "unreadable" && ownerIsAlive(previous)) {
        throw new DataDirLocked(resolve(dataDir), previous);
      }
      options.onTakeOver?.({ dataDir: resolve(dataDir), previous });
      try {
        unlinkSync(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
    }
  } finally {
    unlinkSync(temporary);
  }

  // a process that ends without closing the database (an uncaught error) still frees it
  const release = () => {
    process.off("exit", release);
    try {
      if (readFileSync(path, "utf8") === text) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.on("exit", release);
  return { owner, release };
};
