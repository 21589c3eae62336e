/**
 * What-if (issue #15 point 3, ADR 020): the office changes a scheme's options and/or its
 * envelope in a scenario, and Envol re-evaluates every request of the year with them, old
 * against new: each request's amount, who the allocation funds, who enters or leaves it.
 *
 * Streamed: requests come in batches (`add`), each evaluated once under the old and once under
 * the new options and kept as a compact outcome (ids, cents, a few flags; the student's part of
 * the situation, for the ranking): never a report. `finish` ranks and allocates both sides
 * (`rank`, `allocate`, ADR 017) and summarises.
 *
 * @example
 * const whatIf = startWhatIf({ registry, base: registry.byId.get("idf")!, scenario, asOf,
 *   envelopes: { base: 50_000_000, scenario: 45_000_000 }, rules: ["crous-echelon"] });
 * for await (const batch of pages) whatIf.add(batch);
 * const { summary, rows } = whatIf.finish();
 * @module
 */
import { Result } from "effect";
import { allocate } from "../allocation/allocate.ts";
import type { AllocationCandidate, PriorityRules } from "../allocation/priority-rules.ts";
import { rank } from "../allocation/rank.ts";
import type { RequestState } from "../application-lifecycle.ts";
import type { IsoDate } from "../calendar-date.ts";
import { evaluateCondition } from "../conditions/evaluation.ts";
import { type EvaluationContext, makeEvaluationContext } from "../evaluation-context.ts";
import { apportion } from "../money.ts";
import type { ConfiguredPlugin } from "../plugin.ts";
import type { Registry } from "../registry.ts";
import type { Situation } from "../situation.ts";

/** A request of the scheme and year, as the what-if reads it. */
export interface WhatIfRequest {
  readonly requestId: string;
  readonly situation: Situation;
  readonly state: RequestState;
  /** When it was first submitted (an ISO instant); null for a request never submitted. */
  readonly submittedAt: string | null;
  /** The amount decided, for a request approved or further on. */
  readonly approvedCents: number | null;
}

/**
 * Decisions already taken keep their figures: their approved amount stays committed in both
 * the old and the new allocation, and they are not re-evaluated.
 */
export const DECIDED_STATES: readonly RequestState[] = [
  "approved",
  "agreed",
  "advance_paid",
  "completed",
];
/** The requests still to decide: re-evaluated under both options, ranked and allocated. */
export const PENDING_STATES: readonly RequestState[] = ["submitted", "under_review", "waitlisted"];

export interface WhatIfSetup {
  /** The institution and partner catalogue the situations are evaluated against. */
  readonly registry: Registry;
  /** The scheme as configured today. */
  readonly base: ConfiguredPlugin;
  /** The scheme with the scenario's options. */
  readonly scenario: ConfiguredPlugin;
  /** The scheme's envelope for the year today, and in the scenario: whole cents. */
  readonly envelopes: { readonly base: number; readonly scenario: number };
  /**
   * What the year's decisions hold in the envelope (the budget's committed cents), when known:
   * the allocation funds within the envelope less this, as a proposal does, since it also holds
   * what was paid on grants cancelled since. Without it, the decided requests' approved amounts.
   */
  readonly committedCents?: number | undefined;
  /** The call's priority rules; without them, the submission order (`submitted-at`). */
  readonly rules?: PriorityRules | undefined;
  readonly asOf: IsoDate;
  /** How many changed requests `finish` lists (default {@link WHAT_IF_ROW_LIMIT}). */
  readonly rowLimit?: number;
}

/** The default of {@link WhatIfSetup.rowLimit}: the rows past it are counted, not listed. */
export const WHAT_IF_ROW_LIMIT = 1_000;

