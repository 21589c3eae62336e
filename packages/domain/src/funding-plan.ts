/**
 * The best funding plan (rulebook §7): among the eligible schemes, the set with the highest
 * total in which no two are exclusive. Schemes whose amount depends on the others chosen (the
 * alumni aid) are computed last, from the others' lines. Ties: fewer schemes, then ids in
 * alphabetical order. Only schemes with a positive amount appear.
 *
 * The search tries every set of candidates in which no two are exclusive: a registry holds a
 * handful of schemes, so there are at most a few dozen sets.
 */

export interface PlanCandidate {
  readonly scheme: string;
  /** The standalone estimate, in cents (positive). */
  readonly standaloneCents: number;
  /**
   * For a scheme whose amount depends on the others in the plan: its amount given the others
   * (clamped to 0 … standalone by the planner).
   */
  readonly share?: (peers: readonly string[]) => {
    readonly amountCents: number;
    readonly note?: string;
  };
}

export interface PlanItem {
  readonly scheme: string;
  readonly amountCents: number;
  readonly note?: string;
}

export interface PlanChoice {
  readonly items: readonly PlanItem[];
  readonly totalCents: number;
}

/** The amounts of a set of candidates chosen together: shares computed last, zero amounts dropped. */
export const planFor = (chosen: readonly PlanCandidate[]): PlanChoice => {
  const items: PlanItem[] = [];
  let totalCents = 0;
  for (const c of chosen) {
    let amountCents = c.standaloneCents;
    let note: string | undefined;
    if (c.share) {
      const peers = chosen.filter((o) => o !== c).map((o) => o.scheme);
      const s = c.share(peers);
      amountCents = Math.max(0, Math.min(c.standaloneCents, s.amountCents));
      if (amountCents !== c.standaloneCents) note = s.note;
    }
    if (amountCents > 0) {
      items.push(
        note === undefined
          ? { scheme: c.scheme, amountCents }
          : { scheme: c.scheme, amountCents, note },
      );
      totalCents += amountCents;
    }
  }
  items.sort((a, b) => (a.scheme < b.scheme ? -1 : a.scheme > b.scheme ? 1 : 0));
  return { items, totalCents };
};

/** Whether plan `a` is better than `b`: higher total, then fewer schemes, then ids alphabetically. */
export const isBetterPlan = (a: PlanChoice, b: PlanChoice): boolean => {
  if (a.totalCents !== b.totalCents) return a.totalCents > b.totalCents;
  if (a.items.length !== b.items.length) return a.items.length < b.items.length;
  // a space sorts before every character of a kebab-case id, so the joined ids compare as the
  // lists of ids do
  const x = a.items.map((i) => i.scheme).join(" ");
  const y = b.items.map((i) => i.scheme).join(" ");
  return x < y;
};

export const bestPlan = (
  candidates: readonly PlanCandidate[],
  exclusive: (a: string, b: string) => boolean,
): PlanChoice => {
  // a fixed order, highest amounts first: of two plans that tie on every rule, the same one is
  // kept whatever the order the candidates came in
  const sorted = [...candidates].sort(
    (a, b) => b.standaloneCents - a.standaloneCents || (a.scheme < b.scheme ? -1 : 1),
  );
  // the best plan made of `chosen` and some of `rest`: with the first of `rest` when it can be
  // added, unless the plan without it is strictly better
  const search = (chosen: readonly PlanCandidate[], rest: readonly PlanCandidate[]): PlanChoice => {
    const [c, ...others] = rest;
    if (c === undefined) return planFor(chosen);
    const without = search(chosen, others);
    if (chosen.some((o) => exclusive(o.scheme, c.scheme))) return without;
    const withIt = search([...chosen, c], others);
    return isBetterPlan(without, withIt) ? without : withIt;
  };
  return search([], sorted);
};
