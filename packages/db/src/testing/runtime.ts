import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { loadRegistry, schemesOf, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { type Effect, Layer, ManagedRuntime } from "effect";
import { Applications } from "../applications.ts";
import { Budgets } from "../budgets.ts";
import { Database, type DatabaseConfig } from "../database.ts";
import { Partners } from "../partners.ts";
import { Schemes } from "../schemes.ts";
import { Users } from "../users.ts";
import type { TestEngine } from "./index.ts";

/** Every repository of the package over one database, with Télécom Paris's schemes (the AMI on). */
export const repositoriesLayer = (config: DatabaseConfig) => {
  const registry = loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: true });
  const deps = Layer.mergeAll(
    Database.layer(config),
    Schemes.layer(schemesOf(TELECOM_PARIS_CONFIG, registry)),
  );
  return Layer.mergeAll(Applications.layer, Budgets.layer, Users.layer, Partners.layer).pipe(
    Layer.provideMerge(deps),
  );
};

export type Repositories = Layer.Success<ReturnType<typeof repositoriesLayer>>;

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
