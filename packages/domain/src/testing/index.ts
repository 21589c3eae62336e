/** `@envol/domain/testing`: what plugin authors test with. */
export * from "./plugin-conformance.ts";
export * from "./plugin-helpers.ts";
