/**
 * `pnpm build` for the API: one ESM bundle of the server, Envol's own packages (TypeScript
 * sources) and what they use, except the API's own dependencies, which stay external and are
 * resolved from apps/api/node_modules at run time (PGlite needs its WebAssembly files beside
 * it, argon2 its native binary). `pnpm start` runs it with plain node.
 */
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
};
const external = Object.keys(pkg.dependencies).filter((d) => !d.startsWith("@envol/"));

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  banner: {
    js: "import { createRequire as __envolRequire } from 'node:module'; const require = __envolRequire(import.meta.url);",
  },
  external: [...external, ...external.map((d) => `${d}/*`)],
});
