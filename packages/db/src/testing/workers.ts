/**
 * Child processes for the tests that need more than one Node process (a race between two
 * instances, a writer killed with SIGKILL). Parent and child talk in JSON lines: the parent on the
 * child's stdin, the child on its stdout.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";

const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));

/** The JSON lines of a stream, one at a time; lines that are not JSON objects are someone else's output. */
const messagesOf = (input: Readable) => {
  const buffered: unknown[] = [];
  const waiting: { resolve: (m: unknown) => void; reject: (e: Error) => void }[] = [];
  let ended: Error | undefined;
  createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
    if (!line.startsWith("{")) return;
    const message: unknown = JSON.parse(line);
    const next = waiting.shift();
    if (next) next.resolve(message);
    else buffered.push(message);
  });
  return {
    next: <T>(): Promise<T> => {
      if (buffered.length > 0) return Promise.resolve(buffered.shift() as T);
      if (ended) return Promise.reject(ended);
      return new Promise<T>((resolve, reject) =>
        waiting.push({ resolve: resolve as (m: unknown) => void, reject }),
      );
    },
    /** What arrived and was not read yet. */
    drain: (): unknown[] => buffered.splice(0),
    end: (why: Error) => {
      ended = why;
      for (const w of waiting.splice(0)) w.reject(why);
    },
  };
};

export interface Worker {
  readonly pid: number;
  readonly send: (message: unknown) => void;
  /** The child's next message; fails if it exits first. */
  readonly next: <T>() => Promise<T>;
  /** The messages that arrived and were not read yet (all of them, once `exited` resolved). */
  readonly drain: () => unknown[];
  readonly exited: Promise<{ readonly code: number | null; readonly signal: string | null }>;
  readonly kill: (signal: NodeJS.Signals) => void;
}

/**
 * Starts `script` (a path relative to this folder) in a child Node process.
 *
 * The script runs in `node --import tsx` rather than the `tsx` binary: that binary starts the
 * script in a second, grandchild process, which a SIGKILL to the binary would leave running.
 */
export const spawnWorker = (script: string): Worker => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL(script, import.meta.url))],
    { cwd: PACKAGE_DIR, stdio: ["pipe", "pipe", "pipe"] },
  );
  const messages = messagesOf(child.stdout);
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  // a child that died is reported by `next`; writing to it must not crash the test process
  child.stdin.on("error", () => undefined);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on("close", (code, signal) => {
      messages.end(
        new Error(
          `worker ${script} exited (code ${code}, signal ${signal}) with stderr:\n${stderr}`,
        ),
      );
      resolve({ code, signal });
    }),
  );
  return {
    pid: child.pid ?? -1,
    send: (message) => child.stdin.write(`${JSON.stringify(message)}\n`),
    next: messages.next,
    drain: messages.drain,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
};

/**
 * The child's side: messages from the parent and replies to it. When the parent goes away (its
 * end of stdin closes) the child exits, so that no worker outlives its test.
 */
export const parentChannel = () => {
  const messages = messagesOf(process.stdin);
  process.stdin.on("end", () => process.exit(0));
  process.stdout.on("error", () => process.exit(0));
  return {
    next: messages.next,
    // stdout is a pipe: on Linux the write is synchronous, so a reply is sent once this returns
    send: (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`),
  };
};
