import { RateLimits, type RateRule } from "@envol/db";
import { clientLimitKey } from "../../lib/client-address.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { hit, nowOf, runCounter } from "../../lib/rate-limit.ts";

const MINUTE = 60_000;

/**
 * How many password guesses are checked (OWASP's authentication cheat sheet: limit per account
 * and per client, slow down rather than lock out):
 * - per account and client: 5 in 15 minutes, then 429 until the window ends;
 * - per client, on the accounts it is not known for: 100 in 15 minutes (a client trying many
 *   accounts is stopped; the owners of accounts it signed in to before are not);
 * - per account, from every client together: 10 an hour, then each client waits its turn: its
 *   next guess on the account comes 2 s after its own last one, 4 s, 8 s… (doubling with each
 *   guess on the account) up to 5 minutes. Guesses from elsewhere lengthen the turns but never
 *   take the owner's: the owner waits at most 5 minutes since their own last guess.
 * A client the account signed in from within 30 days is known: spared the per-account and the
 * per-client rules. A guess is counted before its password is checked, and given back when it
 * was right.
 */
export const SIGN_IN_RULES = {
  accountClient: { limit: 5, windowMs: 15 * MINUTE },
  client: { limit: 100, windowMs: 15 * MINUTE },
  account: { limit: 10, windowMs: 60 * MINUTE },
  knownClient: { limit: 1_000_000, windowMs: 30 * 24 * 60 * MINUTE },
} as const satisfies Record<string, RateRule>;

/** The turn past the account's free guesses: 2 s, doubling, up to 5 minutes. */
export const TURN = { baseMs: 2_000, capMs: 5 * MINUTE } as const;

/** How long a client waits for its next guess on an account that has had `checked` guesses. */
export const turnAfter = (checked: number) =>
  checked < SIGN_IN_RULES.account.limit
    ? 0
    : Math.min(TURN.baseMs * 2 ** Math.min(checked - SIGN_IN_RULES.account.limit, 40), TURN.capMs);

/** Counts a hit whatever the count (the account's guesses past its free ones). */
const UNLIMITED = 2_147_483_647;

/** A guess allowed (settle it once the password is checked), or refused with how long to wait. */
export type Guess =
  | { readonly allowed: true; readonly settle: (succeeded: boolean) => Promise<void> }
  | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * Counts a sign-in guess for `email` from `client` under every rule, before the password is
 * checked: however many guesses race, on however many instances, no more than the rules allow
 * reach the password check. A guess refused by the account's rules still counts against the
 * client (polling a slowed-down account is not free); it is given back to the account's.
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
    // when this client's next guess on the account may come: the window of a one-hit rule
    turn: `sign-in:turn:${account}|${from}`,
    knownClient: `sign-in:known-client:${account}|${from}`,
  };
  const counted: string[] = [];
  // one small UPDATE each, after the hits they give back
  const release = async (keysToRelease: readonly string[]) => {
    for (const key of keysToRelease)
      await runCounter(
        deps,
        RateLimits.use((r) => r.release(key)),
      );
  };
  const refused = (retryAfterMs: number): Guess => ({ allowed: false, retryAfterMs });
  const allowed: Guess = {
    allowed: true,
    settle: async (succeeded) => {
      if (!succeeded) return;
      await release(counted);
      await hit(deps, keys.knownClient, SIGN_IN_RULES.knownClient);
    },
  };
  const known =
    (await runCounter(
      deps,
      RateLimits.use((r) => r.count(keys.knownClient, nowOf(deps))),
    )) > 0;

  if (!known) {
    const byClient = await hit(deps, keys.client, SIGN_IN_RULES.client);
    if (!byClient.allowed) return refused(byClient.retryAfterMs);
    counted.push(keys.client);
  }
  const byAccountClient = await hit(deps, keys.accountClient, SIGN_IN_RULES.accountClient);
  if (!byAccountClient.allowed) return refused(byAccountClient.retryAfterMs);
  counted.push(keys.accountClient);
  if (known) return allowed;

  // the account's free guesses of the hour are counted atomically; past them, its guesses are
  // counted whatever their number, so that the turns lengthen
  const free = await hit(deps, keys.account, SIGN_IN_RULES.account);
  const checked = free.allowed
    ? free.count
    : (await runCounter(
        deps,
        RateLimits.use((r) => r.count(keys.account, nowOf(deps))),
      )) + 1;
  // this client's own turn, set at its last guess: guesses from elsewhere cannot take it. A free
  // guess has no turn to wait for (a zero-length window shared by two instances whose clocks
  // differ by a millisecond could refuse it)
  const wait = turnAfter(checked);
  if (wait > 0) {
    const turn = await hit(deps, keys.turn, { limit: 1, windowMs: wait });
    if (!turn.allowed) {
      await release(free.allowed ? [keys.account, keys.accountClient] : [keys.accountClient]);
      return refused(turn.retryAfterMs);
    }
  }
  if (!free.allowed)
    await hit(deps, keys.account, { limit: UNLIMITED, windowMs: SIGN_IN_RULES.account.windowMs });
  counted.push(keys.account);
  return allowed;
};
