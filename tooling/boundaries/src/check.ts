import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { APP_PACKAGES, type AreaRule, RULES, TEST_FILE } from "./rules.ts";

export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly why: string;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|jsx)$/;
const SKIP_DIRS = new Set(["node_modules", "dist", ".turbo", "coverage", "data"]);

const IMPORT =
  /(?:^|[^.\w$])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s*)?["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\brequire\s*\(\s*["']([^"']+)["']\s*\)/g;

/** Strips comments (so examples in doc comments are not imports), keeping strings intact enough. */
const stripComments = (source: string): string =>
  source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

export const importsOf = (source: string): string[] => importsWithKind(source).map((i) => i.spec);

/** Imports with whether they are type-only (`import type … from`), which leave no runtime edge. */
export const importsWithKind = (source: string): { spec: string; typeOnly: boolean }[] => {
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of stripComments(source).matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec) out.push({ spec, typeOnly: /^\W?(import|export)\s+type\s/.test(m[0]) });
  }
  return out;
};

/** The package name of a bare specifier: `@envol/domain/testing` → `@envol/domain`. */
export const packageName = (spec: string): string => {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
};

const isBuiltin = (spec: string): boolean =>
  spec.startsWith("node:") || builtinModules.includes(packageName(spec));

const allowed = (spec: string, list: readonly string[]): boolean =>
  list.some((a) =>
    a === "node:*"
      ? isBuiltin(spec)
      : a.endsWith("*")
        ? packageName(spec).startsWith(a.slice(0, -1))
        : packageName(spec) === a,
  );

const walk = (dir: string, out: string[] = []): string[] => {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name) || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (SOURCE.test(name)) out.push(path);
  }
  return out;
};

/** The workspace's package folders, from pnpm-workspace.yaml's one-level globs (`plugins/*`). */
export const workspaceFolders = (root: string): string[] => {
  const yaml = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const block = yaml.split(/^packages:\s*$/m)[1]?.split(/^\S/m)[0] ?? "";
  const globs = [...block.matchAll(/^\s*-\s*["']?([^"'\s]+)["']?/gm)].map((m) => m[1] as string);
  const folders: string[] = [];
  for (const glob of globs) {
    const base = glob.replace(/\/\*$/, "");
    const abs = join(root, base);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs)) {
      if (existsSync(join(abs, name, "package.json"))) folders.push(`${base}/${name}`);
    }
  }
  return folders.sort();
};

const checkPackageJson = (
  root: string,
  folder: string,
  rule: AreaRule | undefined,
): Violation[] => {
  const file = `${folder}/package.json`;
  const pkg = JSON.parse(readFileSync(join(root, file), "utf8")) as Record<
    string,
    Record<string, string> | undefined
  >;
  const violations: Violation[] = [];
  for (const field of [
    "dependencies",
    "devDependencies",
    "peerDependencies",
    "optionalDependencies",
  ] as const) {
    for (const dep of Object.keys(pkg[field] ?? {})) {
      const allowedApp =
        rule?.typesFromApps?.includes(dep) ||
        (field === "devDependencies" && rule?.runsApps?.includes(dep));
      if (!folder.startsWith("apps/") && APP_PACKAGES.test(dep) && !allowedApp) {
        violations.push({
          file,
          specifier: dep,
          why: `${field}: nothing outside apps/ depends on an app`,
        });
      }
      if (field === "dependencies" && rule && rule.allow !== "any" && !allowed(dep, rule.allow)) {
        violations.push({ file, specifier: dep, why: `dependencies: ${rule.description}` });
      }
    }
  }
  return violations;
};

/** Every broken rule in the workspace at `root`. */
export const checkWorkspace = (root: string): Violation[] => {
  const absRoot = resolve(root);
  const violations: Violation[] = [];
  for (const folder of workspaceFolders(absRoot)) {
    const rule = RULES.find((r) => r.folder.test(folder));
    violations.push(...checkPackageJson(absRoot, folder, rule));
    const pkgDir = join(absRoot, folder);
    for (const path of walk(pkgDir)) {
      const file = relative(absRoot, path).split(sep).join("/");
      const inPackage = relative(pkgDir, path).split(sep).join("/");
      const isTest = TEST_FILE.test(inPackage);
      for (const { spec, typeOnly } of importsWithKind(readFileSync(path, "utf8"))) {
        if (spec.startsWith(".")) {
          const target = relative(pkgDir, resolve(dirname(path), spec));
          if (target.startsWith("..")) {
            violations.push({
              file,
              specifier: spec,
              why: "reaches outside its package: import the other package by name",
            });
          }
          continue;
        }
        if (!folder.startsWith("apps/") && APP_PACKAGES.test(spec)) {
          // the typed client takes the API's route types, and nothing else, from the app
          if (!(typeOnly && rule?.typesFromApps?.includes(packageName(spec)))) {
            violations.push({ file, specifier: spec, why: "nothing outside apps/ imports an app" });
          }
          continue;
        }
        if (!rule || rule.allow === "any") continue;
        const list = isTest ? [...rule.allow, ...rule.testAllow] : rule.allow;
        if (!allowed(spec, list)) violations.push({ file, specifier: spec, why: rule.description });
      }
    }
  }
  return violations;
};
