import { Result } from "effect";
import {
  type Actor,
  BudgetExceeded,
  isApplicant,
  type RequestState,
} from "../application-lifecycle.ts";
import { compareDates, isIsoDate } from "../calendar-date.ts";
import { quotedState } from "../request-words.ts";
import type { SchemeResult } from "../simulation-report.ts";
import type { Text } from "../text.ts";
import type {
  EstimateLineWords,
  LedgerLine,
  StayDates,
  WrittenLedgerLine,
} from "./ledger-explanation.ts";
import type { MovePlan } from "./move-plan.ts";
import { type Remaining, remainingOf } from "./remaining.ts";

/**
 * Recalculation of a grant on the stay's actual dates (ARCHITECTURE §2.6): the repository
 * evaluates the scheme on them; this plans what the new amount does to the ledger, the envelope,
 * the audit trail and the student's mailbox.
 */

/** Which options computed an amount: those stored at approval, or those in force today. */
export interface OptionsUsed {
  readonly source: "approval" | "current";
  readonly values: unknown;
}

/** A grant as computed on a stay, as the audit trail keeps it to explain the next recalculation. */
export interface GrantComputation extends StayDates {
  readonly approvedCents: number;
  readonly options: OptionsUsed;
  readonly lines: readonly EstimateLineWords[];
}

/** A grant is recomputed once approved and until its balance is settled. */
export const RECALCULABLE_STATES: ReadonlySet<RequestState> = new Set([
  "approved",
  "agreed",
  "advance_paid",
]);

/** An estimate's lines in both languages, from the same scheme evaluated in French and in English. */
export const estimateLineWords = (fr: SchemeResult, en: SchemeResult): EstimateLineWords[] =>
  (fr.estimate?.lines ?? []).map((l, i) => {
    const other = en.estimate?.lines[i];
    return {
      label: { fr: l.label, en: other?.label ?? l.label },
      amountCents: l.amountCents,
      basis: { fr: l.basis, en: other?.basis ?? l.basis },
    };
  });

/**
 * An estimate's line as an audit event keeps it: in both languages, or (events recorded before
 * lines were kept so) its French words, shown as they are in either language.
 */
export const storedEstimateLine = (
  line: EstimateLineWords | WrittenLedgerLine,
): EstimateLineWords => {
  if (!isWritten(line)) return line;
  const { label, amountCents, basis } = line;
  return { label: { fr: label, en: label }, amountCents, basis: { fr: basis, en: basis } };
};

const isWritten = (line: EstimateLineWords | WrittenLedgerLine): line is WrittenLedgerLine =>
  typeof line.label === "string";

/**
 * Why a recalculation cannot even be tried: who asks, the request's state, the dates. Undefined
 * when it can. (A partner asking for another host's student is not found: the repository's to say.)
 */
export const recalculationRefusal = (
  request: {
    readonly state: RequestState;
    readonly approvedCents: number | null;
    readonly studentId: string;
  },
  dates: {
    readonly actualStart: string;
    readonly actualEnd: string;
    readonly useCurrentOptions?: boolean;
  },
  actor: Actor,
): Text | undefined => {
  if (isApplicant(actor))
    return {
      fr: "les dates réelles sont confirmées par l'établissement d'accueil ou par la DRI",
      en: "the actual dates are confirmed by the host or by the office",
    };
  if (actor.kind === "staff" && actor.userId === request.studentId)
    return {
      fr: "cette demande est la vôtre : un autre membre de la DRI doit la recalculer",
      en: "this request is your own: another member of the office must recompute it",
    };
  if (dates.useCurrentOptions && actor.kind !== "staff")
    return {
      fr: "seule la DRI peut recalculer avec les options en vigueur",
      en: "only the office may recompute with the current options",
    };
  if (!RECALCULABLE_STATES.has(request.state) || request.approvedCents === null)
    return {
      fr: `une demande à l'état ${quotedState(request.state, "fr")} n'a pas de bourse à recalculer (elle doit être accordée, sa convention signée ou son avance versée)`,
      en: `a request in the state ${quotedState(request.state, "en")} has no grant to recompute (it must be approved, agreed or advance paid)`,
    };
  const { actualStart, actualEnd } = dates;
  if (!isIsoDate(actualStart) || !isIsoDate(actualEnd))
    return {
      fr: "les dates réelles doivent être des dates écrites AAAA-MM-JJ",
      en: "the actual dates must be calendar dates written YYYY-MM-DD",
    };
  if (compareDates(actualStart, actualEnd) > 0)
    return {
      fr: `le séjour ne peut pas finir (${actualEnd}) avant de commencer (${actualStart})`,
      en: `the stay cannot end (${actualEnd}) before it starts (${actualStart})`,
    };
  return undefined;
};

