/**
 * The best funding plan (rulebook §7): among the eligible schemes, the set with the highest
 * total in which no two are exclusive. Schemes whose amount depends on the others chosen (the
 * alumni aid) are computed last, from the others' lines. Ties: fewer schemes, then ids in
 * alphabetical order. Only schemes with a positive amount appear.
 *
 * The search is a branch and bound over the candidates sorted by standalone amount: a scheme's
 * amount in a plan never exceeds its standalone amount, so the standalone sum of what is left
 * bounds any completion.
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
  for (let i = 0; i < a.items.length; i++) {
    const x = (a.items[i] as PlanItem).scheme;
    const y = (b.items[i] as PlanItem).scheme;
    if (x !== y) return x < y;
  }
  return false;
};

const EMPTY: PlanChoice = { items: [], totalCents: 0 };

export const bestPlan = (
  candidates: readonly PlanCandidate[],
  exclusive: (a: string, b: string) => boolean,
): PlanChoice => {
  if (candidates.length <= 1) return planFor(candidates);
  const sorted = [...candidates].sort(
    (a, b) => b.standaloneCents - a.standaloneCents || (a.scheme < b.scheme ? -1 : 1),
  );
  const n = sorted.length;
  const suffix = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--)
    suffix[i] = (suffix[i + 1] as number) + (sorted[i] as PlanCandidate).standaloneCents;

  let best = EMPTY;
  const chosen: PlanCandidate[] = [];
  const search = (i: number, standaloneSum: number): void => {
    if (standaloneSum + (suffix[i] as number) < best.totalCents) return;
    if (i === n) {
      const plan = planFor(chosen);
      if (isBetterPlan(plan, best)) best = plan;
      return;
    }
    const c = sorted[i] as PlanCandidate;
    if (!chosen.some((o) => exclusive(o.scheme, c.scheme))) {
      chosen.push(c);
      search(i + 1, standaloneSum + c.standaloneCents);
      chosen.pop();
    }
    search(i + 1, standaloneSum);
  };
  search(0, 0);
  return best;
};
