/**
 * Lighthouse 12 (the last for Node 20) with Debian's Chromium on the simulator served by
 * `pnpm start`'s bundle, in French and in English (the language cookie the app sets when one
 * switches, so the server sends the English page), and on a scheme's rule page at its French
 * and English addresses (`/regles/erasmus`, `/rules/erasmus`: the address sets the language):
 * prints the performance and accessibility scores (targets ≥ 95 and 100) and exits non-zero
 * below them. Part of `pnpm bench`.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { CHROMIUM, startServer } from "../e2e/server.ts";

const bin = join(import.meta.dirname, "../node_modules/.bin/lighthouse");
const flags =
  "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic";

const server = await startServer();
try {
  const results: Record<string, { performance: number; accessibility: number }> = {};
  const pages = [
    { name: "simulator (fr)", path: "/", lang: "fr" },
    { name: "simulator (en)", path: "/", lang: "en" },
    { name: "rules, /regles/erasmus", path: "/regles/erasmus", lang: "fr" },
    { name: "rules, /rules/erasmus", path: "/rules/erasmus", lang: "en" },
  ] as const;
  for (const { name, path, lang } of pages) {
    const out = execFileSync(
      bin,
      [
        `${server.url}${path}`,
        "--output=json",
        "--quiet",
        "--only-categories=performance,accessibility",
        `--chrome-flags=${flags}`,
        `--extra-headers=${JSON.stringify({ "Accept-Language": lang, Cookie: `envol_lang=${lang}` })}`,
        `--locale=${lang}`,
      ],
      {
        env: { ...process.env, CHROME_PATH: CHROMIUM },
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const lhr = JSON.parse(out) as { categories: Record<string, { score: number | null }> };
    results[name] = {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    };
  }
  console.log("\nLighthouse 12 (mobile preset, simulated throttling), Debian Chromium");
  console.table(results);
  const ok = Object.values(results).every((r) => r.performance >= 95 && r.accessibility === 100);
  console.log(
    ok
      ? "within the targets (performance ≥ 95, accessibility 100)"
      : "UNDER the targets (performance ≥ 95, accessibility 100)",
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await server.stop();
}
