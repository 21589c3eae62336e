import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isIsoDate } from "../calendar-date.ts";
import { factsRead } from "../conditions/condition.ts";
import { describeCondition } from "../conditions/describe.ts";
import { evaluate } from "../engine.ts";
import { isStandardFact } from "../facts.ts";
import { CONFIDENCE_ORDER } from "../figures.ts";
import { KEBAB_CASE } from "../ids.ts";
import type { Institution, Partner } from "../institution.ts";
import type { ConfiguredPlugin, FundingPlugin, Parameters } from "../plugin.ts";
import { createRegistry } from "../registry.ts";
import type { SchemeResult, Verdict } from "../simulation-report.ts";
import { participantOf, SituationSchema } from "../situation.ts";
import { LANGS, type Text } from "../text.ts";

/**
 * One row of a plugin's case table (OpenFisca-style): a situation and what the scheme must say.
 * Tables are JSON data files next to the plugin.
 */
export interface ConformanceCase {
  readonly name: string;
  /** The simulation request, exactly as a client would send it. */
  readonly situation: unknown;
  /** Options for this case only, merged over the setup's options. */
  readonly options?: Readonly<Record<string, unknown>>;
  readonly asOf?: string;
  /** Changes to the home institution for this case only (a criterion on its own facts). */
  readonly institution?: Partial<Institution>;
  readonly expect: {
    readonly verdict: Verdict;
    /** The ids of the unmet criteria, exactly (defaults to none). */
    readonly unmet?: readonly string[];
    /** The ids of the unknown criteria, exactly, when given. */
    readonly unknown?: readonly string[];
    /** The standalone estimate in cents (null when there is none), when given. */
    readonly amountCents?: number | null;
  };
}

export interface ConformanceSetup {
  readonly institution: Institution;
  readonly partners: readonly Partner[];
  /** Options for every case (a case's own options are merged over them). */
  readonly options?: Readonly<Record<string, unknown>>;
  readonly asOf?: string;
  /**
   * Criteria the table need not show unmet or unknown, with why: a criterion on the
   * institution's own facts (the ECHE) can never be unknown.
   */
  readonly exempt?: { readonly unmet?: readonly string[]; readonly unknown?: readonly string[] };
  /** Texts the same in French and English because they are proper names ("Erasmus+ Europe"). */
  readonly properNames?: readonly string[];
}

const textsOf = (t: Text): string[] => LANGS.map((l) => t[l]);

/** What a rule template reads like, where a student should read a sentence. */
const RULE_TEMPLATE = /[≤≥]|\s:\s(oui|non)\b|:\s(yes|no)\b|^(Rempli|Met) si\b|^Met if\b/;

/** A source the generator left for the author to fill. */
const TODO = /\bTODO\b/;

/** A text the same in both languages that is not a proper name: one left untranslated. */
const untranslated = (where: string, t: Text, properNames: readonly string[]): string[] =>
  t.fr === t.en && t.fr.trim() !== "" && !properNames.includes(t.fr)
    ? [`${where}: ${JSON.stringify(t.fr)} is the same in French and English`]
    : [];

/**
 * What the author of a configured plugin has still to do: a figure whose source is the
 * generator's TODO, a text (name, funder, summary, figure label, criterion title) the same in
 * French and English that is not one of `properNames`. Empty when there is nothing.
 *
 * @example
 * authoringProblems(erasmus.configure(), ["Erasmus+ Europe"]) // []
 */
export const authoringProblems = (
  configured: ConfiguredPlugin,
  properNames: readonly string[] = [],
): string[] => {
  const problems = [
    ...untranslated("name", configured.name, properNames),
    ...untranslated("funder", configured.funder, properNames),
    ...untranslated("summary", configured.summary, properNames),
  ];
  for (const period of configured.periods) {
    for (const [name, f] of Object.entries(period.parameters)) {
      const where = `figure ${name} (since ${period.since})`;
      if (TODO.test(f.source))
        problems.push(`${where}: its source is still ${JSON.stringify(f.source)}`);
      problems.push(...untranslated(where, f.label, properNames));
    }
    for (const c of period.criteria)
      if (c.title) problems.push(...untranslated(`criterion ${c.id}`, c.title, properNames));
  }
  return [...new Set(problems)];
};

