/**
 * `pnpm new-plugin <id> [--register]`: scaffolds plugins/<id>, links it into the workspace and
 * says what comes next; with --register, also registers it in the institution configuration.
 */
import { execSync } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { generatePlugin } from "./generate.ts";
import { registerPlugin } from "./register.ts";
import { namesOf } from "./templates.ts";

const USAGE = "usage: pnpm new-plugin <id> [--register]   (kebab-case, e.g. demo-scheme)";

const args = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { register: { type: "boolean", default: false } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
const id = args.positionals[0];
if (!id || args.positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
const root = resolve(import.meta.dirname, "../../..");
try {
  const files = generatePlugin(root, id);
  console.log(`created plugins/${id}:`);
  for (const f of files) console.log(`  ${f}`);
  if (args.values.register) {
    console.log("registered it:");
    for (const f of registerPlugin(root, id)) console.log(`  ${f}`);
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
execSync(`pnpm exec biome check --write plugins/${id} packages/institution`, {
  cwd: root,
  stdio: "ignore",
});
// a new package changes the lockfile: never frozen, even where CI=true makes that the default
execSync("pnpm install --prefer-offline --no-frozen-lockfile", { cwd: root, stdio: "inherit" });
const { camel } = namesOf(id);
console.log(
  args.values.register
    ? `
Next:
  pnpm --filter @envol/plugin-${id} test      # one check red: write the figure's real source
                                              # (not TODO) and the scheme's French name
  pnpm test                                   # then every package's tests pass with it
The guide: docs/plugins.md`
    : `
Next:
  pnpm --filter @envol/plugin-${id} test      # one check red: write the figure's real source
                                              # (not TODO) and the scheme's French name
  then register it (or run this command with --register): add "@envol/plugin-${id}": "workspace:*"
  to packages/institution/package.json, run pnpm install, and add this line to the plugins of
  packages/institution/src/institution.ts:
    use(${camel}),
  with: import { ${camel} } from "@envol/plugin-${id}";
The guide: docs/plugins.md`,
);
