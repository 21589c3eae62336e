/**
 * The one spelling of an id, kebab-case: a scheme's, a criterion's, a partner's, an agreement's.
 * Its own module rather than the registry's: the institution's schemas need it and the registry
 * imports them, and the cycle would leave it undefined whenever the registry is loaded first.
 */
export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
