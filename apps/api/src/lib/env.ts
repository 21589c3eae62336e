import type { SessionView } from "@envol/db";
import type { Lang } from "@envol/domain";

/** What every route may read from the context. */
export interface AppEnv {
  Variables: {
    lang: Lang;
    /** The signed-in student or staff member, from the session cookie. */
    session?: SessionView;
    sessionToken?: string;
    /** The client's address (lib/client-address.ts); undefined for an in-process call. */
    clientAddress?: string;
    /** The partner school, from its API key. */
    partnerId?: string;
    /** Which of its API keys (a digest of it), for the key's rate limit. */
    partnerKey?: string;
  };
}
