import type { authFr } from "./auth.fr.ts";

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape of the `auth` texts in every language: the French keys, any strings. */
export type AuthMessages = Strings<typeof authFr>;
