export { TELECOM_PARIS_CONFIG } from "./institution.ts";
export {
  type InstitutionConfig,
  type LoadOptions,
  loadRegistry,
  type PluginEntry,
  use,
} from "./institution-config.ts";
