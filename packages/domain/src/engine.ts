import type { IsoDate } from "./calendar-date.ts";
import { type CriterionResult, criterionResult } from "./conditions/criterion.ts";
import { evaluateCondition } from "./conditions/evaluation.ts";
import { type EvaluationContext, makeEvaluationContext } from "./evaluation-context.ts";
import { favourableSituations } from "./favourable-answers.ts";
import { bestPlan, type PlanCandidate } from "./funding-plan.ts";
import { apportion, roundHalfUp } from "./money.ts";
import { PARTICIPANT_CRITERION } from "./participant-criterion.ts";
import type { ConfiguredPeriod, ConfiguredPlugin, EstimateDraft, PlanPeer } from "./plugin.ts";
import type { Registry } from "./registry.ts";
import type {
  Estimate,
  Plan,
  SchemeResult,
  SimulationReport,
  Verdict,
} from "./simulation-report.ts";
import type { Situation } from "./situation.ts";
import type { Lang } from "./text.ts";

export interface EvaluateOptions {
  /** The evaluation date; the situation's own `asOf` wins when it has one. Never the wall clock. */
  readonly asOf: IsoDate;
  readonly lang?: Lang;
}

const finishEstimate = (draft: EstimateDraft, lang: Lang): Estimate => {
  const amounts = draft.lines.map((l) => l.amount);
  // lines shown in whole cents that add up to the total, itself rounded once
  const lineCents = apportion(amounts);
  return {
    // apportioned lines add up to the total rounded once, by construction
    totalCents: lineCents.reduce((a, b) => a + b, 0),
    lines: draft.lines.map((l, i) => ({
      id: l.id,
      label: l.label[lang],
      amountCents: lineCents[i] ?? 0,
      basis: l.basis,
    })),
    confidence: draft.confidence,
    notes: draft.notes ? [...draft.notes] : [],
  };
};

interface Evaluated {
  readonly plugin: ConfiguredPlugin;
  /** The parameter period in force for the stay, looked up once: the plan weighs many shares. */
  readonly period: ConfiguredPeriod;
  readonly result: SchemeResult;
  readonly peer: PlanPeer | undefined;
  /**
   * How the scheme would be seen in each favourable situation (in their order): undefined where
   * a criterion fails there. Estimated once, for its "up to" and for the plan's.
   */
  readonly atMost?: readonly (PlanPeer | undefined)[];
}

/** An eligible scheme with an estimate: a peer in the plan. */
interface Eligible extends Evaluated {
  readonly peer: PlanPeer;
}

const isEligible = (e: Evaluated): e is Eligible => e.peer !== undefined;

/**
 * Whether a criterion's hint could turn the answer: the question to answer while nothing fails,
 * the one change that would meet the only failing criterion; with another criterion failing,
 * neither would.
 */
const turns = (r: CriterionResult, unmet: number): boolean =>
  r.status === "unknown" ? unmet === 0 : unmet === 1;

/** A scheme as the others of a plan see it: its amount and its lines with what they cover. */
const peerOf = (plugin: ConfiguredPlugin, draft: EstimateDraft, estimate: Estimate): PlanPeer => ({
  scheme: plugin.id,
  name: plugin.name,
  amountCents: estimate.totalCents,
  lines: draft.lines.map((l, i) => ({
    id: l.id,
    amountCents: estimate.lines[i]?.amountCents ?? 0,
    covers: l.covers,
  })),
});

const evaluateScheme = (
  plugin: ConfiguredPlugin,
  ctx: EvaluationContext,
  lang: Lang,
): Evaluated => {
  const period = plugin.periodFor(ctx.situation.mobility.start);
  const name = plugin.name[lang];
  const criteria: CriterionResult[] = [];
  // the situation fields that would decide the unknown criteria
  const missing = new Set<string>();
  for (const c of period.criteria) {
    const e = evaluateCondition(c.condition, ctx);
    if (e.kind === "unknown") for (const path of e.missing) missing.add(path);
    criteria.push(criterionResult(c, e, lang, name));
    // a scheme for the other kind of participant says that alone: its other rules are not theirs
    if (c.id === PARTICIPANT_CRITERION && e.status === "unmet") break;
  }
  const unmet = criteria.filter((r) => r.status === "unmet").length;
  const verdict: Verdict =
    unmet > 0
      ? "ineligible"
      : criteria.some((r) => r.status === "unknown")
        ? "incomplete"
        : "eligible";
  const draft = verdict === "ineligible" ? undefined : plugin.estimate(ctx, period);
  const estimate = draft ? finishEstimate(draft, lang) : null;
  const result: SchemeResult = {
    scheme: plugin.id,
    name,
    verdict,
    criteria: criteria.map((r) => (r.hint === null || turns(r, unmet) ? r : { ...r, hint: null })),
    missing: verdict === "ineligible" ? [] : [...missing],
    estimate,
    upToCents: null,
    // the checklist is for schemes one can apply to
    documents:
      verdict === "ineligible"
        ? []
        : plugin.documents(ctx, period).map((d) => ({
            id: d.id,
            label: d.label[lang],
            due: d.due ?? "before-departure",
          })),
  };
  // only an eligible scheme enters the plan
  const peer =
    verdict === "eligible" && draft && estimate ? peerOf(plugin, draft, estimate) : undefined;
  return { plugin, period, result, peer };
};

