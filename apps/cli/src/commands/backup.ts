/**
 * `pnpm envol backup <dir>`: a consistent copy of the PGlite database and the uploaded files
 * into <dir> (created, must be empty). A server running on the data directory holds its lock,
 * and alone may open it: the CLI asks it, over loopback, with the token its lock file holds
 * (docs/decisions/006). With no server running, the CLI opens the directory itself.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  type BackupManifest,
  openDatabase,
  ownerIsAlive,
  readDataDirLock,
  writeBackup,
} from "@envol/db";
import { dataLocation, POSTGRES_BACKUPS } from "../environment.ts";
import { type Command, usageError } from "./command.ts";

const USAGE = "usage: pnpm envol backup <dir>   (<dir> is created, and must be empty)";

/** Asks the server holding the directory to write the backup. */
const askServer = async (
  server: { readonly port: number; readonly token: string },
  dir: string,
): Promise<BackupManifest> => {
  const r = await fetch(`http://127.0.0.1:${server.port}/api/ops/backup`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${server.token}`,
      "content-type": "application/json",
      "accept-language": "en",
    },
    body: JSON.stringify({ dir }),
  });
  const body = (await r.json()) as BackupManifest & { detail?: string; title?: string };
  if (r.status !== 201) {
    throw new Error(`the server answered ${r.status}: ${body.detail ?? body.title ?? ""}`);
  }
  return body;
};

export const backupCommand: Command = {
  usage: USAGE,
  run: async ([target, ...rest]) => {
    if (!target || rest.length > 0) return usageError(USAGE);
    const { databaseUrl, dataDir, filesDir, webDir } = dataLocation();
    if (databaseUrl) return usageError(POSTGRES_BACKUPS);
    const dir = resolve(target);
    const owner = readDataDirLock(dataDir);
    let manifest: BackupManifest;
    if (owner !== undefined && owner !== "unreadable" && ownerIsAlive(owner)) {
      if (!owner.server) {
        console.error(
          `the data directory ${resolve(dataDir)} is held by process ${owner.pid}, which is not a server: try again once it has finished`,
        );
        return 1;
      }
      manifest = await askServer(owner.server, dir);
      console.log(`backup written by the running server (pid ${owner.pid}) into ${dir}`);
    } else {
      if (!existsSync(join(dataDir, "PG_VERSION"))) {
        console.error(
          `no PGlite database in ${resolve(dataDir)} (ENVOL_DATA_DIR): nothing to back up`,
        );
        return 1;
      }
      const open = await openDatabase({ dataDir, migrate: false });
      try {
        const dump = open.dumpDataDir;
        if (!dump) throw new Error("not a PGlite database");
        manifest = await writeBackup(dir, { dump, filesDir, notUnder: [webDir, dataDir] });
      } finally {
        await open.close();
      }
      console.log(`backup written into ${dir}`);
    }
    console.log(JSON.stringify(manifest));
    return 0;
  },
};
