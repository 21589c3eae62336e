import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generatePlugin, invalidId } from "./generate.ts";
import { namesOf } from "./templates.ts";

const here = resolve(import.meta.dirname, "..");
// a throwaway workspace root beside the generator, with the repository's shared tsconfig
const tmp = mkdtempSync(join(here, ".tmp-"));
copyFileSync(join(here, "../../tsconfig.base.json"), join(tmp, "tsconfig.base.json"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("plugin generator", () => {
  it("names the plugin from its kebab-case id", () => {
    expect(namesOf("demo-scheme")).toEqual({
      id: "demo-scheme",
      camel: "demoScheme",
      title: "Demo scheme",
    });
  });

  it("refuses an id that is not kebab-case, saying why", () => {
    expect(invalidId("Demo_Scheme")).toMatch(/kebab-case/);
    expect(invalidId("demo-scheme")).toBeUndefined();
    expect(() => generatePlugin(tmp, "2fast")).toThrow(/not a plugin id/);
  });

  it("scaffolds a plugin that typechecks and passes its conformance tests but for what its author must fill", () => {
    const files = generatePlugin(tmp, "demo-scheme");
    expect(files).toContain("plugins/demo-scheme/src/demo-scheme.ts");
    expect(files).toContain("plugins/demo-scheme/src/demo-scheme-examples.ts");
    expect(() => generatePlugin(tmp, "demo-scheme")).toThrow(/already exists/);
    const dir = join(tmp, "plugins", "demo-scheme");
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(pkg.name).toBe("@envol/plugin-demo-scheme");
    expect(Object.keys(pkg.dependencies)).toEqual(["@envol/domain", "zod"]);
    // the generator's own node_modules hold what a plugin needs (@envol/domain, zod, vitest)
    symlinkSync(join(here, "node_modules"), join(dir, "node_modules"));
    const bin = (name: string) => join(here, "node_modules", ".bin", name);
    const run = spawnSync(bin("vitest"), ["run", "--reporter=verbose"], {
      cwd: dir,
      encoding: "utf8",
    });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal colours
    const out = `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, "");
    expect(out).toMatch(/case: a stay in Germany is eligible for the lump sum/);
    // red until the author gives the figure its source and the scheme its name in each language
    expect(run.status).not.toBe(0);
    expect(out).toMatch(/Tests\s+1 failed \| 13 passed/);
    expect(out).toMatch(/figure lumpSum \(since 2026-09-01\): its source is still "TODO/);
    expect(out).toMatch(/name: "Demo scheme" is the same in French and English/);
    execFileSync(bin("tsc"), ["-p", "tsconfig.json"], { cwd: dir, encoding: "utf8" });
  }, 60_000);
});
