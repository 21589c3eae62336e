import { RegistryInvalid } from "./errors.ts";
import type { PartnerLookup } from "./evaluation-context.ts";
import { type Fact, STANDARD_FACTS } from "./facts.ts";
import { KEBAB_CASE } from "./ids.ts";
import { type Institution, InstitutionSchema, type Partner } from "./institution.ts";
import type { ConfiguredPlugin } from "./plugin.ts";

/** The institution, its schemes and its partner catalogue: what the engine evaluates against. */
export interface Registry {
  readonly institution: Institution;
  readonly plugins: readonly ConfiguredPlugin[];
  readonly byId: ReadonlyMap<string, ConfiguredPlugin>;
  readonly partners: PartnerLookup;
  /**
   * Every fact a scheme's criteria may read, one per id: the domain's standard facts, then those
   * the plugins declare. Their `paths` are every situation field a report may list as missing.
   */
  readonly facts: readonly Fact[];
  /** Whether two schemes cannot be combined (either one names the other). */
  readonly exclusive: (a: string, b: string) => boolean;
}

/**
 * Builds the registry once, at start-up, and refuses a wrong one with every problem listed:
 * a duplicate or non-kebab-case plugin id, duplicate criterion ids, two different facts with one
 * id, an invalid institution.
 * (Whether each exclusivity names a registered scheme is the institution's check, `loadRegistry`:
 * a registry may hold a few schemes only, to evaluate one alone.)
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
  const facts = factsOf(input.plugins);
  problems.push(...facts.problems);
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
    facts: facts.facts,
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

/**
 * The standard facts, then each plugin's own, one per id: two plugins may share a fact (the
 * Erasmus family's), but two different facts with one id would leave a criterion reading the
 * wrong one.
 */
const factsOf = (
  plugins: readonly ConfiguredPlugin[],
): { readonly facts: readonly Fact[]; readonly problems: readonly string[] } => {
  const declared = [
    ...STANDARD_FACTS.map((fact) => ({ fact, owner: "the standard facts" })),
    ...plugins.flatMap((p) => p.facts.map((fact) => ({ fact, owner: `plugin "${p.id}"` }))),
  ];
  const byId = new Map<string, (typeof declared)[number]>();
  const problems: string[] = [];
  for (const d of declared) {
    const first = byId.get(d.fact.id);
    if (!first) byId.set(d.fact.id, d);
    else if (first.fact !== d.fact)
      problems.push(
        `${first.owner} and ${d.owner} define two different facts with the id "${d.fact.id}"`,
      );
  }
  return { facts: [...byId.values()].map((d) => d.fact), problems };
};
