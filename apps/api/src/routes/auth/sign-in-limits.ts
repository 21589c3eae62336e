import { RateLimits, type RateRule } from "@envol/db";
import { clientLimitKey } from "../../lib/client-address.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { hit, nowOf, runCounter } from "../../lib/rate-limit.ts";

const MINUTE = 60_000;

/**
 * How many password guesses are checked (OWASP's authentication cheat sheet: limit per account
 * and per client, slow down rather than lock out):
 * - per account and client: 5 in 15 minutes, then 429 until the window ends;
 * - per client, whatever the accounts: 100 in 15 minutes (one person's typos behind a shared
 *   address never block the others; a client trying many accounts is stopped);
 * - per account, from every client together: 10 an hour, then one more after 2 s, 4 s, 8 s…
 *   up to 5 minutes, so that guessing from many addresses stays slow and the owner is never
 *   locked out for good. A client the account signed in from within 30 days is spared this one.
 * A guess is counted before its password is checked, and given back when it was right.
 */
export const SIGN_IN_RULES = {
  accountClient: { limit: 5, windowMs: 15 * MINUTE },
  client: { limit: 100, windowMs: 15 * MINUTE },
  account: { limit: 10, windowMs: 60 * MINUTE, delay: { baseMs: 2_000, capMs: 5 * MINUTE } },
  knownClient: { limit: 1_000_000, windowMs: 30 * 24 * 60 * MINUTE },
} as const satisfies Record<string, RateRule>;

/** A guess allowed (settle it once the password is checked), or refused with how long to wait. */
export type Guess =
  | { readonly allowed: true; readonly settle: (succeeded: boolean) => Promise<void> }
  | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * Counts a sign-in guess for `email` from `client` under every rule, before the password is
 * checked: however many guesses race, on however many instances, no more than the rules allow
 * reach the password check. A guess refused by one rule is given back to the others.
 */
export const reserveGuess = async (
  deps: AppDeps,
  email: string,
  client: string | undefined,
): Promise<Guess> => {
  const account = email.trim().toLowerCase();
  const from = clientLimitKey(client) ?? "unknown";
  const keys = {
    accountClient: `sign-in:account-client:${account}|${from}`,
    client: `sign-in:client:${from}`,
    account: `sign-in:account:${account}`,
    knownClient: `sign-in:known-client:${account}|${from}`,
  };
  const counted: string[] = [];
  // one small UPDATE each, after the hits they give back
  const release = async () => {
    for (const key of counted)
      await runCounter(
        deps,
        RateLimits.use((r) => r.release(key)),
      );
  };
  const known =
    (await runCounter(
      deps,
      RateLimits.use((r) => r.count(keys.knownClient, nowOf(deps))),
    )) > 0;
  const rules = known
    ? (["accountClient", "client"] as const)
    : (["accountClient", "client", "account"] as const);
  for (const rule of rules) {
    const result = await hit(deps, keys[rule], SIGN_IN_RULES[rule]);
    if (!result.allowed) {
      await release();
      return { allowed: false, retryAfterMs: result.retryAfterMs };
    }
    counted.push(keys[rule]);
  }
  return {
    allowed: true,
    settle: async (succeeded) => {
      if (!succeeded) return;
      await release();
      await hit(deps, keys.knownClient, SIGN_IN_RULES.knownClient);
    },
  };
};
