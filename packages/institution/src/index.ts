export { TELECOM_PARIS_CONFIG } from "./institution.ts";
export {
  configurationWarningText,
  type DatedOptions,
  DEFAULT_ADVANCE_PERCENT,
  type InstitutionConfig,
  type LoadOptions,
  loadRegistry,
  type PluginEntry,
  schemesOf,
  use,
  withDatedOptions,
} from "./institution-config.ts";
