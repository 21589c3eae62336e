import type { SessionView } from "@envol/db";
import type { Lang } from "@envol/domain";
import type { Logger } from "./logger.ts";

/** What every route may read from the context. */
export interface AppEnv {
  Variables: {
    lang: Lang;
    /** This request's id: the client's `X-Request-Id` when safe, else a new one. */
    requestId: string;
    /** The process's logger with this request's id on every line. */
    logger: Logger;
    /** The signed-in student or staff member, from the session cookie. */
    session?: SessionView;
    sessionToken?: string;
    /** The client's address (lib/client-address.ts); undefined for an in-process call. */
    clientAddress?: string;
    /** A session cookie came but the database could not be asked whose it is. */
    sessionUnavailable?: boolean;
    /**
     * This request's label in the metrics when no route pattern answers it: `web` for the web
     * app's pages (lib/metrics.ts).
     */
    metricsRoute?: string;
    /** The partner school, from its API key. */
    partnerId?: string;
    /** Which of its API keys (a digest of it), for the key's rate limit. */
    partnerKey?: string;
  };
}
