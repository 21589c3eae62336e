import { PluginOptionsInvalid } from "../errors.ts";

/**
 * The paths of the option issues `plugin.configure(options)` is refused with ([] when it
 * accepts them), so that a test can pass options its type would refuse.
 */
export const optionIssues = (
  plugin: { readonly configure: (options: never) => unknown },
  options: Record<string, unknown>,
): string[] => {
  try {
    plugin.configure(options as never);
  } catch (e) {
    if (e instanceof PluginOptionsInvalid) return e.issues.map((i) => i.path);
    throw e;
  }
  return [];
};

/** A scheme's criterion by id, failing the test when the scheme has none. */
export const criterionOf = <C extends { readonly id: string }>(
  scheme: { readonly criteria: readonly C[] },
  id: string,
): C => {
  const c = scheme.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
};
