/**
 * A PGlite database copied while it serves, and put back. Copying the files of a live data
 * directory can catch a page half-written; PGlite's own `dumpDataDir` tars the directory while
 * no query runs. Taken here also while no transaction is open, after a checkpoint, the tarball
 * holds exactly the committed data, with nothing for the next start to replay.
 */
import { mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { LOCK_FILE } from "./data-dir-lock.ts";

/** A gzipped tarball of the open database's data directory, consistent. */
export const dumpPglite = (client: PGlite): Promise<Uint8Array> =>
  client._runExclusiveTransaction(async () => {
    await client.exec("CHECKPOINT");
    const tarball = await client.dumpDataDir("gzip");
    return new Uint8Array(await tarball.arrayBuffer());
  });

/**
 * Unpacks a `dumpPglite` tarball into `dataDir`, which must hold nothing but its lock (the
 * caller's). It is unpacked beside it first, so that the tarball's copy of the lock file (the
 * server's that made it) never replaces the caller's.
 */
export const restorePglite = async (tarball: Uint8Array, dataDir: string): Promise<void> => {
  const staging = mkdtempSync(join(dirname(dataDir), `.${basename(dataDir)}.restoring-`));
  try {
    const client = await PGlite.create(staging, { loadDataDir: new Blob([tarball]) });
    await client.close();
    rmSync(join(staging, LOCK_FILE), { force: true });
    for (const name of readdirSync(staging)) renameSync(join(staging, name), join(dataDir, name));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};
