import { describe, expect, it } from "vitest";
import { authEn } from "../auth/auth.en.ts";
import { authFr } from "../auth/auth.fr.ts";
import { rulesEn } from "../rules/rules.en.ts";
import { rulesFr } from "../rules/rules.fr.ts";
import { personnelEn } from "../simulator/personnel/personnel.en.ts";
import { personnelFr } from "../simulator/personnel/personnel.fr.ts";
import { staffEn } from "../staff/texts/staff.en.ts";
import { staffFr } from "../staff/texts/staff.fr.ts";
import { studentEn } from "../student/student.en.ts";
import { studentFr } from "../student/student.fr.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";

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

// every namespace of the app, the shell's and each area's, in both languages
describe.each([
  ["app (shell and simulator)", fr, en],
  ["auth", authFr, authEn],
  ["student", studentFr, studentEn],
  ["staff", staffFr, staffEn],
  ["rules", rulesFr, rulesEn],
  ["personnel (the simulator's questions for staff)", personnelFr, personnelEn],
] as const)("the %s texts", (_, frTexts, enTexts) => {
  const french = leaves(frTexts as Tree);
  const english = leaves(enTexts as Tree);

  it("exist in French and English, with the same keys", () => {
    expect([...english.keys()].sort()).toEqual([...french.keys()].sort());
  });

  it("are never empty", () => {
    for (const [key, value] of [...french, ...english]) expect(value.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, value] of french) {
      expect(placeholders(english.get(key) ?? ""), key).toEqual(placeholders(value));
    }
  });

  it("follow French typography: a no-break space before a colon, a semicolon or a question mark", () => {
    for (const [key, value] of french) expect(value, key).not.toMatch(/ [:;?!]/);
  });
});
