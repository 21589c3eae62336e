import { z } from "zod";
import { addDays, type IsoDate } from "./calendar-date.ts";
import { ruleSentence } from "./conditions/rule-sentence.ts";
import { evaluate } from "./engine.ts";
import { UnknownPartner } from "./errors.ts";
import { weakest } from "./figures.ts";
import type { ConfiguredPlugin, WorkedExample } from "./plugin.ts";
import type { Registry } from "./registry.ts";
import {
  describeCriterion,
  describeFigures,
  SchemeCriterionSchema,
  SchemeFigureSchema,
} from "./scheme-catalogue.ts";
import { ConfidenceSchema, SchemeResultSchema } from "./simulation-report.ts";
import { PARTICIPANTS, SituationSchema } from "./situation.ts";
import type { Lang } from "./text.ts";

/** One period of a scheme's rules: from when to when, its criteria in words and its figures. */
export const RulePeriodSchema = z.object({
  since: z.string(),
  /** Its last day (the day before the next period starts); null for the latest period. */
  until: z.string().nullable(),
  /** Whether it is the period in force on `today`. */
  inForce: z.boolean(),
  /** The weakest confidence among its figures. */
  confidence: ConfidenceSchema,
  criteria: z.array(
    SchemeCriterionSchema.extend({
      /** The rule as a sentence: "La durée financée va de 60 jours à 360 jours." */
      sentence: z.string(),
    }),
  ),
  figures: z.array(SchemeFigureSchema),
});

/** A worked example evaluated by the engine: what the scheme says of it, and its share of the plan. */
export const RuleExampleSchema = z.object({
  title: z.string(),
  /** The situation, as `POST /api/simulations` takes it (a simulator link can carry it). */
  situation: SituationSchema,
  academicYear: z.string(),
  fundedDays: z.number().int(),
  distanceKm: z.number().int().nullable(),
  /** This scheme's verdict, criteria and estimate for the situation, as a simulation gives them. */
  result: SchemeResultSchema,
  plan: z.object({
    /** This scheme's amount in the best combination; null when it is not part of it. */
    amountCents: z.number().int().nullable(),
    /** How that amount was adjusted for the other schemes of the plan, when it was. */
    note: z.string().nullable(),
    /** The best combination's total, every scheme counted. */
    totalCents: z.number().int(),
  }),
});

/**
 * A scheme's public rule page (OpenFisca publishes its legislation so): every period of its
 * rules with its criteria in words and its dated, sourced figures, which one is in force today,
 * and its worked examples evaluated on today's rules.
 */
export const SchemeRulesSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    funder: z.string(),
    url: z.string(),
    summary: z.string(),
    /** Who the scheme funds: students, or the school's personnel (teaching and training stays). */
    participant: z.enum(PARTICIPANTS),
    exclusiveWith: z.array(z.string()),
    /** The date the rules are read on: the period in force is the one holding it. */
    today: z.string(),
    /** Oldest first. */
    periods: z.array(RulePeriodSchema),
    examples: z.array(RuleExampleSchema),
  })
  .meta({ id: "SchemeRules" });

export type SchemeRules = z.output<typeof SchemeRulesSchema>;
export type RuleExample = z.output<typeof RuleExampleSchema>;

/**
 * A worked example as the engine answers it for `plugin` on `today`; undefined when the
 * situation names a partner the institution's catalogue does not hold (a school whose catalogue
 * differs from the demo one): the page leaves that example out rather than fail.
 */
const evaluateExample = (
  example: WorkedExample,
  plugin: ConfiguredPlugin,
  registry: Registry,
  lang: Lang,
  today: IsoDate,
): RuleExample | undefined => {
  let report: ReturnType<typeof evaluate>;
  try {
    report = evaluate(example.situation, registry, { asOf: today, lang });
  } catch (e) {
    if (e instanceof UnknownPartner) return undefined;
    throw e;
  }
  const result = report.schemes.find((s) => s.scheme === plugin.id);
  if (!result) return undefined;
  const item = report.plan.items.find((i) => i.scheme === plugin.id);
  return {
    title: example.title[lang],
    situation: example.situation,
    academicYear: report.academicYear,
    fundedDays: report.fundedDays,
    distanceKm: report.distanceKm,
    result,
    plan: {
      amountCents: item?.amountCents ?? null,
      note: item?.note ?? null,
      totalCents: report.plan.totalCents,
    },
  };
};

/**
 * The rule page of `plugin` in `lang`, read on `today` (the API's today, never the wall
 * clock): its periods oldest first, the one in force marked, and its worked examples evaluated
 * against the whole `registry`, so that the plan's share (the alumni aid after Erasmus+'s
 * travel) is the one a simulation would give.
 *
 * @example
 * const rules = describeSchemeRules(registry.byId.get("erasmus")!, registry, "fr", "2026-11-26");
 * rules.periods.find((p) => p.inForce)?.figures // the figures in force, with date and source
 */
export const describeSchemeRules = (
  plugin: ConfiguredPlugin,
  registry: Registry,
  lang: Lang,
  today: IsoDate,
): SchemeRules => {
  const current = plugin.periodFor(today);
  const periods = [...plugin.periods].sort((a, b) => (a.since < b.since ? -1 : 1));
  return {
    id: plugin.id,
    name: plugin.name[lang],
    funder: plugin.funder[lang],
    url: plugin.url,
    summary: plugin.summary[lang],
    participant: plugin.participant,
    exclusiveWith: [...plugin.exclusive],
    today,
    periods: periods.map((p, i) => {
      const next = periods[i + 1];
      const figures = describeFigures(p.parameters, lang);
      return {
        since: p.since,
        until: next ? addDays(next.since, -1) : null,
        // before the earliest period, none is in force yet
        inForce: p === current && p.since <= today,
        confidence: weakest(...figures.map((f) => f.confidence)),
        criteria: p.criteria.map((c) => ({
          ...describeCriterion(c, lang),
          sentence: ruleSentence(c.condition, lang),
        })),
        figures,
      };
    }),
    examples: plugin.examples.flatMap(
      (example) => evaluateExample(example, plugin, registry, lang, today) ?? [],
    ),
  };
};