/** One side of the comparison: the old options and envelope, or the scenario's. */
export interface WhatIfSide {
  readonly envelopeCents: number;
  /** What the decided requests hold of the envelope (the same on both sides). */
  readonly decidedCents: number;
  /** The decided requests' amounts plus every eligible pending request's estimate. */
  readonly demandCents: number;
  /** Pending requests eligible with these options. */
  readonly eligible: number;
  /** Students funded: the decided ones plus those the allocation funds. */
  readonly funded: number;
  readonly fundedCents: number;
  /** Eligible pending requests the envelope does not reach. */
  readonly waitlisted: number;
  /** The rank (among the eligible pending requests) of the last one funded; null when none. */
  readonly lastFundedRank: number | null;
}

export interface WhatIfSummary {
  /** Every request read, whatever its state. */
  readonly requests: number;
  readonly decided: number;
  readonly pending: number;
  /** Drafts, refusals, withdrawals and cancellations: read, not counted. */
  readonly other: number;
  /** Pending requests that could not be evaluated (a host no longer in the catalogue). */
  readonly unevaluated: number;
  readonly rules: PriorityRules;
  readonly base: WhatIfSide;
  readonly scenario: WhatIfSide;
  /** Funded in the scenario, not today. */
  readonly entering: number;
  /** Funded today, not in the scenario. */
  readonly leaving: number;
  /** Pending requests whose amount changes (eligibility included). */
  readonly amountChanged: number;
}

/** A pending request whose amount or funded status changes. */
export interface WhatIfRow {
  readonly requestId: string;
  /** Its amount with the old and the new options; null: not eligible. */
  readonly baseCents: number | null;
  readonly scenarioCents: number | null;
  readonly fundedBefore: boolean;
  readonly fundedAfter: boolean;
  /** Its rank among the eligible pending requests in the scenario (null: not eligible in it). */
  readonly scenarioRank: number | null;
}

export interface WhatIfResult {
  readonly summary: WhatIfSummary;
  /** The changed requests, in the scenario's rank order then the others, up to the row limit. */
  readonly rows: readonly WhatIfRow[];
  /** Changed requests not listed past the row limit. */
  readonly rowsOmitted: number;
}

/** What is kept of a pending request between `add` and `finish`. */
interface Outcome {
  readonly requestId: string;
  readonly submittedAt: string;
  /** Only what the priority rules read. */
  readonly situation: Situation;
  readonly baseCents: number | null;
  readonly scenarioCents: number | null;
}

/**
 * The amount a scheme grants the situation alone, or null when it is not (yet) eligible: the
 * engine's standalone estimate without its sentences (no reasons, hints or plan), what a
 * what-if and a ranked allocation need of each of thousands of requests.
 *
 * @example
 * amountAlone(registry.byId.get("idf")!, makeEvaluationContext(situation, registry.institution, registry.partners, asOf, "fr"))
 */
export const amountAlone = (plugin: ConfiguredPlugin, ctx: EvaluationContext): number | null => {
  const period = plugin.periodFor(ctx.situation.mobility.start);
  for (const c of period.criteria)
    if (evaluateCondition(c.condition, ctx).status !== "met") return null;
  // the engine's total: lines apportioned in whole cents, adding up to the total rounded once
  return apportion(plugin.estimate(ctx, period).lines.map((l) => l.amount)).reduce(
    (a, b) => a + b,
    0,
  );
};

const SUBMISSION_ORDER: PriorityRules = ["submitted-at"];

/**
 * Starts a what-if over one scheme and academic year: `add` each batch of requests as it is
 * read, then `finish`. Pure: the same requests and setup give the same result.
 */
