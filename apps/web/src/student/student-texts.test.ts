import { describe, expect, it } from "vitest";
import { authEn } from "../auth/auth.en.ts";
import { authFr } from "../auth/auth.fr.ts";
import { studentEn } from "./student.en.ts";
import { studentFr } from "./student.fr.ts";

type Tree = { readonly [key: string]: string | Tree };

const leaves = (tree: Tree, prefix = ""): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
};

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? "").sort();

describe.each([
  ["student", studentFr, studentEn],
  ["auth", authFr, authEn],
])("the %s texts", (_, fr, en) => {
  const french = leaves(fr);
  const english = leaves(en);

  it("exist in French and English, with the same keys", () => {
    expect([...english.keys()].sort()).toEqual([...french.keys()].sort());
  });

  it("are never empty", () => {
    for (const [key, value] of [...french, ...english]) expect(value.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, value] of french)
      expect(placeholders(english.get(key) ?? ""), key).toEqual(placeholders(value));
  });

  it("follow French typography: a no-break space before a colon, a semicolon or a question mark", () => {
    for (const [key, value] of french) expect(value, key).not.toMatch(/ [:;?!]/);
  });
});
