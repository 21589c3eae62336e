import { type RateHit, RateLimits, type RateRule } from "@envol/db";
import type { Lang } from "@envol/domain";
import { Cause, type Effect, Exit } from "effect";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./env.ts";
import { DEFAULT_LIMITS, type Limits } from "./limits.ts";
import { problem, problemBody, TITLES } from "./problem.ts";
import type { AppServices } from "./services.ts";

/** The request's instant, on the app's clock. */
export const nowOf = (deps: AppDeps): Date => deps.now?.() ?? new Date();

export const limitsOf = (deps: AppDeps): Limits => deps.limits ?? DEFAULT_LIMITS;

/** Runs a counter's Effect; a database failure is the server's (500 through onError). */
export const runCounter = async <A>(
  deps: AppDeps,
  effect: Effect.Effect<A, never, AppServices>,
): Promise<A> => {
  const exit = await deps.run(effect);
  if (Exit.isFailure(exit)) throw Cause.squash(exit.cause);
  return exit.value;
};

/** Counts one hit of `key` under `rule` (the database decides, for every instance at once). */
export const hit = (deps: AppDeps, key: string, rule: RateRule): Promise<RateHit> =>
  runCounter(
    deps,
    RateLimits.use((r) => r.hit(key, rule, nowOf(deps))),
  );

/** Retry-After in whole seconds, at least one. */
export const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** "12 s", "15 min": how long to wait, for a person. */
export const waitText = (seconds: number) =>
  seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;

/** The 429 of a limit reached: problem+json in the reader's language, with Retry-After. */
export const tooManyRequests = (
  c: Context<AppEnv>,
  retryAfterMs: number,
  title: { readonly fr: string; readonly en: string },
  detail: (lang: Lang, seconds: number) => string,
): Response => {
  const lang = c.get("lang");
  const seconds = retryAfterSeconds(retryAfterMs);
  c.header("Retry-After", String(seconds));
  return problem(
    c,
    problemBody(429, "rate-limited", title[lang], { detail: detail(lang, seconds) }),
  );
};

const PER = {
  minute: { ms: 60_000, fr: "minute", en: "minute" },
  hour: { ms: 3_600_000, fr: "heure", en: "hour" },
  day: { ms: 86_400_000, fr: "jour", en: "day" },
} as const;

/**
 * A route's rate limit: `limit(limits)` hits per `per`, counted per `who(c)` (a student, an API
 * key, a client address) before the route runs. No `who` (an in-process call without an
 * address) or a limit of 0: not counted.
 *
 * @example rateLimit(deps, { name: "simulations", per: "minute", limit: (l) => l.simulationsPerMinute,
 *   who: (c) => clientLimitKey(c.get("clientAddress")), what: { fr: "simulations", en: "simulations" } })
 */
export const rateLimit = (
  deps: AppDeps,
  options: {
    readonly name: string;
    readonly per: keyof typeof PER;
    readonly limit: (limits: Limits) => number;
    readonly who: (c: Context<AppEnv>) => string | undefined;
    /** What is counted, in the reader's language, for the 429's detail. */
    readonly what: { readonly fr: string; readonly en: string };
  },
) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const limit = options.limit(limitsOf(deps));
    const who = options.who(c);
    if (limit <= 0 || who === undefined) return next();
    const per = PER[options.per];
    const counted = await hit(deps, `${options.name}:${who}`, { limit, windowMs: per.ms });
    if (counted.allowed) return next();
    return tooManyRequests(
      c,
      counted.retryAfterMs,
      TITLES.tooManyRequests,
      (lang, seconds) =>
        ({
          fr: `${limit} ${options.what.fr} par ${per.fr} au plus : réessayez dans ${waitText(seconds)}.`,
          en: `${limit} ${options.what.en} per ${per.en} at most: try again in ${waitText(seconds)}.`,
        })[lang],
    );
  });
