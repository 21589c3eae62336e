import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { namesOf } from "./templates.ts";

const INSTITUTION = "packages/institution";

/**
 * Registers `plugins/<id>` in the institution configuration, as the guide's last step says: the
 * package as a dependency of `@envol/institution`, its import, and `use(<name>)` at the end of
 * the plugins list, with its default options. Returns the files changed (relative paths).
 *
 * @throws Error when the scheme is already registered or the configuration file has no plugins list
 */
export const registerPlugin = (root: string, id: string): string[] => {
  const { camel } = namesOf(id);
  const packageName = `@envol/plugin-${id}`;

  const pkgPath = join(root, INSTITUTION, "package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as {
    dependencies?: Record<string, string>;
  };
  const dependencies = pkg.dependencies ?? {};
  if (dependencies[packageName]) throw new Error(`${packageName} is already registered`);
  pkg.dependencies = Object.fromEntries(
    Object.entries({ ...dependencies, [packageName]: "workspace:*" }).sort(([a], [b]) =>
      a.localeCompare(b),
    ),
  );

  const configPath = join(root, INSTITUTION, "src/institution.ts");
  const lines = readFileSync(configPath, "utf8").split("\n");
  const lastPluginImport = lines.findLastIndex((l) => /^import .* from "@envol\/plugin-/.test(l));
  const listStart = lines.findIndex((l) => /^\s*plugins: \[\s*$/.test(l));
  const listEnd = lines.findIndex((l, i) => i > listStart && /^\s*\],?\s*$/.test(l));
  if (lastPluginImport < 0 || listStart < 0 || listEnd < 0) {
    throw new Error(`${INSTITUTION}/src/institution.ts has no "plugins: [ … ]" list to add to`);
  }
  const indent = /^\s*/.exec(lines[listStart + 1] ?? "")?.[0] ?? "    ";
  lines.splice(listEnd, 0, `${indent}use(${camel}),`);
  lines.splice(lastPluginImport + 1, 0, `import { ${camel} } from "${packageName}";`);

  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(configPath, lines.join("\n"));
  return [`${INSTITUTION}/package.json`, `${INSTITUTION}/src/institution.ts`];
};
