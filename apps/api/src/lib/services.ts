import type { Repositories } from "@envol/db";
import type { Effect, Exit } from "effect";

/** Every service a route may use, provided by the app's one ManagedRuntime. */
export type AppServices = Repositories;

/** Runs an Effect on that runtime. */
export type Runner = <A, E>(effect: Effect.Effect<A, E, AppServices>) => Promise<Exit.Exit<A, E>>;
