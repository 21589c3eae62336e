import { Data, Result } from "effect";
import {
  type ActionInput,
  type Actor,
  COMMITTED_STATES,
  ENDED_STATES,
  type LifecycleError,
  type MoneyMovement,
  type RequestSnapshot,
  type RequestState,
  transition,
} from "../application-lifecycle.ts";
import { agreementTerms, agreementText, defaultAdvanceCents } from "../grant-agreement.ts";
import { formatLongDate } from "../long-date.ts";
import { formatMoney } from "../money.ts";
import type { Verdict } from "../simulation-report.ts";
import { joinWords, type Lang, type Text } from "../text.ts";
import type { LedgerLine } from "./ledger-explanation.ts";
import { envelopeChangeOf, type MovePlan, type PlannedLedgerEntry } from "./move-plan.ts";
import { PaymentChanged } from "./payment-changed.ts";

/** What a decision says; the planner adds what the request and its envelope know. */
export type Decision =
  | { readonly action: "submit" }
  | { readonly action: "start-review" }
  /**
   * The amount defaults to the scheme's estimate today ({@link defaultApprovalCents}). An approval
   * the rules would refuse (see {@link OverrideRequired}) needs the office's override, with why.
   */
  | {
      readonly action: "approve" | "promote";
      readonly amountCents?: number;
      readonly override?: Override;
    }
  | { readonly action: "reject"; readonly reason: string }
  | { readonly action: "waitlist"; readonly reason?: string }
  | { readonly action: "sign-agreement" }
  /**
   * The amount defaults to the scheme's advance share of the approved amount. A payment may
   * bind the amount the office was shown (`expectedCents`): another is refused
   * ({@link PaymentChanged}).
   */
  | {
      readonly action: "pay-advance";
      readonly amountCents?: number;
      readonly expectedCents?: number;
    }
  | { readonly action: "complete"; readonly expectedCents?: number }
  | { readonly action: "withdraw"; readonly reason?: string }
  | { readonly action: "cancel"; readonly reason: string };

/** The kinds of ground an approval may need an override for (see {@link OverrideGround}). */
export const OVERRIDE_GROUND_KINDS = ["exclusive", "not-eligible", "above-estimate"] as const;
export type OverrideGroundKind = (typeof OVERRIDE_GROUND_KINDS)[number];

/**
 * The office's explicit decision to approve what the rules would refuse, and why: it names the
 * grounds it accepts (those the clerk was shown), and covers those only.
 *
 * @example { reason: "Cumul voté en jury", grounds: ["exclusive"] }
 */
export interface Override {
  readonly reason: string;
  readonly grounds: readonly OverrideGroundKind[];
}

/** Another grant of the student, committed: what an approval could not be combined with. */
export interface OtherGrant {
  readonly requestId: string;
  readonly scheme: string;
  readonly schemeName: Text;
  readonly state: RequestState;
  /** Its stay's planned dates (ISO). */
  readonly start: string;
  readonly end: string;
}

/** Why an approval needs an override. */
export type OverrideGround =
  /** An exclusive scheme's grant is already committed for an overlapping stay. */
  | {
      readonly kind: "exclusive";
      readonly requestId: string;
      readonly scheme: string;
      readonly schemeName: Text;
      /** The other grant's stay, planned dates (ISO). */
      readonly start: string;
      readonly end: string;
    }
  /** The scheme does not find the stay eligible today. */
  | { readonly kind: "not-eligible"; readonly verdict: Verdict }
  /** The amount is above the scheme's estimate for the stay today (null: it gives none). */
  | {
      readonly kind: "above-estimate";
      readonly amountCents: number;
      readonly estimateCents: number | null;
    };

