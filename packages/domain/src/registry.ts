import { RegistryInvalid } from "./errors.ts";
import type { PartnerLookup } from "./evaluation-context.ts";
import { KEBAB_CASE } from "./ids.ts";
import { type Institution, InstitutionSchema, type Partner } from "./institution.ts";
import type { ConfiguredPlugin } from "./plugin.ts";

/** The institution, its schemes and its partner catalogue: what the engine evaluates against. */
export interface Registry {
  readonly institution: Institution;
  readonly plugins: readonly ConfiguredPlugin[];
  readonly byId: ReadonlyMap<string, ConfiguredPlugin>;
  readonly partners: PartnerLookup;
  /** Whether two schemes cannot be combined (either one names the other). */
  readonly exclusive: (a: string, b: string) => boolean;
}

/**
 * Builds the registry once, at start-up, and refuses a wrong one with every problem listed:
 * a duplicate or non-kebab-case plugin id, duplicate criterion ids, an invalid institution.
 *
 * @throws RegistryInvalid
 */
export const createRegistry = (input: {
  institution: Institution;
  plugins: readonly ConfiguredPlugin[];
  partners: readonly Partner[] | PartnerLookup;
}): Registry => {
  const problems: string[] = [];
  const institution = InstitutionSchema.safeParse(input.institution);
  if (!institution.success) {
    for (const i of institution.error.issues)
      problems.push(`institution.${i.path.join(".")}: ${i.message}`);
  }
  const byId = new Map<string, ConfiguredPlugin>();
  for (const p of input.plugins) {
    if (!KEBAB_CASE.test(p.id)) problems.push(`plugin id "${p.id}" must be kebab-case`);
    if (byId.has(p.id)) problems.push(`two plugins have the id "${p.id}"`);
    byId.set(p.id, p);
    for (const period of p.periods) {
      const seen = new Set<string>();
      for (const c of period.criteria) {
        if (seen.has(c.id))
          problems.push(`plugin "${p.id}" has two criteria with the id "${c.id}"`);
        seen.add(c.id);
      }
    }
    if (p.periods.length === 0) problems.push(`plugin "${p.id}" has no parameter period`);
  }
  if (problems.length > 0) throw new RegistryInvalid({ problems });

  const pairs = exclusivePairs(input.plugins);
  let partners: PartnerLookup;
  if (typeof input.partners === "function") partners = input.partners;
  else {
    const map = new Map(input.partners.map((x) => [x.id, x]));
    partners = (id) => map.get(id);
  }
  return {
    institution: input.institution,
    plugins: input.plugins,
    byId,
    partners,
    exclusive: (a, b) => pairs.get(a)?.has(b) ?? false,
  };
};

/**
 * Which schemes each scheme cannot be combined with, both ways round (either one naming the
 * other is enough). Built once: the plan's search asks for every pair it weighs.
 */
const exclusivePairs = (
  plugins: readonly ConfiguredPlugin[],
): ReadonlyMap<string, ReadonlySet<string>> => {
  const pairs = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let others = pairs.get(a);
    if (!others) {
      others = new Set();
      pairs.set(a, others);
    }
    others.add(b);
  };
  for (const p of plugins) {
    for (const other of p.exclusive) {
      add(p.id, other);
      add(other, p.id);
    }
  }
  return pairs;
};
