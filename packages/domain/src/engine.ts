import type { IsoDate } from "./calendar-date.ts";
import { type CriterionResult, criterionResult } from "./conditions/criterion.ts";
import { evaluateCondition } from "./conditions/evaluation.ts";
import { type EvaluationContext, makeEvaluationContext } from "./evaluation-context.ts";
import { bestPlan, type PlanCandidate } from "./funding-plan.ts";
import { apportion, roundHalfUp } from "./money.ts";
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
}

/** An eligible scheme with an estimate: a peer in the plan. */
interface Eligible extends Evaluated {
  readonly peer: PlanPeer;
}

const isEligible = (e: Evaluated): e is Eligible => e.peer !== undefined;

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
  }
  const verdict: Verdict = criteria.some((r) => r.status === "unmet")
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
    criteria,
    missing: verdict === "ineligible" ? [] : [...missing],
    estimate,
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
  const peer: PlanPeer | undefined =
    verdict === "eligible" && draft && estimate
      ? {
          scheme: plugin.id,
          name: plugin.name,
          amountCents: estimate.totalCents,
          lines: draft.lines.map((l, i) => ({
            id: l.id,
            amountCents: estimate.lines[i]?.amountCents ?? 0,
            covers: l.covers,
          })),
        }
      : undefined;
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

const NO_PLAN: Plan = { items: [], totalCents: 0, excluded: [] };

const makePlan = (
  evaluated: readonly Evaluated[],
  ctx: EvaluationContext,
  registry: Registry,
  lang: Lang,
): Plan => {
  const eligible = evaluated.filter(isEligible);
  if (eligible.length === 0) return NO_PLAN;
  // every id the plan passes is an eligible scheme's
  const peersOf = (ids: readonly string[]) =>
    ids.flatMap((id) => eligible.find((e) => e.plugin.id === id)?.peer ?? []);
  const candidates: PlanCandidate[] = [];
  for (const e of eligible) {
    const peer = e.peer;
    if (peer.amountCents <= 0) continue;
    const inPlan = e.plugin.inPlan;
    candidates.push(
      inPlan
        ? {
            scheme: e.plugin.id,
            standaloneCents: peer.amountCents,
            share: (ids: readonly string[]) => {
              const s = inPlan(ctx, e.period, peersOf(ids));
              return { amountCents: roundHalfUp(s.amount), note: s.basis };
            },
          }
        : { scheme: e.plugin.id, standaloneCents: peer.amountCents },
    );
  }
  const choice = bestPlan(candidates, registry.exclusive);
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
  return { items, totalCents: choice.totalCents, excluded };
};

/**
 * Evaluates a situation against every scheme of the registry: verdicts with their reasons and
 * hints, standalone estimates, document checklists, and the best plan (ARCHITECTURE §2.5).
 * Pure and synchronous: the same situation, registry and date always give the same report.
 *
 * @example
 * const report = evaluate(situation, registry, { asOf: "2026-11-26", lang: "en" });
 * report.plan.totalCents // 451000 for the rulebook's first worked example
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
  const evaluated = registry.plugins.map((p) => evaluateScheme(p, ctx, lang));
  return {
    academicYear: ctx.academicYear,
    fundedDays: ctx.fundedDays,
    // whole km, rounded down
    distanceKm: ctx.distanceKm === undefined ? null : Math.floor(ctx.distanceKm),
    schemes: evaluated.map((e) => e.result),
    plan: makePlan(evaluated, ctx, registry, lang),
  };
};
