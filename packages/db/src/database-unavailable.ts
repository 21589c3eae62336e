/**
 * Whether an error says the database cannot be reached right now (restarting, failing over,
 * dropped our connection, refusing connections), as opposed to a query that is wrong: the
 * former is a 503 the client may retry, the latter a defect. Drizzle wraps the driver's error
 * (`cause`); Effect wraps a rejected promise: the whole chain is looked at.
 */

/** PostgreSQL's classes 08 (connection exception) and 57P01-57P03 (shutdown, crash, starting). */
const SQLSTATES = /^(08\d\d\d|57P0[1-3])$/;

/** Node's socket errors when the server is down, unreachable or cut the connection. */
const SOCKET_ERRORS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** node-postgres says these in words only, without a code. */
const PG_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|Cannot use a pool after calling end/;

const MAX_DEPTH = 8;

export const isDatabaseUnavailable = (error: unknown): boolean => {
  let current = error;
  for (let depth = 0; depth < MAX_DEPTH && current; depth++) {
    if (typeof current !== "object") return false;
    const { code, message, cause } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (typeof code === "string" && (SQLSTATES.test(code) || SOCKET_ERRORS.has(code))) return true;
    if (typeof message === "string" && PG_MESSAGES.test(message)) return true;
    // a connection refused on each of a host's addresses (IPv4 and IPv6)
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable))
      return true;
    current = cause;
  }
  return false;
};
