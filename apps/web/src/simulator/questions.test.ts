import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { describe, expect, it } from "vitest";
import { en } from "../i18n/en.ts";
import { fr } from "../i18n/fr.ts";
import { QUESTIONS, questionFor } from "./questions.ts";
import { emptyForm } from "./situation-form.ts";

/**
 * The request paths the engine can report as missing: those of every fact the registered
 * schemes read, the domain's and the plugins' own (switched-off schemes included).
 */
const reportablePaths = [
  ...new Set(
    loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: true }).facts.flatMap((fact) => fact.paths),
  ),
];

describe("the simulator's questions", () => {
  it("answer every field a scheme can report as missing", () => {
    expect(reportablePaths.length).toBeGreaterThan(15);
    for (const path of reportablePaths) {
      const question = questionFor(path, path.startsWith("mobility.host.l") ? "typed" : "partner");
      expect(question, path).toBeDefined();
    }
  });

  it("send a missing destination to the field the student uses", () => {
    expect(questionFor("mobility.host", "")?.name).toBe("mobility.destination");
    expect(questionFor("mobility.host", "partner")?.name).toBe("mobility.host.partner");
    expect(questionFor("mobility.host", "typed")?.name).toBe("mobility.host.country");
  });

  it("are fields of the form, each with a label and an explanation in both languages", () => {
    const form = emptyForm() as unknown as Record<string, unknown>;
    for (const question of QUESTIONS) {
      const value = question.name
        .split(".")
        .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], form);
      expect(value, question.name).not.toBeUndefined();
      for (const texts of [fr, en]) {
        expect(texts.fields[question.key].label).not.toBe("");
        expect(texts.fields[question.key].description).not.toBe("");
      }
    }
  });
});
