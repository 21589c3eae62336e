import type { Lang } from "@envol/domain";

/** What every route may read from the context. */
export interface AppEnv {
  Variables: { lang: Lang };
}
