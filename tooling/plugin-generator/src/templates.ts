/**
 * The files of a new plugin. The starter scheme is real and small: one criterion (the
 * destination is abroad), a lump sum from an option, dated figures, a document, three cases. Its
 * case table passes; one conformance check stays red until the author gives the figure a real
 * source and the scheme its French name (the generator writes "TODO" and the English words).
 */
export interface PluginNames {
  /** kebab-case: `demo-scheme` (folder, package tail, plugin id) */
  readonly id: string;
  /** camelCase export: `demoScheme` */
  readonly camel: string;
  /** Words for titles: `Demo scheme` */
  readonly title: string;
}

export const namesOf = (id: string): PluginNames => {
  const words = id.split("-");
  const camel = words
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
  const title = words.join(" ");
  return { id, camel, title: title.charAt(0).toUpperCase() + title.slice(1) };
};

export const packageJson = ({ id }: PluginNames): string =>
  `${JSON.stringify(
    {
      name: `@envol/plugin-${id}`,
      version: "0.1.0",
      private: true,
      type: "module",
      description: `Envol funding plugin: ${id}.`,
      exports: { ".": "./src/index.ts" },
      scripts: { lint: "biome check .", typecheck: "tsc -p tsconfig.json", test: "vitest run" },
      dependencies: { "@envol/domain": "workspace:*", zod: "catalog:" },
      devDependencies: { "@types/node": "catalog:", typescript: "catalog:", vitest: "catalog:" },
    },
    null,
    2,
  )}\n`;

export const tsconfig = (): string =>
  `${JSON.stringify({ extends: "../../tsconfig.base.json", include: ["src", "*.ts"] }, null, 2)}\n`;

export const vitestConfig = (): string => `import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["src/**/*.test.ts"] } });
`;

export const index = ({ id, camel }: PluginNames): string => `export { ${camel} } from "./${id}.ts";
`;

export const plugin = ({ id, camel, title }: PluginNames): string => `import {
  cents,
  criterion,
  defineFundingPlugin,
  exclusiveWithOption,
  type Figure,
  FRANCE_AND_OVERSEAS,
  facts,
  lumpSumBasis,
  noneOf,
  optionFigure,
} from "@envol/domain";
import { z } from "zod";
import { ${camel}Examples } from "./${id}-examples.ts";

/** The figure behind the default lump sum: replace it with the scheme's real figure and source. */
const LUMP_SUM: Figure<number> = {
  value: 50_000,
  since: "2026-09-01",
  source: "TODO: the funder's page or regulation (URL, date read)",
  confidence: "assumed",
  label: { fr: "Forfait", en: "Lump sum" },
  unit: "cents",
};

/**
 * The highest lump sum accepted, far above the figure: every numeric option has an upper bound
 * (the conformance suite checks it), so a figure typed wrong is refused naming the option and no
 * amount leaves the exact range. Set it from the funder's rules.
 */
const MAX_LUMP_SUM_CENTS = 1_000_000;

/** Options: every field defaulted to the rulebook's figure, so an institution changes it in configuration. */
export const ${camel}Options = z.strictObject({
  lumpSumCents: z.number().int().nonnegative().max(MAX_LUMP_SUM_CENTS).default(LUMP_SUM.value),
  /** Schemes this one cannot be combined with for the same stay: none until the rules say so. */
  exclusiveWith: exclusiveWithOption("${id}"),
});

/**
 * ${title}: describe the scheme here (who funds it, for whom), and cite the rulebook section.
 */
export const ${camel} = defineFundingPlugin({
  id: "${id}",
  name: { fr: "${title}", en: "${title}" },
  funder: { fr: "À préciser", en: "To be confirmed" },
  url: "https://example.org/${id}",
  summary: {
    fr: "Une aide forfaitaire pour un séjour à l'étranger.",
    en: "A lump sum for a stay abroad.",
  },
  options: ${camel}Options,
  parameters: (options) => [
    { since: LUMP_SUM.since, parameters: { lumpSum: optionFigure(LUMP_SUM, options.lumpSumCents) } },
  ],
  criteria: () => [criterion("destination", noneOf(facts.hostCountry, FRANCE_AND_OVERSEAS))],
  estimate: ({ parameters, lang }) => ({
    confidence: parameters.lumpSum.confidence,
    lines: [
      {
        id: "lump-sum",
        label: parameters.lumpSum.label,
        amount: cents(parameters.lumpSum.value),
        basis: lumpSumBasis(parameters.lumpSum.value, lang),
      },
    ],
  }),
  documents: () => [{ id: "acceptance-letter", label: { fr: "Lettre d'acceptation", en: "Acceptance letter" } }],
  exclusive: (options) => options.exclusiveWith,
  examples: ${camel}Examples,
});
`;

