/**
 * Envol's runtime as a process builds it: the institution's registry (its configuration checked,
 * a flagged option told to `warn`), which reads the partner
 * schools from the database's catalogue through an in-memory cache, and the process's one
 * ManagedRuntime of the repositories over the given database. The server (main.ts), the route
 * tests' app (testing/test-app.ts) and the two-instance test build it here, so that they run the
 * same wiring; what differs between them (configuration, logging, files, seeding, shutdown)
 * stays with each.
 */
import {
  type DatabaseConfig,
  Partners,
  repositoriesLayer,
  SchemeOptions,
  seedDemo,
} from "@envol/db";
import type { ConfigurationWarning, Partner } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { loadRegistry, schemesOf, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { ManagedRuntime } from "effect";
import type { AppDeps } from "./app.ts";
import { hashPassword } from "./lib/passwords.ts";

/** The demo accounts' passwords: `pnpm start` prints them, the tests sign in with them. */
export const DEMO_PASSWORDS = {
  /** Every demo student's: Camille Martin's and her classmates'. */
  student: "demo-etudiante",
  personnel: "demo-personnel",
  staff: "demo-dri",
} as const;

/**
 * The registry, the runtime and the partner cache between them, over `database`. Nothing is
 * opened until the runtime first runs an Effect; `runtime.dispose()` closes the database.
 *
 * @example
 * const envol = makeEnvolRuntime({ url: process.env.DATABASE_URL });
 * await envol.loadPartners();
 * const app = createApp({ ...envol.appDeps, ready, today, files });
 */
export const makeEnvolRuntime = (
  database: DatabaseConfig,
  settings: {
    /** An option a plugin accepts but flags (an Erasmus+ rate outside its call's range). */
    readonly warn?: (warning: ConfigurationWarning) => void;
  } = {},
) => {
  // the registry reads partners from the database's catalogue (staff edit it), through this cache
  const partners = new Map<string, Partner>();
  const lookup = (id: string) => partners.get(id);
  let registry = loadRegistry(TELECOM_PARIS_CONFIG, {
    partners: lookup,
    ...(settings.warn ? { warn: settings.warn } : {}),
  });
  /** The stored dated options' version the registry was last built on (ADR 020). */
  let builtOn = "";
  const runtime = ManagedRuntime.make(
    repositoriesLayer(
      database,
      schemesOf(TELECOM_PARIS_CONFIG, () => registry),
    ),
  );

  /**
   * Builds the registry again from the configuration and the options the office saved from a
   * date, when they changed since the last build: one cheap read (how many periods and a digest
   * of them) when nothing did. At start-up, after a save, and every few seconds on each
   * instance, so that the others follow a save within that interval (ADR 020). Whether it built.
   */
  const rebuildIfChanged = async () => {
    const version = await runtime.runPromise(SchemeOptions.use((s) => s.version()));
    if (version === builtOn) return false;
    const periods = await runtime.runPromise(SchemeOptions.use((s) => s.list()));
    // the configuration's warnings were told at start-up; a stored period the plugin refuses throws
    registry = loadRegistry(TELECOM_PARIS_CONFIG, { partners: lookup, warn: () => {}, periods });
    builtOn = version;
    return true;
  };
  /** The checks so far, one after the other (see `refreshRegistry`). */
  let checks: Promise<unknown> = Promise.resolve();
  /**
   * `rebuildIfChanged`, one at a time: the save route's check and the periodic one may come
   * together, and run side by side the slower would install what it read, however old. A call
   * while one runs waits for it (whether it built or failed), then checks again.
   */
  const refreshRegistry = (): Promise<boolean> => {
    const check = checks.then(rebuildIfChanged, rebuildIfChanged);
    checks = check.catch(() => undefined);
    return check;
  };

  /** Reads the database's partner catalogue into the cache, in place of what it held. */
  const refreshPartners = async () => {
    const list = await runtime.runPromise(Partners.use((p) => p.list()));
    partners.clear();
    for (const p of list) partners.set(p.id, p);
    return list;
  };

  const appDeps: Pick<
    AppDeps,
    "registry" | "partners" | "run" | "refreshRegistry" | "configuration"
  > = {
    registry: () => registry,
    configuration: TELECOM_PARIS_CONFIG,
    refreshRegistry,
    partners: async () => [...partners.values()],
    run: (effect) => runtime.runPromiseExit(effect),
  };

  return {
    /** The registry as last built (see `refreshRegistry`). */
    get registry() {
      return registry;
    },
    refreshRegistry,
    runtime,
    refreshPartners,
    /**
     * The partner catalogue is reference data: an empty database gets the versioned one
     * (idempotent; staff's changes are kept), then the cache is read from the database.
     */
    loadPartners: async () => {
      await runtime.runPromise(Partners.use((p) => p.seed(DEMO_PARTNER_CATALOGUE)));
      return refreshPartners();
    },
    /** The demo accounts, budgets and applications, loaded into an empty database only. */
    seedDemo: () => runtime.runPromise(seedDemo({ hashPassword, passwords: DEMO_PASSWORDS })),
    /** What `createApp` takes from the runtime; the caller adds `ready`, `today`, `files`… */
    appDeps,
  };
};

export type EnvolRuntime = ReturnType<typeof makeEnvolRuntime>;