/** The texts of a scheme's result the same in both languages: documents, estimate lines, notes. */
const untranslatedResult = (
  fr: SchemeResult,
  en: SchemeResult,
  properNames: readonly string[],
): string[] => {
  const pairs: [string, string | undefined, string | undefined][] = [
    ...fr.documents.map((d, i): [string, string, string | undefined] => [
      `document ${d.id}`,
      d.label,
      en.documents[i]?.label,
    ]),
    ...(fr.estimate?.lines ?? []).flatMap((l, i): [string, string, string | undefined][] => [
      [`line ${l.id}`, l.label, en.estimate?.lines[i]?.label],
      [`basis of ${l.id}`, l.basis, en.estimate?.lines[i]?.basis],
    ]),
    ...(fr.estimate?.notes ?? []).map((n, i): [string, string, string | undefined] => [
      `note ${i + 1}`,
      n,
      en.estimate?.notes[i],
    ]),
  ];
  return pairs.flatMap(([where, f, e]) =>
    e === undefined ? [] : untranslated(where, { fr: f ?? "", en: e }, properNames),
  );
};

const evaluateCase = (
  configured: ConfiguredPlugin,
  c: ConformanceCase,
  setup: ConformanceSetup,
  lang: "fr" | "en",
) => {
  const registry = createRegistry({
    institution: { ...setup.institution, ...c.institution },
    plugins: [configured],
    partners: setup.partners,
  });
  const situation = SituationSchema.parse(c.situation);
  const report = evaluate(situation, registry, {
    asOf: c.asOf ?? setup.asOf ?? "2026-11-26",
    lang,
  });
  return report.schemes[0] as SchemeResult;
};

/**
 * The highest upper bound a numeric option may have: 100 million euros in cents. A figure
 * multiplied by days or months then stays far inside the exact range of an amount.
 */
const OPTION_CEILING = 10_000_000_000;

/**
 * The paths of the numeric options, at any depth of the options' JSON Schema, with no upper
 * bound up to `OPTION_CEILING` (zod's `int()` alone bounds at the largest safe integer).
 */
const unboundedNumbers = (node: unknown, path: string): string[] => {
  if (typeof node !== "object" || node === null) return [];
  const n = node as Record<string, unknown>;
  const here =
    (n.type === "integer" || n.type === "number") &&
    !(typeof n.maximum === "number" && n.maximum <= OPTION_CEILING) &&
    !(typeof n.exclusiveMaximum === "number" && n.exclusiveMaximum <= OPTION_CEILING)
      ? [path || "(options)"]
      : [];
  const properties = Object.entries((n.properties ?? {}) as Record<string, unknown>).flatMap(
    ([key, child]) => unboundedNumbers(child, path ? `${path}.${key}` : key),
  );
  const items = unboundedNumbers(n.items, `${path}.*`);
  const alternatives = [n.anyOf, n.oneOf, n.allOf]
    .filter(Array.isArray)
    .flatMap((list) => list.flatMap((child) => unboundedNumbers(child, path)));
  return [...here, ...properties, ...items, ...alternatives];
};

/**
 * Registers the conformance suite of a plugin with vitest: options parse with their defaults,
 * every numeric option has an upper bound (`OPTION_CEILING` at most), ids are unique and kebab-case, every text exists in French and English, every figure is
 * dated and sourced, every fact of its own that a criterion reads is declared in its `facts`,
 * its worked examples are situations the engine evaluates, each case of the table gives its expected verdict, unmet and unknown
 * criteria and amount, in both languages, and the table shows every criterion unmet and
 * unknown at least once (`period`, on the start date every situation gives, unmet only).
 *
 * @example
 * // plugins/erasmus/src/erasmus.test.ts
 * import cases from "../cases.json" with { type: "json" };
 * runPluginConformance(erasmus, cases, { institution: TELECOM_PARIS, partners: PARTNERS });
 */
