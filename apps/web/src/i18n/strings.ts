/**
 * The shape of a texts object in every language: the same keys as the French one, any strings
 * (`typeof fr` has literal types; another language's texts only need the same tree).
 */
export type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
