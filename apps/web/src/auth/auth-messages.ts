import type { Strings } from "../i18n/strings.ts";
import type { authFr } from "./auth.fr.ts";

/** The shape of the `auth` texts in every language: the French keys, any strings. */
export type AuthMessages = Strings<typeof authFr>;
