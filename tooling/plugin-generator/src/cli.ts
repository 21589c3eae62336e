/** `pnpm new-plugin <id>`: scaffolds plugins/<id>, links it into the workspace and says what comes next. */
import { execSync } from "node:child_process";
import { resolve } from "node:path";
import { generatePlugin } from "./generate.ts";
import { namesOf } from "./templates.ts";

const id = process.argv[2];
if (!id) {
  console.error("usage: pnpm new-plugin <id>   (kebab-case, e.g. demo-scheme)");
  process.exit(2);
}
const root = resolve(import.meta.dirname, "../../..");
try {
  const files = generatePlugin(root, id);
  console.log(`created plugins/${id}:`);
  for (const f of files) console.log(`  ${f}`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
execSync(`pnpm exec biome check --write plugins/${id}`, { cwd: root, stdio: "ignore" });
execSync("pnpm install --prefer-offline", { cwd: root, stdio: "inherit" });
const { camel } = namesOf(id);
console.log(`
Next:
  pnpm --filter @envol/plugin-${id} test      # the starter case table passes
  then register it: add "@envol/plugin-${id}": "workspace:*" to packages/institution/package.json,
  run pnpm install, and add this line to the plugins of packages/institution/src/institution.ts:
    use(${camel}),
  with: import { ${camel} } from "@envol/plugin-${id}";
The guide: docs/plugins.md`);