/** A request as a decision finds it, with its money. */
export interface DecisionState {
  readonly request: RequestSnapshot;
  readonly schemeName: Text;
  /**
   * The standalone estimate made when the student applied: what an approval defaults to only
   * when the scheme gives none today (`defaultApprovalCents`).
   */
  readonly estimatedCents: number | null;
  /** The scheme's advance, in percent of the approved amount: what an advance defaults to. */
  readonly advancePercent: number;
  /** The envelope less what is committed against it: what can still be approved. */
  readonly budgetRemainingCents: number;
  /**
   * What the scheme says of the stay today, on the current rules: its verdict and estimate.
   * Only an approval (or a promotion) weighs it: the repository evaluates it for those only.
   */
  readonly today?: { readonly verdict: Verdict; readonly estimateCents: number | null };
  /** The request's stay, planned dates (ISO). */
  readonly stay: { readonly start: string; readonly end: string };
  /** The schemes this one cannot be combined with. */
  readonly exclusiveWith: readonly string[];
  /** The student's other requests (any state: the planner keeps the committed ones). */
  readonly otherGrants: readonly OtherGrant[];
}

const groundText = (ground: OverrideGround, lang: Lang): string => {
  switch (ground.kind) {
    case "exclusive":
      return {
        fr: `la bourse ${ground.schemeName.fr} est déjà accordée pour le séjour du ${formatLongDate(ground.start, "fr")} au ${formatLongDate(ground.end, "fr")}, qui chevauche celui-ci, et les deux ne se cumulent pas`,
        en: `the ${ground.schemeName.en} grant is already granted for the stay from ${formatLongDate(ground.start, "en")} to ${formatLongDate(ground.end, "en")}, which overlaps this one, and the two do not combine`,
      }[lang];
    case "not-eligible":
      return {
        fr: `le dispositif ne juge pas ce séjour éligible aujourd'hui (verdict : ${{ ineligible: "non éligible", incomplete: "incomplet", eligible: "éligible" }[ground.verdict]})`,
        en: `the scheme does not find this stay eligible today (verdict: ${ground.verdict})`,
      }[lang];
    case "above-estimate": {
      const amount = formatMoney(ground.amountCents, lang);
      if (ground.estimateCents === null)
        return {
          fr: `le dispositif ne donne pas d'estimation pour ce séjour, et ${amount} sont demandés`,
          en: `the scheme gives no estimate for this stay, and ${amount} was asked`,
        }[lang];
      const estimate = formatMoney(ground.estimateCents, lang);
      return {
        fr: `le montant de ${amount} dépasse l'estimation du dispositif, ${estimate}`,
        en: `the amount of ${amount} is above the scheme's estimate, ${estimate}`,
      }[lang];
    }
  }
};

/**
 * An approval the rules would refuse — an exclusive grant already committed for an overlapping
 * stay, a scheme that does not find the stay eligible today, an amount above its estimate —
 * without the office's override and its reason.
 */
export class OverrideRequired extends Data.TaggedError("OverrideRequired")<{
  readonly requestId: string;
  readonly scheme: string;
  readonly grounds: readonly OverrideGround[];
}> {
  override get message(): string {
    return `approving request ${this.requestId} needs an override: ${this.grounds.map((g) => groundText(g, "en")).join("; ")}`;
  }

  explain(lang: Lang): string {
    const grounds = joinWords(
      this.grounds.map((g) => groundText(g, lang)),
      lang,
      "and",
    );
    return {
      fr: `Cette demande ne peut être accordée qu'avec une dérogation motivée : ${grounds}.`,
      en: `This request can only be approved with an override and its reason: ${grounds}.`,
    }[lang];
  }
}

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  a.start <= b.end && b.start <= a.end;