/** Why the scheme, evaluated on the actual dates, gives no amount. */
export const recalculationImpossibleBecause = {
  /** The options stored at approval fail the plugin's schema today. */
  optionsNoLongerValid: (schemeName: Text, problem: string): Text => ({
    fr: `les options enregistrées à l'accord ne configurent plus ${schemeName.fr} : ${problem}`,
    en: `the options stored at approval no longer configure ${schemeName.en}: ${problem}`,
  }),
  /** Hours actually taught, given for a stay that is not a member of the personnel's. */
  hoursOfAStudentsStay: {
    fr: "les heures d'enseignement réelles ne concernent que le séjour d'un membre du personnel",
    en: "actual teaching hours apply to a member of the personnel's stay only",
  } satisfies Text,
  schemeWithdrawn: (scheme: string): Text => ({
    fr: `l'aide ${scheme} n'est plus proposée`,
    en: `the scheme ${scheme} is no longer offered`,
  }),
  partnerWithdrawn: (partner: string): Text => ({
    fr: `l'établissement « ${partner} » n'est plus au catalogue des partenaires`,
    en: `the partner "${partner}" is no longer in the catalogue`,
  }),
  /** Its unmet criteria, or the answers it still needs, in the criteria's own sentences. */
  noAmount: (fr: SchemeResult, en: SchemeResult): Text => {
    const reasons = (r: SchemeResult, status: "unmet" | "unknown") =>
      r.criteria
        .filter((c) => c.status === status)
        .map((c) => c.reason)
        .join(" ");
    if (fr.criteria.some((c) => c.status === "unmet"))
      return {
        fr: `aux dates réelles, l'aide n'est plus accordable. ${reasons(fr, "unmet")}`,
        en: `on the actual dates, the scheme is no longer eligible. ${reasons(en, "unmet")}`,
      };
    if (fr.criteria.some((c) => c.status === "unknown"))
      return {
        fr: `l'aide a besoin de réponses que la situation ne donne pas. ${reasons(fr, "unknown")}`,
        en: `the scheme needs answers the situation does not give. ${reasons(en, "unknown")}`,
      };
    return {
      fr: "l'aide ne donne aucun montant pour ces dates",
      en: "the scheme gives no amount for these dates",
    };
  },
};

/** A grant as a recalculation finds it, with its money. */
export interface RecalculationState {
  readonly requestId: string;
  readonly scheme: string;
  readonly schemeName: Text;
  /** The amount approved or last recalculated: what the envelope holds committed for it. */
  readonly approvedCents: number;
  /** What the grant was computed on: the last recalculation, else the approval's estimate. */
  readonly previous: Omit<GrantComputation, "approvedCents">;
  /** What the request was paid so far (advance, balance). */
  readonly paidCents: number;
  /** The envelope less what is committed against it. */
  readonly budgetRemainingCents: number;
}

export interface RecalculationPlan extends MovePlan {
  readonly previousCents: number;
  readonly approvedCents: number;
  /** The new amount less the previous one: the change of the envelope's commitment. */
  readonly differenceCents: number;
  /** What is still to pay to the student, or to recover, from what was paid. */
  readonly remaining: Remaining;
  /** The actual dates, which the application keeps. */
  readonly actual: StayDates;
}

const sumOf = (lines: readonly { readonly amountCents: number }[]): number =>
  lines.reduce((total, l) => total + l.amountCents, 0);

/**
 * Plans a recalculation: one ledger entry of the difference, explained by the lines before and
 * after and closed by what remains to pay or recover from what was paid; the envelope's
 * commitment changed by the difference; the audit event that keeps the new computation;
 * the student's message. More money is a further commitment, bound by the envelope as an
 * approval is: beyond what is left, the plan is `BudgetExceeded`.
 */
export const planRecalculation = (
  state: RecalculationState,
  recomputed: GrantComputation,
): Result.Result<RecalculationPlan, BudgetExceeded> => {
  const { previous } = state;
  const previousCents = state.approvedCents;
  const approvedCents = recomputed.approvedCents;
  const difference = approvedCents - previousCents;
  if (difference > state.budgetRemainingCents)
    return Result.fail(
      new BudgetExceeded({
        requestId: state.requestId,
        scheme: state.scheme,
        requestedCents: difference,
        remainingCents: state.budgetRemainingCents,
      }),
    );
  const before = { startDate: previous.startDate, endDate: previous.endDate };
  const after = { startDate: recomputed.startDate, endDate: recomputed.endDate };
  const explanation: LedgerLine[] = [
    ...previous.lines.map(
      (line): LedgerLine => ({
        key: "before",
        amountCents: line.amountCents,
        params: { ...before, line },
      }),
    ),
    // the office may have approved another amount than the estimate: the lines must add up
    ...(sumOf(previous.lines) === previousCents
      ? []
      : [
          {
            key: "adjustment",
            amountCents: previousCents - sumOf(previous.lines),
            params: { ...before, approvedCents: previousCents },
          } satisfies LedgerLine,
        ]),
    ...recomputed.lines.map(
      (line): LedgerLine => ({
        key: "after",
        amountCents: line.amountCents,
        params: { ...after, line },
      }),
    ),
    {
      key: "difference",
      amountCents: difference,
      params: { fromCents: previousCents, toCents: approvedCents },
    },
    {
      key: "remaining",
      amountCents: approvedCents - state.paidCents,
      params: { approvedCents, paidCents: state.paidCents },
    },
  ];
  return Result.succeed({
    previousCents,
    approvedCents,
    differenceCents: difference,
    remaining: remainingOf({ approvedCents, paidCents: state.paidCents }),
    actual: after,
    ledger: [{ kind: "recalculation", amountCents: difference, instalment: null, explanation }],
    envelope: { committedCents: difference, paidCents: 0 },
    audit: {
      action: "recalculate",
      before: { ...before, approvedCents: previousCents, options: previous.options },
      after: recomputed,
      reason: null,
    },
    notification: {
      key: "recalculate",
      facts: {
        schemeName: state.schemeName,
        start: recomputed.startDate,
        end: recomputed.endDate,
        previousCents,
        approvedCents,
        paidCents: state.paidCents,
      },
    },
  });
};
