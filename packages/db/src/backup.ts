/**
 * A backup of an Envol on PGlite: a folder holding the database as a consistent tarball
 * (`dumpPglite`), a copy of the uploaded files folder and a manifest, written last, whose
 * presence says the backup is whole. The database is dumped before the files are copied: a
 * document's bytes are stored before its row is committed, so every document the dump knows
 * has its bytes in the copy (a file uploaded meanwhile is an orphan, harmless).
 */
import { cp, mkdir, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { acquireDataDirLock, LOCK_FILE } from "./data-dir-lock.ts";
import { restorePglite } from "./pglite-backup.ts";
import { prepareDataDir, restrictDataDir } from "./pglite-data-dir.ts";

export const BACKUP_LAYOUT = {
  database: "pglite.tar.gz",
  files: "files",
  manifest: "manifest.json",
} as const;

export interface BackupManifest {
  readonly format: 1;
  readonly createdAt: string;
  readonly databaseBytes: number;
  readonly files: number;
}

/** A folder that must be empty (or not exist) and is not. */
export class FolderNotEmpty extends Error {
  constructor(
    readonly folder: string,
    readonly what: string,
  ) {
    super(`${what} ${folder} is not empty`);
  }
}

export class NotABackup extends Error {
  constructor(readonly folder: string) {
    super(`${folder} holds no Envol backup (no ${BACKUP_LAYOUT.manifest})`);
  }
}

/**
 * A backup folder inside one that must never hold one: the served web folder (it would be
 * downloadable), the data directory or the files folder (the next backup would copy it).
 */
export class BackupFolderForbidden extends Error {
  constructor(
    readonly folder: string,
    readonly inside: string,
  ) {
    super(
      `the backup folder ${folder} is inside ${inside}: a backup holds the whole database; write it outside the served web folder, the data directory and the files folder`,
    );
  }
}

/** The file system refused the backup: `code` says why (ENOTDIR, EACCES, ENOSPC…). */
export class BackupNotWritten extends Error {
  constructor(
    readonly folder: string,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    const path = (options?.cause as NodeJS.ErrnoException | undefined)?.path;
    super(
      `the backup could not be written into ${folder}: ${code}${path ? ` on ${path}` : ""}`,
      options,
    );
  }

  /** The path itself cannot be a folder (a file on the way, a name too long, a loop…). */
  get pathUnusable(): boolean {
    return PATH_ERRORS.has(this.code);
  }
}

const PATH_ERRORS = new Set(["ENOTDIR", "ENAMETOOLONG", "ELOOP", "ENOENT", "EISDIR", "EINVAL"]);

const inside = (dir: string, path: string) => {
  const r = relative(dir, path);
  return r === "" || (!r.startsWith("..") && !isAbsolute(r));
};

/**
 * Where a folder really is (`..` resolved, the symbolic links of its existing part followed):
 * its existing part, and the names to create below it.
 */
const locate = async (folder: string) => {
  const missing: string[] = [];
  let existing = resolve(folder);
  for (;;) {
    try {
      const real = await realpath(existing);
      return { path: join(real, ...missing), existing: real, missing };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" || dirname(existing) === existing) throw e;
      missing.unshift(basename(existing));
      existing = dirname(existing);
    }
  }
};

const entriesOf = async (folder: string): Promise<string[]> =>
  readdir(folder).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return [];
    throw e;
  });

const countFiles = async (folder: string): Promise<number> =>
  (await readdir(folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
    .length;

/**
 * Writes a backup into `target` (created; refused when it holds anything, or when it is inside
 * the files folder or a folder of `notUnder`): the dump first, then the files, then the
 * manifest. A file-system error is a BackupNotWritten.
 */
export const writeBackup = async (
  target: string,
  source: {
    readonly dump: () => Promise<Uint8Array>;
    readonly filesDir: string;
    /** Folders a backup must not be in: the served web folder, the data directory. */
    readonly notUnder?: readonly string[];
  },
): Promise<BackupManifest> => {
  const asked = resolve(target);
  // the system's refusals (they name a syscall), not the database's nor FolderNotEmpty
  const notWritten = (e: unknown): never => {
    const { code, syscall } = e as NodeJS.ErrnoException;
    if (code && syscall) throw new BackupNotWritten(asked, code, { cause: e });
    throw e;
  };
  const { path: folder, existing, missing } = await locate(asked).catch(notWritten);
  for (const forbidden of [source.filesDir, ...(source.notUnder ?? [])]) {
    const real = await locate(forbidden);
    if (inside(real.path, folder)) throw new BackupFolderForbidden(asked, resolve(forbidden));
  }
  return writeInto(folder, existing, missing, source).catch(notWritten);
};

const writeInto = async (
  folder: string,
  existing: string,
  missing: readonly string[],
  source: { readonly dump: () => Promise<Uint8Array>; readonly filesDir: string },
): Promise<BackupManifest> => {
  if ((await entriesOf(folder)).length > 0) throw new FolderNotEmpty(folder, "the backup folder");
  // one level at a time: Node's recursive mkdir spins forever where the system answers ENOENT
  // under a folder that exists (/proc)
  let made = existing;
  for (const name of missing) {
    made = join(made, name);
    await mkdir(made, { mode: 0o700 });
  }
  const tarball = await source.dump();
  await writeFile(join(folder, BACKUP_LAYOUT.database), tarball, { mode: 0o600 });
  const files = join(folder, BACKUP_LAYOUT.files);
  await mkdir(files, { mode: 0o700 });
  if ((await entriesOf(source.filesDir)).length > 0) {
    await cp(source.filesDir, files, { recursive: true, preserveTimestamps: true });
  }
  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    databaseBytes: tarball.byteLength,
    files: await countFiles(files),
  };
  await writeFile(join(folder, BACKUP_LAYOUT.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
};

/**
 * Puts a backup back into a PGlite data directory and a files folder, which no process may
 * hold (the directory's lock is taken for the time of it) and which must be empty, unless
 * `force` says to empty them first.
 */
export const restoreBackup = async (
  source: string,
  target: { readonly dataDir: string; readonly filesDir: string; readonly force?: boolean },
): Promise<BackupManifest> => {
  const folder = resolve(source);
  const manifest = await readFile(join(folder, BACKUP_LAYOUT.manifest), "utf8").then(
    (text) => JSON.parse(text) as BackupManifest,
    () => {
      throw new NotABackup(folder);
    },
  );
  const tarball = await readFile(join(folder, BACKUP_LAYOUT.database));
  const dataDir = prepareDataDir(target.dataDir);
  const filesDir = resolve(target.filesDir);
  const lock = acquireDataDirLock(dataDir);
  try {
    const data = (await entriesOf(dataDir)).filter((name) => name !== LOCK_FILE);
    const files = await entriesOf(filesDir);
    if (!target.force) {
      if (data.length > 0) throw new FolderNotEmpty(dataDir, "the data directory");
      if (files.length > 0) throw new FolderNotEmpty(filesDir, "the files folder");
    }
    for (const name of data) await rm(join(dataDir, name), { recursive: true, force: true });
    await rm(filesDir, { recursive: true, force: true });
    await restorePglite(new Uint8Array(tarball), dataDir);
    // PGlite unpacks the tarball's files 0666
    restrictDataDir(dataDir);
    await mkdir(filesDir, { recursive: true, mode: 0o700 });
    await cp(join(folder, BACKUP_LAYOUT.files), filesDir, {
      recursive: true,
      preserveTimestamps: true,
    });
  } finally {
    lock.release();
  }
  return manifest;
};
