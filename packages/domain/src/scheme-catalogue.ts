import { z } from "zod";
import type { IsoDate } from "./calendar-date.ts";
import type { Criterion } from "./conditions/criterion.ts";
import { describeCondition } from "./conditions/describe.ts";
import { formatQuantity } from "./facts.ts";
import { type Figure, weakest } from "./figures.ts";
import type { ConfiguredPlugin, Parameters } from "./plugin.ts";
import { ConfidenceSchema } from "./simulation-report.ts";
import { PARTICIPANTS } from "./situation.ts";
import type { Lang } from "./text.ts";

/** A criterion in words: its rulebook id, its title, its rule as a sentence. */
export const SchemeCriterionSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  rule: z.string(),
});

/** A figure with its value written out, its date, its source and its confidence. */
export const SchemeFigureSchema = z.object({
  name: z.string(),
  label: z.string(),
  value: z.unknown(),
  display: z.string(),
  since: z.string(),
  source: z.string(),
  confidence: ConfidenceSchema,
});

/** A scheme as the public catalogue shows it: its rules in words and its dated figures with their sources. */
export const SchemeDescriptionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    funder: z.string(),
    url: z.string(),
    summary: z.string(),
    /** Who the scheme funds: students, or the school's personnel (teaching and training stays). */
    participant: z.enum(PARTICIPANTS),
    /** The weakest confidence among its figures in force: "assumed" amounts are estimates. */
    confidence: ConfidenceSchema,
    exclusiveWith: z.array(z.string()),
    criteria: z.array(SchemeCriterionSchema),
    figures: z.array(SchemeFigureSchema),
    periods: z.array(z.object({ since: z.string() })),
  })
  .meta({ id: "SchemeDescription" });

export type SchemeDescription = z.output<typeof SchemeDescriptionSchema>;

const display = (f: Figure, lang: Lang): string =>
  f.format
    ? f.format(f.value, lang)
    : typeof f.value === "number" && f.unit && f.unit !== "percent"
      ? formatQuantity(f.value, f.unit === "cents" ? "cents" : f.unit, lang)
      : typeof f.value === "number" && f.unit === "percent"
        ? `${f.value} %`
        : Array.isArray(f.value)
          ? f.value.map(String).join(", ")
          : typeof f.value === "object"
            ? JSON.stringify(f.value)
            : String(f.value);

/** A period's figures in `lang`, each with its value written out, its date, source and confidence. */
export const describeFigures = (
  parameters: Parameters,
  lang: Lang,
): z.output<typeof SchemeFigureSchema>[] =>
  Object.entries(parameters).map(([name, f]) => ({
    name,
    label: f.label[lang],
    value: f.value,
    display: display(f, lang),
    since: f.since,
    source: f.source,
    confidence: f.confidence,
  }));

/** A criterion in `lang`: its id, its title, its rule in words. */
export const describeCriterion = (
  c: Criterion,
  lang: Lang,
): z.output<typeof SchemeCriterionSchema> => ({
  id: c.id,
  title: c.title?.[lang] ?? null,
  rule: describeCondition(c.condition, lang),
});

/** A period's criteria in words, in `lang`. */
export const describeCriteria = (criteria: readonly Criterion[], lang: Lang) =>
  criteria.map((c) => describeCriterion(c, lang));

/** Describes a configured scheme in `lang`, with the figures in force on `on` (a mobility start, or today). */
export const describeScheme = (
  plugin: ConfiguredPlugin,
  lang: Lang,
  on: IsoDate,
): SchemeDescription => {
  const period = plugin.periodFor(on);
  const figures = describeFigures(period.parameters, lang);
  return {
    id: plugin.id,
    name: plugin.name[lang],
    funder: plugin.funder[lang],
    url: plugin.url,
    summary: plugin.summary[lang],
    participant: plugin.participant,
    confidence: weakest(...figures.map((f) => f.confidence)),
    exclusiveWith: [...plugin.exclusive],
    criteria: describeCriteria(period.criteria, lang),
    figures,
    periods: plugin.periods.map((p) => ({ since: p.since })),
  };
};