/** Why approving `amountCents` on the request needs an override; none when it does not. */
export const overrideGroundsOf = (state: DecisionState, amountCents: number): OverrideGround[] => {
  const grounds: OverrideGround[] = state.otherGrants
    .filter(
      (g) =>
        g.requestId !== state.request.id &&
        COMMITTED_STATES.has(g.state) &&
        state.exclusiveWith.includes(g.scheme) &&
        overlaps(g, state.stay),
    )
    .map((g) => ({
      kind: "exclusive",
      requestId: g.requestId,
      scheme: g.scheme,
      schemeName: g.schemeName,
      start: g.start,
      end: g.end,
    }));
  const { today } = state;
  // a repository that plans an approval without today's verdict is a defect, not a refusal
  if (!today) throw new Error(`approving request ${state.request.id} needs today's verdict`);
  if (today.verdict !== "eligible") grounds.push({ kind: "not-eligible", verdict: today.verdict });
  else if (today.estimateCents === null || amountCents > today.estimateCents)
    grounds.push({ kind: "above-estimate", amountCents, estimateCents: today.estimateCents });
  return grounds;
};

export interface DecisionPlan extends MovePlan {
  /** The request after the decision. */
  readonly request: RequestSnapshot;
  /** The decision approves the request: the repository stamps the approval's date and options. */
  readonly approves: boolean;
  /**
   * The decision reads or changes the scheme's envelope: the repository locks it (and finds it
   * missing) before planning again with what it has left.
   */
  readonly usesEnvelope: boolean;
}

/**
 * What the student signs, kept in the signature's audit event: the amounts and the text in both
 * languages, so that what was signed can be shown later whatever the rules or figures become.
 */
const signedAgreement = (state: DecisionState) => {
  const terms = agreementTerms({
    schemeName: state.schemeName,
    approvedCents: state.request.approvedCents ?? 0,
    advancePercent: state.advancePercent,
    start: state.stay.start,
    end: state.stay.end,
  });
  return {
    approvedCents: terms.approvedCents,
    advancePercent: terms.advancePercent,
    advanceCents: terms.advanceCents,
    balanceCents: terms.balanceCents,
    start: terms.start,
    end: terms.end,
    text: { fr: agreementText(terms, "fr"), en: agreementText(terms, "en") },
  };
};

/**
 * What an approval or a promotion grants when it names no amount: the scheme's estimate today
 * (the rules in force for the stay's start, as the allocation funds it, ADR 020), else — the
 * scheme finds the stay ineligible today or gives no estimate, an override being needed anyway —
 * the estimate made when the student sent the request. The office's form proposes the same.
 */
export const defaultApprovalCents = (
  state: Pick<DecisionState, "estimatedCents" | "today">,
): number | null =>
  state.today?.verdict === "eligible" && state.today.estimateCents !== null
    ? state.today.estimateCents
    : state.estimatedCents;

const inputOf = (state: DecisionState, decision: Decision): ActionInput => {
  switch (decision.action) {
    case "approve":
    case "promote":
      return {
        action: decision.action,
        amountCents: decision.amountCents ?? defaultApprovalCents(state) ?? 0,
        budgetRemainingCents: state.budgetRemainingCents,
      };
    case "pay-advance":
      return {
        action: "pay-advance",
        amountCents:
          decision.amountCents ??
          defaultAdvanceCents(state.request.approvedCents ?? 0, state.advancePercent),
      };
    default:
      return decision;
  }
};

const entryOf = (m: MoneyMovement, decision: Decision): PlannedLedgerEntry => {
  const params = { action: decision.action };
  const entry = (
    kind: PlannedLedgerEntry["kind"],
    amountCents: number,
    instalment: PlannedLedgerEntry["instalment"],
    key: "commitment" | "release" | "advance",
  ): PlannedLedgerEntry => ({
    kind,
    amountCents,
    instalment,
    explanation: [{ key, amountCents, params } satisfies LedgerLine],
  });
  switch (m.kind) {
    case "commit":
      return entry("commitment", m.cents, null, "commitment");
    case "release":
      return entry("release", -m.cents, null, "release");
    case "payment":
      return entry("payment", m.cents, m.instalment, "advance");
  }
};

/**
 * Plans a decision on a request: the lifecycle's transition (ARCHITECTURE §2.6) with the money
 * it moves as ledger entries, the balance when the grant is settled (what it comes to less what
 * was paid; negative, to pay back), the audit event and the student's message. Or why it
 * cannot be taken.
 *
 * @example
 * planDecision(state, { action: "approve" }, { kind: "staff", userId: "u1" }, "2026-11-26T10:00:00Z")
 */