export const examples = ({
  camel,
}: PluginNames): string => `import type { WorkedExample } from "@envol/domain";

/**
 * The worked examples of the scheme's rule page (\`/regles/<id>\`), evaluated by the API on
 * today's rules: rows of its case table, each titled in both languages (docs/plugins.md).
 */
export const ${camel}Examples: readonly WorkedExample[] = [
  {
    title: {
      fr: "Un semestre à TU Berlin (février à juin 2027)",
      en: "A semester at TU Berlin (February to June 2027)",
    },
    situation: {
      mobility: { host: { partner: "tu-berlin" }, start: "2027-02-01", end: "2027-06-30" },
    },
  },
];
`;

export const cases = (): string =>
  `${JSON.stringify(
    [
      {
        name: "a stay in Germany is eligible for the lump sum",
        situation: {
          mobility: { host: { partner: "tu-berlin" }, start: "2027-02-01", end: "2027-06-30" },
        },
        expect: { verdict: "eligible", amountCents: 50000 },
      },
      {
        name: "a stay in France is not abroad",
        situation: {
          mobility: {
            host: { country: "FR", city: "Lyon" },
            start: "2027-02-01",
            end: "2027-06-30",
          },
        },
        expect: { verdict: "ineligible", unmet: ["destination"], amountCents: null },
      },
      {
        name: "a stay starting before the first figures (1 September 2026) has none: ineligible on period",
        situation: {
          mobility: { host: { partner: "tu-berlin" }, start: "2026-02-01", end: "2026-06-30" },
        },
        expect: { verdict: "ineligible", unmet: ["period"], amountCents: null },
      },
    ],
    null,
    2,
  )}\n`;

export const test = ({
  id,
  camel,
}: PluginNames): string => `import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import { type ConformanceCase, runPluginConformance } from "@envol/domain/testing";
import cases from "../cases.json" with { type: "json" };
import { ${camel} } from "./${id}.ts";

runPluginConformance(${camel}, cases as ConformanceCase[], {
  institution: TELECOM_PARIS,
  partners: DEMO_PARTNER_CATALOGUE.partners,
  // a destination is always given, so it is never unknown
  exempt: { unknown: ["destination"] },
});
`;

export const readme = ({
  id,
  camel,
  title,
}: PluginNames): string => `# ${title} (\`@envol/plugin-${id}\`)

Generated by \`pnpm new-plugin ${id}\`. Replace each TODO, then read \`docs/plugins.md\`.

## What it is

TODO: the scheme in two sentences — who funds it, for whom, how much.

## Rules

| criterion id | rule |
|---|---|
| \`destination\` | the host country is abroad (not France or its overseas territories) |
| \`period\` | the stay starts on or after the first period's date (added to every scheme by the engine) |

## Options

| option | default | meaning |
|---|---|---|
| \`lumpSumCents\` | 50 000 (500 €) | the lump sum paid; at most 1 000 000 (10 000 €) |

## Figures to confirm

- \`lumpSum\` (assumed): TODO source.

## Register it

Add \`use(${camel})\` to the plugins of the institution configuration
(\`packages/institution/src/institution.ts\`) and the package to \`packages/institution/package.json\`.

## Test

\`pnpm --filter @envol/plugin-${id} test\` runs the case table (\`cases.json\`) through the
conformance harness of \`@envol/domain/testing\`.
`;
