/**
 * A value that changes with the Erasmus+ call year (country groups, travel bands): each
 * version applies from its call year until the next one.
 */
export interface Versioned<T> {
  readonly versions: readonly { readonly fromCall: number; readonly value: T }[];
  readonly at: (callYear: number) => T;
}

export const versioned = <T>(versions: readonly { fromCall: number; value: T }[]): Versioned<T> => {
  const sorted = [...versions].sort((a, b) => a.fromCall - b.fromCall);
  const first = sorted[0];
  if (!first) throw new Error("versioned: no version");
  return {
    versions: sorted,
    at: (callYear) => {
      let found = first.value;
      for (const v of sorted) if (v.fromCall <= callYear) found = v.value;
      return found;
    },
  };
};
