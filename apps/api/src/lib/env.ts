import type { SessionView } from "@envol/db";
import type { Lang } from "@envol/domain";

/** What every route may read from the context. */
export interface AppEnv {
  Variables: {
    lang: Lang;
    /** The signed-in student or staff member, from the session cookie. */
    session?: SessionView;
    sessionToken?: string;
    /** A session cookie came but the database could not be asked whose it is. */
    sessionUnavailable?: boolean;
    /** The partner school, from its API key. */
    partnerId?: string;
  };
}