const EXCLUDED = {
  fr: {
    exclusive: (names: string) =>
      `Non cumulable avec ${names}, retenue pour un total au moins aussi élevé.`,
    nothing: "N'apporte rien de plus une fois les autres aides comptées.",
    zero: "Aucun montant pour ce séjour.",
    lower: "Donnerait un total plus faible.",
  },
  en: {
    exclusive: (names: string) =>
      `Cannot be combined with ${names}, chosen for a total at least as high.`,
    nothing: "Adds nothing once the other grants are counted.",
    zero: "No amount for this stay.",
    lower: "Would give a lower total.",
  },
} as const;

/**
 * How a scheme not ruled out would be seen in each situation in which every open question that
 * moves an amount is answered at its most favourable (favourable-answers.ts): undefined where a
 * criterion fails there.
 */
const seenAtMost = (
  e: Evaluated,
  favourable: readonly EvaluationContext[],
  lang: Lang,
): readonly (PlanPeer | undefined)[] =>
  favourable.map((ctx) => {
    const ruledOut = e.period.criteria.some(
      (c) => evaluateCondition(c.condition, ctx).status === "unmet",
    );
    if (ruledOut) return undefined;
    const draft = e.plugin.estimate(ctx, e.period);
    return peerOf(e.plugin, draft, finishEstimate(draft, lang));
  });

/**
 * The most a scheme not ruled out could give: its estimate in the favourable situations where
 * no criterion fails, never less than its estimate as things stand. Null for an eligible scheme
 * that no open question could raise: its amount is settled.
 */
const upToOf = (e: Evaluated, atMost: readonly (PlanPeer | undefined)[]): number | null => {
  const estimate = e.result.estimate?.totalCents ?? 0;
  const most = Math.max(estimate, ...atMost.map((peer) => peer?.amountCents ?? 0));
  return e.result.verdict === "eligible" && most === estimate ? null : most;
};

/** The schemes with their upper bound and how they are seen at most, for those not ruled out. */
const withUpperBounds = (
  evaluated: readonly Evaluated[],
  favourable: readonly EvaluationContext[],
  lang: Lang,
): readonly Evaluated[] =>
  evaluated.map((e) => {
    if (e.result.verdict === "ineligible") return e;
    const atMost = seenAtMost(e, favourable, lang);
    return { ...e, atMost, result: { ...e.result, upToCents: upToOf(e, atMost) } };
  });

/** A scheme in a plan being weighed: its period, for its share, and how the others see it. */
interface Member {
  readonly plugin: ConfiguredPlugin;
  readonly period: ConfiguredPeriod;
  readonly peer: PlanPeer;
}

/**
 * The plan's candidates in `ctx`: every member with an amount, with its share of a plan when
 * it depends on the others chosen (`inPlan`, the alumni aid subtracting the travel they pay).
 */
const candidatesOf = (members: readonly Member[], ctx: EvaluationContext): PlanCandidate[] => {
  // every id the plan passes is a member's
  const peersOf = (ids: readonly string[]) =>
    ids.flatMap((id) => members.find((m) => m.plugin.id === id)?.peer ?? []);
  return members
    .filter((m) => m.peer.amountCents > 0)
    .map(({ plugin, period, peer }) => {
      const inPlan = plugin.inPlan;
      return inPlan
        ? {
            scheme: plugin.id,
            standaloneCents: peer.amountCents,
            share: (ids: readonly string[]) => {
              const s = inPlan(ctx, period, peersOf(ids));
              return { amountCents: roundHalfUp(s.amount), note: s.basis };
            },
          }
        : { scheme: plugin.id, standaloneCents: peer.amountCents };
    });
};

