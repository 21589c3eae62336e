/**
 * A PGlite database copied while it serves, and put back. Copying the files of a live data
 * directory can catch a page half-written; PGlite's own `dumpDataDir` tars the directory while
 * no query runs; taken here also while no transaction is open, the tarball holds the committed
 * data and nothing half-done.
 */
import { mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { LOCK_FILE } from "./data-dir-lock.ts";

/** A gzipped tarball of the open database's data directory, consistent. */
export const dumpPglite = async (client: PGlite): Promise<Uint8Array> => {
  // flushed first (a statement cannot run inside the transaction lock below: it takes it too);
  // what commits in between is in the WAL, which the tarball holds and the next start replays
  await client.exec("CHECKPOINT");
  // no transaction is open while the directory is read: a transaction holds this lock
  const tarball = await client._runExclusiveTransaction(() => client.dumpDataDir("gzip"));
  return new Uint8Array(await tarball.arrayBuffer());
};

/**
 * Unpacks a `dumpPglite` tarball into `dataDir`, which must hold nothing but its lock (the
 * caller's). It is unpacked beside it first, so that the tarball's copy of the lock file (the
 * server's that made it) never replaces the caller's.
 */
export const restorePglite = async (tarball: Uint8Array, dataDir: string): Promise<void> => {
  const staging = mkdtempSync(join(dirname(dataDir), `.${basename(dataDir)}.restoring-`));
  try {
    const client = await PGlite.create(staging, {
      loadDataDir: new Blob([tarball as Uint8Array<ArrayBuffer>]),
    });
    await client.close();
    rmSync(join(staging, LOCK_FILE), { force: true });
    for (const name of readdirSync(staging)) renameSync(join(staging, name), join(dataDir, name));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};
