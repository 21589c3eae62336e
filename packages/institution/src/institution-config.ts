import {
  type ConfiguredPlugin,
  createRegistry,
  type FundingPlugin,
  type Institution,
  type Parameters,
  type Partner,
  type Registry,
} from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import type { z } from "zod";

/** A plugin as the configuration lists it, its options already bound. */
export interface PluginEntry {
  readonly id: string;
  /** Off: registered, but not evaluated or offered. */
  readonly enabled: boolean;
  /** Validates the options and configures the plugin. @throws PluginOptionsInvalid */
  readonly configure: () => ConfiguredPlugin;
}

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
  settings: { readonly enabled?: boolean } = {},
): PluginEntry => ({
  id: plugin.id,
  enabled: settings.enabled ?? true,
  configure: () => plugin.configure(options),
});

export interface InstitutionConfig {
  readonly institution: Institution;
  readonly plugins: readonly PluginEntry[];
}

export interface LoadOptions {
  /** The partner catalogue; the demo catalogue of the rulebook by default. */
  readonly partners?: readonly Partner[];
  /** Evaluate disabled plugins too (tests, and institutions trying a scheme out). */
  readonly enableAll?: boolean;
}

/**
 * Validates the configuration and builds the registry, at start-up. A bad option stops here
 * with a message naming the plugin and the field (PluginOptionsInvalid); a duplicate id with
 * RegistryInvalid.
 */
export const loadRegistry = (config: InstitutionConfig, options: LoadOptions = {}): Registry =>
  createRegistry({
    institution: config.institution,
    plugins: config.plugins.filter((e) => options.enableAll || e.enabled).map((e) => e.configure()),
    partners: options.partners ?? DEMO_PARTNER_CATALOGUE.partners,
  });
