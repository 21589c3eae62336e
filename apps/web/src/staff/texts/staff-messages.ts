import type { staffFr } from "./staff.fr.ts";

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape of the back office's texts in every language: the French keys, any strings. */
export type StaffMessages = Strings<typeof staffFr>;
