/**
 * Whether an address's `$scheme` can be a scheme's id: a plugin's id is a kebab-case word
 * (`docs/plugins.md`). Anything else (`../staff/queue?x=`, `erasmus?a=`) is "no such grant",
 * said by the page without asking the API: the id goes into the API's path.
 */
export const isSchemeId = (id: string): boolean => /^[a-z0-9-]{1,64}$/.test(id);