export const planDecision = (
  state: DecisionState,
  decision: Decision,
  actor: Actor,
  at: string,
): Result.Result<DecisionPlan, LifecycleError | OverrideRequired | PaymentChanged> => {
  const input = inputOf(state, decision);
  const result = transition(state.request, input, actor, at);
  if (Result.isFailure(result)) return Result.fail(result.failure);
  const { request: next, event, money } = result.success;
  const approves = decision.action === "approve" || decision.action === "promote";
  const grounds =
    input.action === "approve" || input.action === "promote"
      ? overrideGroundsOf(state, input.amountCents)
      : [];
  const override = approves && "override" in decision ? decision.override : undefined;
  // an override covers the grounds the office named, never one it was not shown
  const unaccepted = grounds.filter((g) => !override?.grounds.includes(g.kind));
  if (unaccepted.length > 0)
    return Result.fail(
      new OverrideRequired({
        requestId: state.request.id,
        scheme: state.request.scheme,
        grounds: unaccepted,
      }),
    );
  // the override is kept only when it overrode something: its reason and what it overrode
  const overridden = grounds.length > 0 && override ? { reason: override.reason, grounds } : null;
  const signed = decision.action === "sign-agreement" ? signedAgreement(state) : null;

  const ledger = money.map((m) => entryOf(m, decision));
  // an ended grant that was paid: what was paid is to recover, said on the release's entry (of
  // nothing when paid beyond the grant), the envelope keeping it committed (ADR 008)
  const toRecoverCents =
    ENDED_STATES.has(next.state) && COMMITTED_STATES.has(state.request.state)
      ? state.request.paidCents
      : 0;
  if (toRecoverCents > 0) {
    const recover: LedgerLine = {
      key: "recover",
      amountCents: -toRecoverCents,
      params: { action: decision.action, paidCents: toRecoverCents },
    };
    const release = ledger.find((e) => e.kind === "release");
    if (release)
      ledger[ledger.indexOf(release)] = {
        ...release,
        explanation: [...release.explanation, recover],
      };
    else ledger.push({ kind: "release", amountCents: 0, instalment: null, explanation: [recover] });
  }
  if (decision.action === "complete" && next.approvedCents !== null) {
    const balance = next.approvedCents - state.request.paidCents;
    if (balance !== 0)
      ledger.push({
        kind: "payment",
        amountCents: balance,
        instalment: "balance",
        explanation: [
          {
            key: balance > 0 ? "balance" : "pay-back",
            amountCents: balance,
            params: { action: decision.action },
          },
        ],
      });
  }
  if ("expectedCents" in decision && decision.expectedCents !== undefined) {
    const paying = ledger
      .filter((e) => e.kind === "payment")
      .reduce((sum, e) => sum + e.amountCents, 0);
    if (paying !== decision.expectedCents)
      return Result.fail(
        new PaymentChanged({
          requestId: state.request.id,
          expectedCents: decision.expectedCents,
          actualCents: paying,
        }),
      );
  }
  return Result.succeed({
    request: next,
    approves,
    usesEnvelope:
      approves ||
      (state.request.approvedCents !== null && ledger.length > 0) ||
      decision.action === "complete",
    ledger,
    envelope: envelopeChangeOf(ledger),
    audit: {
      action: event.action,
      before: event.before,
      after: overridden
        ? { ...event.after, override: overridden }
        : signed
          ? { ...event.after, agreement: signed }
          : event.after,
      reason: overridden ? overridden.reason : event.reason,
    },
    notification: {
      key: event.action,
      facts: {
        schemeName: state.schemeName,
        amountCents: input.action === "pay-advance" ? input.amountCents : next.approvedCents,
        reason: event.reason,
        ...(toRecoverCents > 0 && { toRecoverCents }),
      },
    },
  });
};
