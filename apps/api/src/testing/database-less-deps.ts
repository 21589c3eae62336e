import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import type { AppDeps } from "../lib/deps.ts";
import { DEFAULT_LIMITS } from "../lib/limits.ts";

/**
 * What an app needs for tests of the public routes and of what wraps every route (headers,
 * sizes): the school's schemes and the demo catalogue, and no database — a route that reaches
 * one fails the test. The public routes' rate limits, which count in the database, are off.
 */
export const databaseLessDeps = (): AppDeps => {
  const registry = loadRegistry(TELECOM_PARIS_CONFIG);
  return {
    registry: () => registry,
    partners: async () => DEMO_PARTNER_CATALOGUE.partners,
    ready: async () => true,
    today: () => "2026-11-26",
    run: () => Promise.reject(new Error("no database in these tests")),
    limits: { ...DEFAULT_LIMITS, simulationsPerMinute: 0, placesPerMinute: 0 },
  };
};
