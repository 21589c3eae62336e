import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as t from "./templates.ts";

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Why `id` cannot be a plugin id, or undefined when it can. */
export const invalidId = (id: string): string | undefined =>
  ID.test(id)
    ? undefined
    : `"${id}" is not a plugin id: use kebab-case letters and digits, starting with a letter (e.g. "demo-scheme")`;

/** Writes `plugins/<id>/` under `root` and returns the files written (relative paths). */
export const generatePlugin = (root: string, id: string): string[] => {
  const problem = invalidId(id);
  if (problem) throw new Error(problem);
  const dir = join(root, "plugins", id);
  if (existsSync(dir)) throw new Error(`plugins/${id} already exists`);
  const names = t.namesOf(id);
  const files: Record<string, string> = {
    "package.json": t.packageJson(names),
    "tsconfig.json": t.tsconfig(),
    "vitest.config.ts": t.vitestConfig(),
    "README.md": t.readme(names),
    "cases.json": t.cases(),
    "src/index.ts": t.index(names),
    [`src/${id}.ts`]: t.plugin(names),
    [`src/${id}-examples.ts`]: t.examples(names),
    [`src/${id}.test.ts`]: t.test(names),
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return Object.keys(files).map((f) => `plugins/${id}/${f}`);
};