export const startWhatIf = (setup: WhatIfSetup) => {
  const { registry, base, scenario, asOf } = setup;
  const rules = setup.rules ?? SUBMISSION_ORDER;
  const outcomes: Outcome[] = [];
  let requests = 0;
  let decided = 0;
  let decidedCents = 0;
  let other = 0;
  let unevaluated = 0;

  const add = (batch: readonly WhatIfRequest[]): number => {
    for (const r of batch) {
      requests++;
      if (DECIDED_STATES.includes(r.state)) {
        decided++;
        decidedCents += r.approvedCents ?? 0;
        continue;
      }
      if (!PENDING_STATES.includes(r.state) || r.submittedAt === null) {
        other++;
        continue;
      }
      let ctx: EvaluationContext;
      try {
        ctx = makeEvaluationContext(
          r.situation,
          registry.institution,
          registry.partners,
          asOf,
          "fr",
        );
      } catch {
        // UnknownPartner: a host since removed from the catalogue; counted, never guessed
        unevaluated++;
        continue;
      }
      outcomes.push({
        requestId: r.requestId,
        submittedAt: r.submittedAt,
        situation: { student: r.situation.student, mobility: r.situation.mobility } as Situation,
        baseCents: amountAlone(base, ctx),
        scenarioCents: amountAlone(scenario, ctx),
      });
    }
    return requests;
  };

  const side = (envelopeCents: number, pick: (o: Outcome) => number | null) => {
    const candidates: AllocationCandidate[] = [];
    let demand = decidedCents;
    for (const o of outcomes) {
      const amountCents = pick(o);
      if (amountCents === null) continue;
      demand += amountCents;
      candidates.push({
        requestId: o.requestId,
        situation: o.situation,
        submittedAt: o.submittedAt,
        amountCents,
      });
    }
    const ranking = Result.getOrThrow(rank(candidates, rules));
    const left = Math.max(0, envelopeCents - (setup.committedCents ?? decidedCents));
    const allocation = Result.getOrThrow(allocate(ranking, left, []));
    const summary: WhatIfSide = {
      envelopeCents,
      decidedCents,
      demandCents: demand,
      eligible: candidates.length,
      funded: decided + allocation.funded.length,
      fundedCents: decidedCents + allocation.totalFundedCents,
      waitlisted: allocation.waitlisted.length,
      lastFundedRank: allocation.lastFundedRank,
    };
    return {
      summary,
      funded: new Set(allocation.funded.map((f) => f.requestId)),
      ranks: new Map(ranking.ranked.map((c) => [c.requestId, c.rank])),
    };
  };

  const finish = (): WhatIfResult => {
    const before = side(setup.envelopes.base, (o) => o.baseCents);
    const after = side(setup.envelopes.scenario, (o) => o.scenarioCents);
    let entering = 0;
    let leaving = 0;
    let amountChanged = 0;
    const changed: WhatIfRow[] = [];
    for (const o of outcomes) {
      const fundedBefore = before.funded.has(o.requestId);
      const fundedAfter = after.funded.has(o.requestId);
      if (fundedAfter && !fundedBefore) entering++;
      if (fundedBefore && !fundedAfter) leaving++;
      if (o.baseCents !== o.scenarioCents) amountChanged++;
      if (o.baseCents === o.scenarioCents && fundedBefore === fundedAfter) continue;
      changed.push({
        requestId: o.requestId,
        baseCents: o.baseCents,
        scenarioCents: o.scenarioCents,
        fundedBefore,
        fundedAfter,
        scenarioRank: after.ranks.get(o.requestId) ?? null,
      });
    }
    const order = (r: WhatIfRow) => r.scenarioRank ?? Number.POSITIVE_INFINITY;
    changed.sort((a, b) => order(a) - order(b) || (a.requestId < b.requestId ? -1 : 1));
    const limit = setup.rowLimit ?? WHAT_IF_ROW_LIMIT;
    return {
      summary: {
        requests,
        decided,
        pending: outcomes.length + unevaluated,
        other,
        unevaluated,
        rules,
        base: before.summary,
        scenario: after.summary,
        entering,
        leaving,
        amountChanged,
      },
      rows: changed.slice(0, limit),
      rowsOmitted: Math.max(0, changed.length - limit),
    };
  };

  return { add, finish };
};

/**
 * Runs a what-if over batches as they come (a database cursor's pages), telling `progress` the
 * requests read so far after each batch.
 */
export const runWhatIf = async (
  setup: WhatIfSetup,
  batches: AsyncIterable<readonly WhatIfRequest[]> | Iterable<readonly WhatIfRequest[]>,
  progress: (done: number) => void = () => {},
): Promise<WhatIfResult> => {
  const whatIf = startWhatIf(setup);
  for await (const batch of batches) progress(whatIf.add(batch));
  return whatIf.finish();
};
