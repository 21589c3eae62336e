/**
 * A server run as a child process by a test or a benchmark: `node <args>` with PORT and HOST set,
 * polled over HTTP until it answers, stopped with a signal, and the end of what it printed kept
 * for the message of a failure. Envol's API is started this way by its two-instance test, the
 * typed client's test, the browser tests and the API benchmark; none of them may import the app
 * (ARCHITECTURE §1), so this knows nothing of it but its settings' names: the caller names the
 * entry.
 *
 * stdin is a pipe from the parent: a server preloaded with a watcher of it (apps/api's
 * `testing/die-with-parent.ts`) shuts down when its parent goes, however it goes.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createServer } from "node:net";

export interface SpawnOptions {
  /** What the errors call it: "instance 1", "the API". */
  readonly name?: string;
  /** Node's arguments, flags then the entry: `["--import", "tsx", "apps/api/src/main.ts"]`. */
  readonly args: readonly string[];
  /** The folder it runs in, which relative entries are read from. */
  readonly cwd: string;
  /**
   * Its settings, over the parent's environment less Envol's own (`inheritedEnv`); PORT and HOST
   * are set from `port`.
   */
  readonly env?: Readonly<Record<string, string>>;
  readonly port: number;
  /** Also copy what it writes to stderr (a crash, a warning) to the parent's stderr. */
  readonly showStderr?: boolean;
}

export interface ReadyOptions {
  /** The request that answers 200 once the server is up; `GET /api/health/ready` unless said. */
  readonly probe?: { readonly path: string; readonly init?: RequestInit };
  /** How long it may take to answer (60 s unless said): keep it under the caller's own timeout. */
  readonly timeoutMs?: number;
  /** The pause between two probes (250 ms unless said). */
  readonly pollMs?: number;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  readonly name: string;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with how it exited, whenever it does (also when it already has). */
  readonly exited: Promise<Exit>;
  /** The end of what it printed (stdout and stderr), for the message of a failure. */
  readonly output: () => string;
  /** Resolves once the probe answers 200; throws, with its output, if it exits or times out first. */
  readonly untilReady: (options?: ReadyOptions) => Promise<void>;
  /** Sends `signal` (SIGTERM unless said) unless it has exited, and waits until it has. */
  readonly stop: (signal?: NodeJS.Signals) => Promise<Exit>;
}

const OUTPUT_KEPT = 6_000;

/**
 * The parent's environment without the server's own settings: a developer's shell with PORT or
 * ENVOL_SEED set must not change what a test runs. The caller's `env` gives the ones it means.
 */
const inheritedEnv = (): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      // prefixes for the families, whole names for the rest (HOSTNAME is not HOST)
      ([k]) => !/^(ENVOL_|SMTP_|OIDC_)|^(PUBLIC_URL|MAIL_FROM|PORT|HOST|LOG_LEVEL)$/.test(k),
    ),
  );

/** A port nothing listens on now, on 127.0.0.1. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });

const describeExit = ({ code, signal }: Exit) => (signal ? `signal ${signal}` : `code ${code}`);

/**
 * Starts `node <args>` on `port`, at once: the caller keeps the process before it answers (to
 * kill it whatever happens), then waits with `untilReady`.
 *
 * @example
 * const server = spawnServerProcess({ args: ["--import", "tsx", "apps/api/src/main.ts"], cwd: ROOT, port });
 * await server.untilReady({ timeoutMs: 25_000 });
 */
export const spawnServerProcess = (options: SpawnOptions): ServerProcess => {
  const name = options.name ?? "the server";
  const child = spawn(process.execPath, [...options.args], {
    cwd: options.cwd,
    env: { ...inheritedEnv(), ...options.env, PORT: String(options.port), HOST: "127.0.0.1" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: string) => {
    output = (output + chunk).slice(-OUTPUT_KEPT);
  };
  child.stdout.setEncoding("utf8").on("data", keep);
  child.stderr.setEncoding("utf8").on("data", keep);
  if (options.showStderr) child.stderr.on("data", (chunk: string) => process.stderr.write(chunk));
  // a server that exits closes the pipe: writing to it then is no error of the test's
  child.stdin.on("error", () => undefined);

  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    }),
  );
  const url = `http://127.0.0.1:${options.port}`;

  const untilReady = async ({
    probe = { path: "/api/health/ready" },
    timeoutMs = 60_000,
    pollMs = 250,
  }: ReadyOptions = {}) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exit) {
        throw new Error(`${name} exited (${describeExit(exit)}) before answering:\n${output}`);
      }
      const answered = await fetch(`${url}${probe.path}`, {
        ...probe.init,
        signal: AbortSignal.timeout(Math.max(deadline - Date.now(), 1)),
      }).then(
        async (r) => {
          await r.body?.cancel();
          return r.status === 200;
        },
        () => false,
      );
      if (answered) return;
      if (Date.now() >= deadline) {
        throw new Error(
          `${name} (pid ${child.pid}) did not answer ${probe.path} within ${timeoutMs} ms:\n${output}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };

  const stop = (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };

  return { name, url, child, exited, output: () => output, untilReady, stop };
};

/**
 * Starts `node <args>` on a free port (or `port`) and resolves once it answers. A server that
 * exits or does not answer in time is killed, and the error carries the end of its output. A
 * free port can be taken by another process between the probe and the server's listen (suites
 * run side by side): a server on a port chosen here that finds it taken is started again on
 * another one.
 *
 * @example
 * const api = await startServerProcess({
 *   args: [join(ROOT, "apps/api/dist/main.mjs")],
 *   cwd: ROOT,
 *   env: { DATABASE_URL: "", ENVOL_DATA_DIR: join(dir, "db"), LOG_LEVEL: "warn" },
 * });
 * // … fetch(`${api.url}/api/simulations`, …)
 * await api.stop();
 */
export const startServerProcess = async (
  options: Omit<SpawnOptions, "port"> & ReadyOptions & { readonly port?: number },
): Promise<ServerProcess> => {
  for (let attempt = 1; ; attempt++) {
    const server = spawnServerProcess({ ...options, port: options.port ?? (await freePort()) });
    try {
      await server.untilReady(options);
      return server;
    } catch (e) {
      await server.stop("SIGKILL");
      const portTaken = server.output().includes("EADDRINUSE");
      if (!portTaken || options.port !== undefined || attempt === PORT_ATTEMPTS) throw e;
    }
  }
};

/** How many free ports a server is tried on before its start is a failure. */
const PORT_ATTEMPTS = 3;
