import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { loadRegistry, schemesOf, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { type Effect, ManagedRuntime } from "effect";
import type { DatabaseConfig } from "../database.ts";
import { repositoriesLayer as productionLayer, type Repositories } from "../layers.ts";
import { Partners } from "../partners.ts";
import type { TestEngine } from "./index.ts";

/** Every repository of the package over one database, with Télécom Paris's schemes (the AMI on). */
export const repositoriesLayer = (config: DatabaseConfig) => {
  const registry = loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: true });
  return productionLayer(config, schemesOf(TELECOM_PARIS_CONFIG, registry));
};

export type { Repositories };

/**
 * A runtime over a fresh database of `engine`, with the demo partner catalogue loaded. `dispose`
 * closes it and drops the database.
 */
export const openTestRuntime = async (engine: TestEngine) => {
  const { config, drop } = await engine.create();
  const runtime = ManagedRuntime.make(repositoriesLayer(config));
  await runtime.runPromise(Partners.use((p) => p.seed(DEMO_PARTNER_CATALOGUE)));
  return {
    config,
    runtime,
    run: <A, E>(effect: Effect.Effect<A, E, Repositories>) => runtime.runPromise(effect),
    runExit: <A, E>(effect: Effect.Effect<A, E, Repositories>) => runtime.runPromiseExit(effect),
    dispose: async () => {
      await runtime.dispose();
      await drop();
    },
  };
};
