import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkWorkspace, importsOf, packageName } from "./check.ts";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** An import line; built so that this file's own text holds no import of these names. */
const imp = (what: string, spec: string): string =>
  `import { ${what} } from ${JSON.stringify(spec)};\n`;

/** A throwaway workspace with the given files (path → content). */
const workspace = (files: Record<string, string>): string => {
  root = mkdtempSync(join(tmpdir(), "boundaries-"));
  const all: Record<string, string> = {
    "pnpm-workspace.yaml":
      "packages:\n  - apps/*\n  - packages/*\n  - plugins/*\n\ncatalog:\n  zod: 4.6.7\n",
    "packages/domain/package.json": JSON.stringify({
      name: "@envol/domain",
      dependencies: { zod: "1" },
    }),
    "packages/domain/src/index.ts": 'import { z } from "zod";\nexport const x = z;\n',
    "plugins/erasmus/package.json": JSON.stringify({
      name: "@envol/plugin-erasmus",
      dependencies: { "@envol/domain": "workspace:*" },
    }),
    "plugins/erasmus/src/index.ts":
      'import { evaluate } from "@envol/domain";\nexport { evaluate };\n',
    "plugins/mic/package.json": JSON.stringify({
      name: "@envol/plugin-mic",
      dependencies: { "@envol/domain": "workspace:*" },
    }),
    "plugins/mic/src/index.ts": "export const mic = 1;\n",
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
};

describe("importsOf", () => {
  it("finds static, type-only, re-export, dynamic and require imports, but not those in comments", () => {
    const src = [
      'import { a } from "a";',
      'import type { B } from "b";',
      'export * from "./c.ts";',
      "import {\n  d,\n  e,\n} from 'd';",
      'const f = await import("f");',
      'const g = require("g");',
      'import "side-effect";',
      '/** @example import x from "not-me" */',
      '// import y from "nor-me"',
      'const url = "https://example.org"; // a comment',
    ].join("\n");
    expect([...importsOf(src)].sort()).toEqual(["./c.ts", "a", "b", "d", "f", "g", "side-effect"]);
  });

  it("names the package of a subpath import", () => {
    expect(packageName("@envol/domain/testing")).toBe("@envol/domain");
    expect(packageName("effect/Data")).toBe("effect");
  });
});

describe("checkWorkspace", () => {
  it("passes a workspace that keeps the rules", () => {
    expect(checkWorkspace(workspace({}))).toEqual([]);
  });

  it("fails a plugin that imports another plugin", () => {
    const violations = checkWorkspace(
      workspace({
        "plugins/erasmus/src/rules.ts": `${imp("mic", "@envol/plugin-mic")}export const r = mic;\n`,
      }),
    );
    expect(violations).toEqual([
      expect.objectContaining({
        file: "plugins/erasmus/src/rules.ts",
        specifier: "@envol/plugin-mic",
      }),
    ]);
  });

  it("fails a plugin that reaches into another folder with a relative path", () => {
    const violations = checkWorkspace(
      workspace({
        "plugins/erasmus/src/rules.ts": `${imp("mic", "../../mic/src/index.ts")}export const r = mic;\n`,
      }),
    );
    expect(violations.map((v) => v.specifier)).toEqual(["../../mic/src/index.ts"]);
  });

  it("fails a plugin that declares a forbidden dependency", () => {
    const violations = checkWorkspace(
      workspace({
        "plugins/mic/package.json": JSON.stringify({
          name: "@envol/plugin-mic",
          dependencies: { "@envol/domain": "1", hono: "4" },
        }),
      }),
    );
    expect(violations).toEqual([
      expect.objectContaining({ file: "plugins/mic/package.json", specifier: "hono" }),
    ]);
  });

  it("fails the domain when it imports anything but zod and effect, yet lets its tests use vitest", () => {
    const violations = checkWorkspace(
      workspace({
        "packages/domain/src/clock.ts":
          'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n',
        "packages/domain/src/clock.test.ts":
          'import { it } from "vitest";\nimport { readFileSync } from "node:fs";\nit("x", () => readFileSync);\n',
      }),
    );
    expect(violations.map((v) => `${v.file} ${v.specifier}`)).toEqual([
      "packages/domain/src/clock.ts node:fs",
    ]);
  });

  it("lets erasmus and mic import what they share, and fails any other plugin that does", () => {
    const common = (name: string) =>
      `${imp("callYear", "@envol/erasmus-common")}export const ${name} = callYear;\n`;
    const violations = checkWorkspace(
      workspace({
        "packages/erasmus-common/package.json": JSON.stringify({
          name: "@envol/erasmus-common",
          dependencies: { "@envol/domain": "workspace:*" },
        }),
        "packages/erasmus-common/src/index.ts": "export const callYear = 2024;\n",
        "plugins/erasmus/src/rules.ts": common("erasmus"),
        "plugins/mic/src/rules.ts": common("mic"),
        "plugins/fitec/package.json": JSON.stringify({
          name: "@envol/plugin-fitec",
          dependencies: { "@envol/domain": "workspace:*", "@envol/erasmus-common": "workspace:*" },
        }),
        "plugins/fitec/src/rules.ts": common("fitec"),
      }),
    );
    expect(violations.map((v) => `${v.file} ${v.specifier}`)).toEqual([
      "plugins/fitec/package.json @envol/erasmus-common",
      "plugins/fitec/src/rules.ts @envol/erasmus-common",
    ]);
  });

  it("fails the shared Erasmus+ package when it imports a plugin", () => {
    const violations = checkWorkspace(
      workspace({
        "packages/erasmus-common/package.json": JSON.stringify({
          name: "@envol/erasmus-common",
          dependencies: { "@envol/domain": "workspace:*" },
        }),
        "packages/erasmus-common/src/index.ts": `${imp("mic", "@envol/plugin-mic")}export { mic };\n`,
      }),
    );
    expect(violations.map((v) => `${v.file} ${v.specifier}`)).toEqual([
      "packages/erasmus-common/src/index.ts @envol/plugin-mic",
    ]);
  });

  it("fails any package outside apps/ that imports an app", () => {
    const violations = checkWorkspace(
      workspace({
        "packages/db/package.json": JSON.stringify({ name: "@envol/db" }),
        "packages/db/src/index.ts": `${imp("app", "@envol/api")}export { app };\n`,
      }),
    );
    expect(violations.map((v) => v.specifier)).toEqual(["@envol/api"]);
  });
});

describe("type-only imports from an app", () => {
  it("lets the typed client take the API's types, but not its code", () => {
    const violations = checkWorkspace(
      workspace({
        "packages/api-client/package.json": JSON.stringify({
          name: "@envol/api-client",
          dependencies: { hono: "4" },
          devDependencies: { "@envol/api": "workspace:*" },
        }),
        "packages/api-client/src/index.ts": `import type { AppType } ${["from", JSON.stringify("@envol/api")].join(" ")};\nexport type T = AppType;\n`,
        "packages/api-client/src/leak.ts": `${imp("createApp", "@envol/api")}export const x = createApp;\n`,
      }),
    );
    expect(violations.map((v) => `${v.file} ${v.specifier}`)).toEqual([
      "packages/api-client/src/leak.ts @envol/api",
    ]);
  });
});
