import { writeBackup } from "@envol/db";
import type { AppDeps } from "./deps.ts";
import type { Logger } from "./logger.ts";

/**
 * What the server on PGlite lets the local CLI ask (`POST /api/ops/backup`): a backup, never
 * into the served web folder (anyone could download the database), the data directory or the
 * files folder (the next backup would copy it).
 *
 * @example pgliteOps({ token, dump: dumpDataDir, folders: { data, files, web }, logger })
 */
export const pgliteOps = (settings: {
  readonly token: string;
  readonly dump: () => Promise<Uint8Array>;
  readonly folders: { readonly data: string; readonly files: string; readonly web: string };
  readonly logger?: Logger;
}): NonNullable<AppDeps["ops"]> => ({
  token: settings.token,
  backup: async (dir) => {
    const { data, files, web } = settings.folders;
    const manifest = await writeBackup(dir, {
      dump: settings.dump,
      filesDir: files,
      notUnder: [web, data],
    });
    settings.logger?.info({ dir, ...manifest }, "backup written");
    return manifest;
  },
});
