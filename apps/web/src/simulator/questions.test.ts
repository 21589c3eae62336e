import { PERSONNEL_FACTS } from "@envol/domain";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { describe, expect, it } from "vitest";
import { en } from "../i18n/en.ts";
import { fr } from "../i18n/fr.ts";
import { personnelEn } from "./personnel/personnel.en.ts";
import { personnelFr } from "./personnel/personnel.fr.ts";
import { QUESTIONS, type Question, questionFor } from "./questions.ts";
import { emptyForm } from "./situation-form.ts";

/**
 * The request paths the engine can report as missing: those of every fact the registered
 * schemes read, the domain's and the plugins' own (switched-off schemes included), and those of
 * the personnel's facts (ADR 016), which only the personnel's schemes declare: they are checked
 * here before such a scheme is registered, and with it once it is.
 */
const registry = loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: true });
const personnelPaths = new Set(PERSONNEL_FACTS.flatMap((fact) => fact.paths));
const reportablePaths = [
  ...new Set([...registry.facts.flatMap((fact) => fact.paths), ...personnelPaths]),
];

/** A question's texts, in its namespace. */
const textsOf = (question: Question, lang: "fr" | "en") =>
  question.ns === "personnel"
    ? (lang === "fr" ? personnelFr : personnelEn).fields[question.key]
    : (lang === "fr" ? fr : en).fields[question.key];

describe("the simulator's questions", () => {
  it("answer every field a scheme can report as missing", () => {
    expect(reportablePaths.length).toBeGreaterThan(15);
    for (const path of reportablePaths) {
      const question = questionFor(path, path.startsWith("mobility.host.l") ? "typed" : "partner");
      expect(question, path).toBeDefined();
    }
  });

  it("ask a member of the personnel their own questions, in the personnel's texts", () => {
    expect(personnelPaths).toEqual(
      new Set([
        "personnel.role",
        "personnel.activity",
        "mobility.start",
        "mobility.end",
        "personnel.teachingHours",
      ]),
    );
    for (const path of personnelPaths) {
      if (!path.startsWith("personnel.")) continue;
      expect(questionFor(path, "partner"), path).toMatchObject({ name: path, ns: "personnel" });
    }
    // the activity is part of the stay (step 1), the position and the hours of the situation
    expect(questionFor("personnel.activity", "partner")?.step).toBe(1);
    expect(questionFor("personnel.role", "partner")?.step).toBe(2);
    expect(questionFor("personnel.teachingHours", "partner")?.step).toBe(2);
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
      for (const lang of ["fr", "en"] as const) {
        expect(textsOf(question, lang).label, question.name).not.toBe("");
        expect(textsOf(question, lang).description, question.name).not.toBe("");
      }
    }
  });
});
