import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { Effect } from "effect";

/**
 * Where uploaded documents' bytes are kept. A file is stored under a random name that the
 * store chooses (never the student's file name, which could try `../`), and read back only by
 * that key; the metadata (name, type, size, hash, owner) lives in the database.
 */
export interface FileStore {
  /** Stores the bytes under a new random key and returns the key. */
  readonly put: (bytes: Uint8Array) => Effect.Effect<string>;
  /** The bytes stored under `key`, or undefined when there are none. */
  readonly get: (key: string) => Effect.Effect<Uint8Array | undefined>;
  /** Forgets the bytes stored under `key` (nothing when there are none). */
  readonly remove: (key: string) => Effect.Effect<void>;
  /** The absolute path of a key's file (for operations and tests; never sent to a client). */
  readonly pathOf: (key: string) => string;
}

/** 32 random bytes in base64url: 43 characters, no dot, no slash. */
const KEY = /^[A-Za-z0-9_-]{43}$/;

const newKey = () => randomBytes(32).toString("base64url");

const inside = (dir: string, path: string) => {
  const r = relative(dir, path);
  return r === "" || (!r.startsWith("..") && !isAbsolute(r));
};

/** The store refuses a folder that a web server serves: uploads must never be reachable by URL. */
export class FilesDirServed extends Error {
  constructor(
    readonly dir: string,
    readonly served: string,
  ) {
    super(`the files folder ${dir} is inside the served folder ${served} (or contains it)`);
  }
}

/**
 * A store over a folder of the local disk (created on first write, readable by the server's
 * user only). `notUnder` lists the folders a web server serves: the store refuses to be inside
 * one of them, or to contain one. Several API instances must share the folder (a volume).
 *
 * @example directoryFileStore(config.ENVOL_FILES_DIR, { notUnder: [config.ENVOL_WEB_DIR] })
 */
export const directoryFileStore = (
  dir: string,
  options: { readonly notUnder?: readonly string[] } = {},
): FileStore => {
  const root = resolve(dir);
  for (const served of options.notUnder ?? []) {
    const s = resolve(served);
    if (inside(s, root) || inside(root, s)) throw new FilesDirServed(root, s);
  }
  const pathOf = (key: string) => {
    // keys come from the database, which the store wrote: anything else is a defect, not a path
    if (!KEY.test(key)) throw new Error(`not a file store key: ${JSON.stringify(key)}`);
    return join(root, key);
  };
  let ready: Promise<unknown> | undefined;
  return {
    put: (bytes) =>
      Effect.promise(async () => {
        ready ??= mkdir(root, { recursive: true, mode: 0o700 });
        await ready;
        const key = newKey();
        // "wx": never overwrite, even if 256 random bits were to collide
        await writeFile(pathOf(key), bytes, { flag: "wx", mode: 0o600 });
        return key;
      }),
    get: (key) =>
      Effect.promise(async () => {
        try {
          return new Uint8Array(await readFile(pathOf(key)));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
          throw e;
        }
      }),
    remove: (key) => Effect.promise(() => rm(pathOf(key), { force: true })),
    pathOf,
  };
};

/** Where uploads go when the server is not told (config.ts's ENVOL_FILES_DIR default). */
export const DEFAULT_FILES_DIR = "./data/files";

/** The app's file store: the one it was given, else a directory under ./data. */
export const filesOf = (deps: { readonly files?: FileStore }): FileStore =>
  deps.files ?? directoryFileStore(DEFAULT_FILES_DIR);
