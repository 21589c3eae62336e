/**
 * `pnpm bench`, the API part: POST /api/simulations under load (autocannon, 50 connections)
 * against the real server (the bundle `pnpm start` runs, on an embedded database), next to a
 * bare Hono route that parses the same situation and sends Envol's report for it back.
 *
 * Issue #11's targets: a p99 of at most 25 ms, and at least 40 % of the bare route's
 * throughput. Both servers run side by side and are loaded in turn, round after round (the
 * order swapped each round), so that a change in the machine's load weighs on both alike; the
 * figures are the medians of the rounds, the share the median of the rounds' shares.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type ServerProcess, startServerProcess } from "@envol/server-process";
import autocannon from "autocannon";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "../../..");
const seconds = Number(process.env.BENCH_API_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_API_ROUNDS ?? 3);
const body = readFileSync(join(root, "docs/examples/situation.json"), "utf8");

/** Issue #11: the API's latency under load, and its cost next to the bare route's. */
const TARGET_P99_MS = 25;
const TARGET_SHARE = 0.4;

const HEADERS = { "content-type": "application/json", "accept-language": "fr" };

/** `node <args>` on a free port, once it answers a simulation (the bare route has no health route). */
const start = (args: string[], env: Record<string, string>) =>
  startServerProcess({
    name: `server ${args.join(" ")}`,
    args,
    cwd: root,
    env: { ...env, LOG_LEVEL: "warn" },
    showStderr: true,
    probe: { path: "/api/simulations", init: { method: "POST", headers: HEADERS, body } },
    timeoutMs: 60_000,
  });

/**
 * CPU seconds a process has used so far, from Linux's /proc (utime and stime, in clock ticks of
 * 1/100 s); undefined elsewhere. Per request, it reads the same cost as the throughput does, less
 * swayed by what else the machine runs.
 */
const cpuSeconds = (pid: number | undefined): number | undefined => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
};

interface Run {
  readonly result: autocannon.Result;
  /** The server's CPU time per request answered, in µs (undefined off Linux). */
  readonly cpuUs: number | undefined;
}

const load = async (server: ServerProcess, duration: number): Promise<Run> => {
  const before = cpuSeconds(server.child.pid);
  const result = await autocannon({
    url: `${server.url}/api/simulations`,
    method: "POST",
    headers: HEADERS,
    body,
    connections: 50,
    duration,
  });
  const after = cpuSeconds(server.child.pid);
  const cpuUs =
    before === undefined || after === undefined
      ? undefined
      : ((after - before) * 1e6) / (result.requests.average * duration);
  return { result, cpuUs };
};

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

const load1 = () => (loadavg()[0] as number).toFixed(1);

const dist = mkdtempSync(join(tmpdir(), "envol-bench-"));
try {
  const bareBundle = join(dist, "bare-report-server.mjs");
  await build({
    entryPoints: [join(import.meta.dirname, "bare-report-server.ts")],
    outfile: bareBundle,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });

  const envol = await start([join(root, "apps/api/dist/main.mjs")], {
    ENVOL_DATA_DIR: join(dist, "db"),
    ENVOL_FILES_DIR: join(dist, "files"),
    DATABASE_URL: "",
    ENVOL_WEB_DIR: join(dist, "no-web"),
    // one load generator is not one person: without this, all but 60 requests a minute are 429s
    ENVOL_LIMIT_SIMULATIONS_PER_MINUTE: "0",
  });
  // Envol's report for the situation: what the bare route sends back
  const reportFile = join(dist, "report.json");
  const report = await fetch(`${envol.url}/api/simulations`, {
    method: "POST",
    headers: HEADERS,
    body,
  });
  writeFileSync(reportFile, await report.text());
  const bare = await start([bareBundle], { BENCH_REPLY: reportFile });

  const loadBefore = load1();
  // a warm-up run each, not counted
  await load(envol, Math.min(seconds, 5));
  await load(bare, Math.min(seconds, 5));
  const runs = { envol: [] as Run[], bare: [] as Run[] };
  const loads: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (["envol", "bare"] as const) : (["bare", "envol"] as const);
    for (const which of order)
      runs[which].push(await load(which === "envol" ? envol : bare, seconds));
    loads.push(load1());
  }
  await envol.stop();
  await bare.stop();

  const row = (rs: readonly Run[]) => {
    const cpu = rs.map((r) => r.cpuUs);
    return {
      "requests/s": Math.round(median(rs.map((r) => r.result.requests.average))),
      "p99 ms": median(rs.map((r) => r.result.latency.p99)),
      "median ms": median(rs.map((r) => r.result.latency.p50)),
      "CPU µs/request": cpu.every((us) => us !== undefined) ? Math.round(median(cpu)) : "n/a",
      "KB/response":
        Math.round(
          median(rs.map((r) => r.result.throughput.average / r.result.requests.average)) / 100,
        ) / 10,
      errors: rs.reduce((sum, r) => sum + r.result.errors + r.result.non2xx, 0),
    };
  };
  const shares = runs.envol.map(
    (r, i) => r.result.requests.average / (runs.bare[i] as Run).result.requests.average,
  );
  const share = median(shares);
  const p99s = runs.envol.map((r) => r.result.latency.p99);
  const p99 = median(p99s);
  const percent = (x: number) => `${(x * 100).toFixed(0)} %`;
  const verdict = (ok: boolean) => (ok ? "within the target" : "MISSED");

  console.log(
    `\nPOST /api/simulations, autocannon, 50 connections, ${rounds} rounds of ${seconds} s per server, medians (Node ${process.version}, ${availableParallelism()} cores, load average ${loadBefore} before, ${loads.join(", ")} after each round)`,
  );
  console.table({
    "Envol (pnpm start's bundle)": row(runs.envol),
    "bare Hono route sending Envol's report": row(runs.bare),
  });
  const cpuShares = runs.envol.map((r, i) => {
    const envolUs = r.cpuUs;
    const bareUs = runs.bare[i]?.cpuUs;
    return envolUs === undefined || bareUs === undefined ? undefined : bareUs / envolUs;
  });
  console.log(
    [
      `Envol's p99 = ${p99} ms (rounds: ${p99s.join(", ")}; target ≤ ${TARGET_P99_MS} ms: ${verdict(p99 <= TARGET_P99_MS)})`,
      `Envol / bare route = ${percent(share)} of the throughput (rounds: ${shares.map(percent).join(", ")}; target ≥ ${percent(TARGET_SHARE)}: ${verdict(share >= TARGET_SHARE)})`,
      ...(cpuShares.every((x) => x !== undefined)
        ? [
            `the same share read from CPU time per request (less swayed by the machine's other work): ${percent(median(cpuShares))} (rounds: ${cpuShares.map(percent).join(", ")})`,
          ]
        : []),
    ].join("\n"),
  );
} finally {
  rmSync(dist, { recursive: true, force: true });
}
