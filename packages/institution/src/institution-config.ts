import {
  type ConfigurationWarning,
  type ConfiguredPlugin,
  createRegistry,
  type FundingPlugin,
  type Institution,
  type IsoDate,
  optionsFrom,
  type Parameters,
  type Partner,
  type PartnerLookup,
  type Registry,
  RegistryInvalid,
} from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import type { z } from "zod";

/** A plugin as the configuration lists it, its options already bound. */
export interface PluginEntry {
  readonly id: string;
  /** Off: registered, but not evaluated or offered. */
  readonly enabled: boolean;
  /** The share of an approved grant paid as the advance, in percent; the balance follows (ARCHITECTURE §2.6). */
  readonly advancePercent: number;
  /**
   * The plugin's options schema (zod): the planner reads its JSON Schema to offer the numeric
   * options (ADR 020).
   */
  readonly optionsSchema: z.ZodType;
  /** Validates the options and configures the plugin. @throws PluginOptionsInvalid */
  readonly configure: () => ConfiguredPlugin;
  /**
   * Configures the plugin with other options: those in force when a grant was approved, for a
   * recalculation, read in today's shape when an earlier release stored them in another
   * (`storedOptions`). @throws PluginOptionsInvalid
   */
  readonly configureWith: (options: unknown) => ConfiguredPlugin;
}

/** Instalments: 80 % on signature of the grant agreement, the balance after the stay. */
export const DEFAULT_ADVANCE_PERCENT = 80;

/**
 * Lists a plugin with its options, typed by the plugin's own option schema (and validated
 * again when the registry is loaded, for values that come from outside the code).
 *
 * @example
 * use(idf, { monthlyRateCents: 40_000 })
 * use(ami, {}, { enabled: false })
 */
export const use = <S extends z.ZodType, P extends Parameters>(
  plugin: FundingPlugin<S, P>,
  options?: z.input<S>,
  settings: { readonly enabled?: boolean; readonly advancePercent?: number } = {},
): PluginEntry => ({
  id: plugin.id,
  enabled: settings.enabled ?? true,
  advancePercent: settings.advancePercent ?? DEFAULT_ADVANCE_PERCENT,
  optionsSchema: plugin.options,
  configure: () => plugin.configure(options),
  configureWith: (other) =>
    plugin.configure((plugin.storedOptions ? plugin.storedOptions(other) : other) as z.input<S>),
});

export interface InstitutionConfig {
  readonly institution: Institution;
  readonly plugins: readonly PluginEntry[];
}

export interface LoadOptions {
  /** The partner catalogue (a list, or a lookup over the database's); the demo catalogue by default. */
  readonly partners?: readonly Partner[] | PartnerLookup;
  /** Evaluate disabled plugins too (tests, and institutions trying a scheme out). */
  readonly enableAll?: boolean;
  /**
   * Evaluate only these schemes, switched off or not (`pnpm envol simulate --schemes`); the
   * others stay registered, so an exclusivity may still name them.
   */
  readonly only?: readonly string[];
  /**
   * Told each option a plugin accepts but flags (an Erasmus+ rate outside the call's range), at
   * start-up; by default a line on stderr. The server logs it as a warning.
   */
  readonly warn?: (warning: ConfigurationWarning) => void;
  /**
   * The options the office saved from a date (ADR 020, the database's `scheme_option_periods`):
   * each scheme's stays from `since` on are evaluated with them. Validated like the
   * configuration's: a stored period the plugin refuses stops here, naming the plugin and field.
   */
  readonly periods?: readonly DatedOptions[];
}

/** Options of a scheme in force for the stays starting on or after `since`. */
export interface DatedOptions {
  readonly scheme: string;
  readonly since: IsoDate;
  readonly options: unknown;
}

/**
 * A plugin configured with the configuration's options, then each of its dated options from
 * their date on, in date order: what the registry holds, and what a scenario previews (the
 * stored periods with the office's new one) before it is saved.
 */
export const withDatedOptions = (
  entry: PluginEntry,
  periods: readonly DatedOptions[],
): ConfiguredPlugin =>
  periods
    .filter((p) => p.scheme === entry.id)
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0))
    .reduce(
      (plugin, p) => optionsFrom(plugin, p.since, entry.configureWith(p.options)),
      entry.configure(),
    );

/** A configuration warning in one line: `plugin "erasmus": rates.0.group1Cents: …`. */
export const configurationWarningText = (w: ConfigurationWarning): string =>
  `plugin "${w.plugin}": ${w.option}: ${w.message}`;

const warnOnStderr = (w: ConfigurationWarning) => console.warn(configurationWarningText(w));

/**
 * Validates the configuration and builds the registry, at start-up. A bad option stops here
 * with a message naming the plugin and the field (PluginOptionsInvalid); a duplicate id, or an
 * `exclusiveWith` naming a scheme the configuration does not register, with RegistryInvalid. An
 * option a plugin accepts but flags (its `warnings`) goes to `options.warn`, switched off or not.
 */
export const loadRegistry = (config: InstitutionConfig, options: LoadOptions = {}): Registry => {
  for (const e of config.plugins) {
    if (!Number.isInteger(e.advancePercent) || e.advancePercent < 0 || e.advancePercent > 100) {
      throw new RegistryInvalid({
        problems: [`plugin "${e.id}": advancePercent must be a whole number from 0 to 100`],
      });
    }
  }
  const evaluated = (e: PluginEntry) =>
    options.only ? options.only.includes(e.id) : options.enableAll || e.enabled;
  // every entry is configured, switched off or not: a mistake in a scheme's options shows at
  // start-up, not on the day the office switches it on
  const configured = config.plugins.map((e) => ({
    entry: e,
    plugin: withDatedOptions(e, options.periods ?? []),
  }));
  const plugins = configured.filter((c) => evaluated(c.entry)).map((c) => c.plugin);
  const unknown = unknownExclusives(
    configured.map((c) => c.plugin),
    config.plugins.map((e) => e.id),
  );
  if (unknown.length > 0) throw new RegistryInvalid({ problems: unknown });
  const warn = options.warn ?? warnOnStderr;
  for (const c of configured) for (const w of c.plugin.warnings) warn(w);
  return createRegistry({
    institution: config.institution,
    plugins,
    partners: options.partners ?? DEMO_PARTNER_CATALOGUE.partners,
  });
};

/**
 * The exclusivities that name no registered scheme, one problem each, naming the plugin and the
 * id. A scheme switched off is still registered: naming it is no mistake.
 */
const unknownExclusives = (
  plugins: readonly ConfiguredPlugin[],
  registered: readonly string[],
): string[] =>
  plugins.flatMap((p) =>
    p.exclusive
      .filter((id) => !registered.includes(id))
      .map(
        (id) => `plugin "${p.id}": exclusiveWith names "${id}", which is not a registered scheme`,
      ),
  );

/**
 * What the persistence layer needs to know of the schemes (the shape of `@envol/db`'s
 * `Schemes` service): the registry, a scheme configured with other options, the advance share.
 */
export const schemesOf = (config: InstitutionConfig, registry: Registry | (() => Registry)) => {
  const current = typeof registry === "function" ? registry : () => registry;
  return {
    /** Read on every use: the registry is built again when the office saves dated options (ADR 020). */
    get registry() {
      return current();
    },
    configureWith: (scheme: string, options: unknown) =>
      config.plugins.find((e) => e.id === scheme)?.configureWith(options),
    advancePercent: (scheme: string) =>
      config.plugins.find((e) => e.id === scheme)?.advancePercent ?? DEFAULT_ADVANCE_PERCENT,
  };
};