export const runPluginConformance = <S extends z.ZodType, P extends Parameters>(
  plugin: FundingPlugin<S, P>,
  cases: readonly ConformanceCase[],
  setup: ConformanceSetup,
): void => {
  const configure = (extra?: Readonly<Record<string, unknown>>) =>
    plugin.configure({ ...setup.options, ...extra } as z.input<S>);

  describe(`plugin "${plugin.id}" conformance`, () => {
    it("parses its options with every default", () => {
      const parsed = plugin.options.safeParse({});
      expect(parsed.success, parsed.success ? "" : parsed.error.message).toBe(true);
      expect(() => configure()).not.toThrow();
    });

    it("bounds every number among its options, so no figure overflows an amount", () => {
      const schema = z.toJSONSchema(plugin.options, { io: "input", unrepresentable: "any" });
      expect(unboundedNumbers(schema, "")).toEqual([]);
    });

    it("has a kebab-case id and unique criterion ids", () => {
      expect(plugin.id).toMatch(KEBAB_CASE);
      for (const period of configure().periods) {
        const ids = period.criteria.map((c) => c.id);
        expect(new Set(ids).size, `duplicate criterion ids: ${ids.join(", ")}`).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(KEBAB_CASE);
      }
    });

    it("has every text in French and English", () => {
      const configured = configure();
      const texts = [plugin.name, plugin.funder, plugin.summary];
      for (const period of configured.periods) {
        for (const f of Object.values(period.parameters)) texts.push(f.label);
        for (const c of period.criteria) {
          if (c.title) texts.push(c.title);
          for (const lang of LANGS)
            expect(describeCondition(c.condition, lang), `criterion ${c.id} in ${lang}`).not.toBe(
              "",
            );
        }
      }
      for (const t of texts)
        for (const s of textsOf(t)) expect(s.trim(), JSON.stringify(t)).not.toBe("");
      expect(plugin.url).toMatch(/^https?:\/\//);
    });

    it("has no source left TODO and no text the same in French and English", () => {
      const problems = authoringProblems(configure(), setup.properNames);
      expect(problems, `still to do:\n${problems.join("\n")}`).toEqual([]);
    });

    it("dates and sources every figure", () => {
      for (const period of configure().periods) {
        expect(isIsoDate(period.since), `period since ${period.since}`).toBe(true);
        for (const [name, f] of Object.entries(period.parameters)) {
          expect(isIsoDate(f.since), `${name}.since`).toBe(true);
          expect(f.source.trim(), `${name}.source`).not.toBe("");
          expect(CONFIDENCE_ORDER, `${name}.confidence`).toContain(f.confidence);
        }
      }
    });

    it("declares in its facts every fact of its own that its criteria read", () => {
      const configured = configure();
      const declared = new Set(configured.facts.map((f) => f.id));
      for (const period of configured.periods)
        for (const c of period.criteria)
          for (const fact of factsRead(c.condition))
            expect(
              isStandardFact(fact) || declared.has(fact.id),
              `criterion ${c.id} reads "${fact.id}": list it in the plugin's facts`,
            ).toBe(true);
    });

    it("gives worked examples that are valid situations the engine evaluates, titled in both languages", () => {
      const configured = configure();
      const registry = createRegistry({
        institution: setup.institution,
        plugins: [configured],
        partners: setup.partners,
      });
      for (const example of configured.examples) {
        const where = `example "${example.title.en}"`;
        expect(untranslated(where, example.title, []), where).toEqual([]);
        const parsed = SituationSchema.safeParse(example.situation);
        expect(parsed.success, `${where}: ${parsed.error?.message ?? ""}`).toBe(true);
        expect(example.situation, `${where}: read on today, without asOf`).not.toHaveProperty(
          "asOf",
        );
        // a partner the catalogue does not hold would throw (the rule page leaves it out)
        const report = evaluate(example.situation, registry, {
          asOf: setup.asOf ?? "2026-11-26",
        });
        expect(report.schemes[0]?.scheme, where).toBe(plugin.id);
      }
    });

    it("does not name itself as exclusive", () => {
      expect(configure().exclusive).not.toContain(plugin.id);
    });

    it.each(cases.map((c) => [c.name, c] as const))("case: %s", (_name, c) => {
      const configured = configure(c.options);
      const results: Partial<Record<"fr" | "en", SchemeResult>> = {};
      for (const lang of LANGS) {
        const result = evaluateCase(configured, c, setup, lang);
        const unmet = result.criteria.filter((r) => r.status === "unmet").map((r) => r.id);
        const unknown = result.criteria.filter((r) => r.status === "unknown").map((r) => r.id);
        expect({ verdict: result.verdict, unmet }, `${c.name} (${lang})`).toEqual({
          verdict: c.expect.verdict,
          unmet: [...(c.expect.unmet ?? [])],
        });
        if (c.expect.unknown)
          expect(unknown, `${c.name}: unknown criteria`).toEqual([...c.expect.unknown]);
        if (c.expect.amountCents !== undefined) {
          expect(result.estimate?.totalCents ?? null, `${c.name}: amount`).toBe(
            c.expect.amountCents,
          );
        }
        for (const r of result.criteria) {
          expect(r.reason.trim(), `${c.name}: reason of ${r.id} (${lang})`).not.toBe("");
          // prose, not rule templates: no "≥ 60 jours", no "Label : oui" (a yes/no fact says
          // what each answer means, facts.ts `says`)
          for (const text of [r.reason, r.hint ?? ""])
            expect(text, `${c.name}: words of ${r.id} (${lang})`).not.toMatch(RULE_TEMPLATE);
          // a hint says what would turn the answer: the question to answer, or the one change
          // that would meet the only failing criterion (none while another would still fail)
          const turns =
            r.status === "unknown"
              ? unmet.length === 0
              : r.status === "unmet" && unmet.length === 1;
          if (turns) expect(r.hint ?? "", `${c.name}: hint of ${r.id} (${lang})`).not.toBe("");
          else expect(r.hint, `${c.name}: hint of ${r.id} (${lang})`).toBeNull();
        }
        for (const line of result.estimate?.lines ?? []) {
          expect(line.label.trim()).not.toBe("");
          expect(line.basis.trim()).not.toBe("");
        }
        for (const d of result.documents) expect(d.label.trim()).not.toBe("");
        results[lang] = result;
      }
      const { fr, en } = results;
      if (fr && en)
        expect(untranslatedResult(fr, en, setup.properNames ?? []), `${c.name}: texts`).toEqual([]);
    });

    it("is ineligible on participant for the participant it does not fund", () => {
      for (const c of cases) {
        const configured = configure(c.options);
        const situation = SituationSchema.parse(c.situation);
        if (participantOf(situation) !== configured.participant) continue;
        const { student, personnel, ...rest } = situation;
        const other =
          configured.participant === "student"
            ? { ...rest, personnel: { role: "teaching", activity: "teaching" } }
            : rest;
        const result = evaluateCase(configured, { ...c, situation: other }, setup, "en");
        const participant = result.criteria.find((r) => r.id === "participant");
        expect(result.verdict, c.name).toBe("ineligible");
        expect(participant?.status, c.name).toBe("unmet");
        expect(participant?.reason ?? "", c.name).not.toBe("");
      }
    });

    it("has a case table showing every criterion unmet and unknown at least once", () => {
      const seen = { unmet: new Set<string>(), unknown: new Set<string>() };
      const ids = new Set<string>();
      for (const c of cases) {
        const result = evaluateCase(configure(c.options), c, setup, "en");
        for (const r of result.criteria) {
          ids.add(r.id);
          if (r.status === "unmet") seen.unmet.add(r.id);
          if (r.status === "unknown") seen.unknown.add(r.id);
        }
      }
      // `period` reads the start date every situation gives, `participant` whether it names a
      // member of the personnel: they are never unknown; `participant` unmet has its own test
      const exempt = { unmet: ["participant"], unknown: ["period", "participant"] };
      const lacking = (kind: "unmet" | "unknown") =>
        [...ids].filter(
          (id) =>
            !seen[kind].has(id) && ![...exempt[kind], ...(setup.exempt?.[kind] ?? [])].includes(id),
        );
      expect(lacking("unmet"), "criteria never unmet in the table").toEqual([]);
      expect(lacking("unknown"), "criteria never unknown in the table").toEqual([]);
    });
  });
};
