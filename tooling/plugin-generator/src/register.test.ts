import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { registerPlugin } from "./register.ts";

const repository = resolve(import.meta.dirname, "../../..");
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A throwaway root holding a copy of the institution's package.json and configuration. */
const copyOfInstitution = () => {
  const root = mkdtempSync(join(tmpdir(), "envol-register-"));
  roots.push(root);
  for (const f of ["package.json", "src/institution.ts"]) {
    cpSync(join(repository, "packages/institution", f), join(root, "packages/institution", f));
  }
  return root;
};

describe("registering a new plugin", () => {
  it("adds the package, its import and use() at the end of the plugins list", () => {
    const root = copyOfInstitution();
    const before = readFileSync(join(root, "packages/institution/src/institution.ts"), "utf8");
    expect(registerPlugin(root, "demo-scheme")).toEqual([
      "packages/institution/package.json",
      "packages/institution/src/institution.ts",
    ]);
    const pkg = JSON.parse(readFileSync(join(root, "packages/institution/package.json"), "utf8"));
    expect(pkg.dependencies["@envol/plugin-demo-scheme"]).toBe("workspace:*");
    const after = readFileSync(join(root, "packages/institution/src/institution.ts"), "utf8");
    expect(after).toContain('import { demoScheme } from "@envol/plugin-demo-scheme";\n');
    // the last entry of the list, after every scheme already there
    expect(after).toMatch(/ {4}use\(demoScheme\),\n {2}\],/);
    expect(after.split("\n").length).toBe(before.split("\n").length + 2);
  });

  it("refuses to register a scheme twice", () => {
    const root = copyOfInstitution();
    registerPlugin(root, "demo-scheme");
    expect(() => registerPlugin(root, "demo-scheme")).toThrow(/already registered/);
  });
});
