import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "./config.ts";

const README = fileURLToPath(new URL("../../../README.md", import.meta.url));

/** The variables named in the first column of the README's configuration table. */
const documented = (readme: string): string[] => {
  const section = readme.split(/^## /m).find((s) => s.startsWith("Configuration"));
  if (!section) throw new Error("README.md has no ## Configuration section");
  return [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map(([, name]) => name ?? "");
};

describe("the README's configuration table", () => {
  it("has a row for every variable the server reads (config.ts), and one only", () => {
    const rows = documented(readFileSync(README, "utf8"));
    const read = Object.keys(ConfigSchema.shape);
    expect(read.length).toBeGreaterThan(10);
    expect(read.filter((name) => !rows.includes(name))).toEqual([]);
    expect(rows.filter((name, i) => rows.indexOf(name) !== i)).toEqual([]);
  });
});