/**
 * The best plan the open questions could still lead to: in each favourable situation (every
 * open question that moves an amount answered at its most), the schemes not ruled out there,
 * each with its amount there, weighed together — so that a share computed from the others (the
 * alumni aid after their travel) is computed from what they would pay in that same situation.
 */
const mostPlan = (
  evaluated: readonly Evaluated[],
  favourable: readonly EvaluationContext[],
  registry: Registry,
) => {
  let most: ReturnType<typeof bestPlan> | undefined;
  favourable.forEach((ctx, i) => {
    const members = evaluated.flatMap((e): Member[] => {
      const peer = e.atMost?.[i];
      return peer ? [{ plugin: e.plugin, period: e.period, peer }] : [];
    });
    const plan = bestPlan(candidatesOf(members, ctx), registry.exclusive);
    if (!most || plan.totalCents > most.totalCents) most = plan;
  });
  return most;
};

const makePlan = (
  evaluated: readonly Evaluated[],
  ctx: EvaluationContext,
  favourable: readonly EvaluationContext[],
  registry: Registry,
  lang: Lang,
): Plan => {
  const eligible = evaluated.filter(isEligible);
  const choice = bestPlan(candidatesOf(eligible, ctx), registry.exclusive);
  // the schemes whose amount is still open, at their most in the plan they could be part of
  const pending = new Set(
    evaluated.flatMap((e) =>
      e.result.upToCents !== null && e.result.upToCents > 0 ? [e.plugin.id] : [],
    ),
  );
  const most = pending.size > 0 ? mostPlan(evaluated, favourable, registry) : undefined;
  const upTo: Plan["upTo"] = most
    ? {
        items: most.items.map((i) => ({
          scheme: i.scheme,
          amountCents: i.amountCents,
          pending: pending.has(i.scheme),
        })),
        totalCents: most.totalCents,
      }
    : null;
  const inChoice = (id: string) => choice.items.find((i) => i.scheme === id);
  const words = EXCLUDED[lang];
  const items: Plan["items"] = [];
  const excluded: Plan["excluded"] = [];
  // in the registry's order, as the schemes are listed
  for (const e of eligible) {
    const item = inChoice(e.plugin.id);
    if (item) {
      items.push(item);
      continue;
    }
    const blockers = choice.items.filter((i) => registry.exclusive(i.scheme, e.plugin.id));
    const reason =
      blockers.length > 0
        ? words.exclusive(
            blockers.map((b) => registry.byId.get(b.scheme)?.name[lang] ?? b.scheme).join(", "),
          )
        : e.peer.amountCents <= 0
          ? words.zero
          : e.plugin.inPlan
            ? words.nothing
            : words.lower;
    excluded.push({ scheme: e.plugin.id, reason });
  }
  return { items, totalCents: choice.totalCents, excluded, upTo };
};

/**
 * Evaluates a situation against every scheme of the registry: verdicts with their reasons and
 * hints, standalone estimates, document checklists, and the best plan (ARCHITECTURE §2.5).
 * Pure and synchronous: the same situation, registry and date always give the same report.
 *
 * @example
 * const report = evaluate(situation, registry, { asOf: "2026-11-26", lang: "en" });
 * report.plan.totalCents // 463000 for the rulebook's first worked example
 * @throws UnknownPartner when the situation names a partner the catalogue does not have
 */
export const evaluate = (
  situation: Situation,
  registry: Registry,
  options: EvaluateOptions,
): SimulationReport => {
  const lang = options.lang ?? "fr";
  const ctx = makeEvaluationContext(
    situation,
    registry.institution,
    registry.partners,
    situation.asOf ?? options.asOf,
    lang,
  );
  const alone = registry.plugins.map((p) => evaluateScheme(p, ctx, lang));
  // what the open questions could bring, unless every scheme is ruled out already
  const favourable = alone.every((e) => e.result.verdict === "ineligible")
    ? []
    : favourableSituations(situation).map((s) =>
        makeEvaluationContext(s, registry.institution, registry.partners, ctx.asOf, lang),
      );
  const evaluated = withUpperBounds(alone, favourable, lang);
  return {
    academicYear: ctx.academicYear,
    fundedDays: ctx.fundedDays,
    // whole km, rounded down
    distanceKm: ctx.distanceKm === undefined ? null : Math.floor(ctx.distanceKm),
    schemes: evaluated.map((e) => e.result),
    plan: makePlan(evaluated, ctx, favourable, registry, lang),
  };
};
