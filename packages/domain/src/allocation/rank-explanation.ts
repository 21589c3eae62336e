import { formatInteger } from "../money.ts";
import type { Lang } from "../text.ts";
import type { Allocation } from "./allocate.ts";
import { formatOrdinal } from "./ordinal.ts";
import { type RuleValue, sayRuleValue } from "./priority-rules.ts";
import type { Ranking } from "./rank.ts";

/** Where one request stands in a call's allocation: what its explanation says. */
export interface RankStanding {
  readonly requestId: string;
  readonly rank: number;
  /** How many requests were ranked. */
  readonly total: number;
  /** The values it was ranked on, in the rules' order. */
  readonly values: readonly RuleValue[];
  readonly outcome:
    | { readonly kind: "funded"; readonly amountCents: number; readonly byHand: boolean }
    | { readonly kind: "waitlisted"; readonly position: number; readonly byHand: boolean };
  /** The allocation's cut-off (see {@link Allocation.lastFundedRank}). */
  readonly lastFundedRank: number | null;
}

/**
 * Every request's standing, by request id, from a ranking and the allocation made of it. O(n).
 *
 * @example standingsOf(ranking, allocation).get("r-12")
 */
export const standingsOf = (
  ranking: Ranking,
  allocation: Allocation,
): ReadonlyMap<string, RankStanding> => {
  const total = ranking.ranked.length;
  const { lastFundedRank } = allocation;
  const outcomes = new Map<string, RankStanding["outcome"]>();
  for (const f of allocation.funded)
    outcomes.set(f.requestId, { kind: "funded", amountCents: f.amountCents, byHand: f.byHand });
  for (const w of allocation.waitlisted)
    outcomes.set(w.requestId, { kind: "waitlisted", position: w.position, byHand: w.byHand });
  const standings = new Map<string, RankStanding>();
  for (const c of ranking.ranked) {
    const outcome = outcomes.get(c.requestId);
    if (outcome === undefined)
      throw new Error(`request ${c.requestId} is ranked but not allocated: another ranking's`);
    standings.set(c.requestId, {
      requestId: c.requestId,
      rank: c.rank,
      total,
      values: c.values,
      outcome,
      lastFundedRank,
    });
  }
  return standings;
};

const cutOff = (lastFundedRank: number | null, lang: Lang): string =>
  lastFundedRank === null
    ? { fr: "aucun dossier n'est retenu au classement", en: "no request is funded by rank" }[lang]
    : {
        fr: `le dernier dossier retenu est le ${formatOrdinal(lastFundedRank, "fr")}`,
        en: `the last request funded is ${formatOrdinal(lastFundedRank, "en")}`,
      }[lang];

/** What the student is told of her own outcome, when the rank and the cut-off do not say it. */
const outcomeClause = (outcome: RankStanding["outcome"], lang: Lang): string | undefined => {
  if (outcome.kind === "funded")
    return outcome.byHand
      ? {
          fr: "la DRI a retenu votre dossier hors classement",
          en: "the office funded your request outside the ranking",
        }[lang]
      : undefined;
  const position = formatOrdinal(outcome.position, lang);
  return outcome.byHand
    ? {
        fr: `la DRI a placé votre dossier sur la liste d'attente, où il est le ${position}`,
        en: `the office placed your request on the waitlist, where it is ${position}`,
      }[lang]
    : {
        fr: `votre dossier est le ${position} de la liste d'attente`,
        en: `your request is ${position} on the waitlist`,
      }[lang];
};

/**
 * A request's rank explained to its student (and in the office's ranked table): its rank out of
 * the total, the values of the call's rules, the last rank funded, and where it waits. A request
 * the office moved by hand says so, without the office's reason, which is kept for the audit
 * trail (ADR 017).
 *
 * @example
 * explainRank(standing, "fr")
 * // "12e sur 58 : échelon 5, quotient familial 8 400 € ; le dernier dossier retenu est le 40e."
 * explainRank(standing, "en")
 * // "12th of 58: CROUS échelon 5, family quotient €8,400; the last request funded is 40th."
 */
export const explainRank = (standing: RankStanding, lang: Lang): string => {
  const head = {
    fr: `${formatOrdinal(standing.rank, "fr")} sur ${formatInteger(standing.total, "fr")}\u00a0:`,
    en: `${formatOrdinal(standing.rank, "en")} of ${formatInteger(standing.total, "en")}:`,
  }[lang];
  const values = standing.values.map((v) => sayRuleValue(v, lang)).join(", ");
  const clauses = [
    `${head} ${values}`,
    cutOff(standing.lastFundedRank, lang),
    outcomeClause(standing.outcome, lang),
  ].filter((c) => c !== undefined);
  return `${clauses.join(lang === "fr" ? "\u00a0; " : "; ")}.`;
};
