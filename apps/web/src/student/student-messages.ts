import type { studentFr } from "./student.fr.ts";

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape of the `student` texts in every language: the French keys, any strings. */
export type StudentMessages = Strings<typeof studentFr>;
