/**
 * `pnpm bench`, the API part: POST /api/simulations under load (autocannon, 50 connections)
 * against the real server (the bundle `pnpm start` runs, on an embedded database), next to a
 * bare Hono route echoing the same JSON, in the same run. Target: ≥ 50 % of the bare route's
 * throughput. A third row puts the echo's 0.7 KB next to the report's 9 KB: a bare route that
 * sends back Envol's report for the situation, the most any server returning it could do here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startServerProcess } from "@envol/server-process";
import autocannon from "autocannon";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "../../..");
const seconds = Number(process.env.BENCH_API_SECONDS ?? 10);
const body = readFileSync(join(root, "docs/examples/situation.json"), "utf8");

const SIMULATE: RequestInit = {
  method: "POST",
  headers: { "content-type": "application/json" },
  body,
};

/** `node <args>` on a free port, once it answers a simulation (the echo has no health route). */
const start = (args: string[], env: Record<string, string>) =>
  startServerProcess({
    name: `server ${args.join(" ")}`,
    args,
    cwd: root,
    env: { ...env, LOG_LEVEL: "warn" },
    showStderr: true,
    probe: { path: "/api/simulations", init: SIMULATE },
    timeoutMs: 60_000,
  });

const load = (url: string) =>
  autocannon({
    url: `${url}/api/simulations`,
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "fr" },
    body,
    connections: 50,
    duration: seconds,
  });

const dist = mkdtempSync(join(tmpdir(), "envol-bench-"));
try {
  const echoBundle = join(dist, "echo.mjs");
  await build({
    entryPoints: [join(import.meta.dirname, "echo-server.ts")],
    outfile: echoBundle,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });

  const envolEnv = {
    ENVOL_DATA_DIR: join(dist, "db"),
    ENVOL_FILES_DIR: join(dist, "files"),
    DATABASE_URL: "",
    ENVOL_WEB_DIR: join(dist, "no-web"),
    // one load generator is not one person: without this, all but 60 requests a minute are 429s
    ENVOL_LIMIT_SIMULATIONS_PER_MINUTE: "0",
  };
  // Envol's report for the situation: what the second baseline sends back
  const envolFirst = await start([join(root, "apps/api/dist/main.mjs")], envolEnv);
  const report = await fetch(`${envolFirst.url}/api/simulations`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "fr" },
    body,
  }).then((r) => r.text());
  await envolFirst.stop();
  const reportFile = join(dist, "report.json");
  writeFileSync(reportFile, report);

  const measure = async (args: string[], env: Record<string, string>) => {
    const server = await start(args, env);
    await load(server.url); // warm-up run, not counted: every server gets one
    const result = await load(server.url);
    await server.stop();
    return result;
  };
  const bare = await measure([echoBundle], {});
  const bareReport = await measure([echoBundle], { BENCH_REPLY: reportFile });
  const api = await measure([join(root, "apps/api/dist/main.mjs")], envolEnv);

  const row = (r: autocannon.Result) => ({
    "requests/s": Math.round(r.requests.average),
    "p99 ms": r.latency.p99,
    "median ms": r.latency.p50,
    "KB/response": Math.round(r.throughput.average / r.requests.average / 100) / 10,
    errors: r.errors + r.non2xx,
  });
  console.log(
    `\nPOST /api/simulations, autocannon, 50 connections, ${seconds} s each (Node ${process.version})`,
  );
  console.table({
    "Envol (pnpm start's bundle)": row(api),
    "bare Hono echo of the same JSON": row(bare),
    "bare Hono route sending Envol's report": row(bareReport),
  });
  const share = api.requests.average / bare.requests.average;
  const ceiling = bareReport.requests.average / bare.requests.average;
  console.log(
    [
      `Envol / bare echo = ${(share * 100).toFixed(0)} % of the throughput (target ≥ 50 %: ${share >= 0.5 ? "within the target" : "UNDER the target"})`,
      `a route doing nothing but parse the situation and send the report back: ${(ceiling * 100).toFixed(0)} % of the echo; Envol = ${((api.requests.average / bareReport.requests.average) * 100).toFixed(0)} % of that route`,
    ].join("\n"),
  );
} finally {
  rmSync(dist, { recursive: true, force: true });
}
