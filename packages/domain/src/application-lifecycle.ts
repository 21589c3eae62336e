import { Data, Result } from "effect";
import { formatMoney } from "./money.ts";
import { refusalOf } from "./request-words.ts";
import type { Lang, Text } from "./text.ts";

/**
 * The lifecycle of a scheme request (ARCHITECTURE §2.6). A student files one application per
 * mobility; it carries one request per scheme, and each request moves through these states:
 *
 *   draft → submitted → under_review → approved | rejected | waitlisted
 *   waitlisted → approved (promoted when money is released) | rejected
 *   approved → agreed (grant agreement signed) → advance_paid → completed
 *   any non-final state → withdrawn (student) | cancelled (staff, or the host partner)
 *   once an advance is paid, only the office ends the grant (cancel), and gives back to the
 *   envelope only what was not paid: what was paid is to recover from the student (ADR 008)
 *
 * Transitions are pure: given the request, the action, who acts and when, they return the next
 * request, the audit event to record and the money it moves, or a typed error naming the
 * state, the action and the actor. Persistence applies them in one transaction.
 */

export const REQUEST_STATES = [
  "draft",
  "submitted",
  "under_review",
  "approved",
  "rejected",
  "waitlisted",
  "agreed",
  "advance_paid",
  "completed",
  "withdrawn",
  "cancelled",
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const FINAL_STATES: ReadonlySet<RequestState> = new Set([
  "rejected",
  "completed",
  "withdrawn",
  "cancelled",
]);

/** Final states in which a request comes to nothing: what was paid on it is to recover. */
export const ENDED_STATES: ReadonlySet<RequestState> = new Set([
  "rejected",
  "withdrawn",
  "cancelled",
]);

/** States in which money was paid to the student: only the office may end the grant then. */
export const PAID_STATES: ReadonlySet<RequestState> = new Set(["advance_paid"]);

/** States in which the approved amount is committed against the scheme's envelope. */
export const COMMITTED_STATES: ReadonlySet<RequestState> = new Set([
  "approved",
  "agreed",
  "advance_paid",
  "completed",
]);

export const ACTOR_KINDS = ["student", "personnel", "staff", "partner", "system"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * Who applies for funding: a student, or a member of the school's personnel on a teaching or
 * training stay (ADR 016). Both act alike on their own applications.
 */
export const APPLICANT_KINDS = ["student", "personnel"] as const satisfies readonly ActorKind[];
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/**
 * Who acts: a signed-in applicant (student or personnel member) or office staff member, a
 * partner school by its API key, or Envol itself.
 */
export type Actor =
  | { readonly kind: "student"; readonly userId: string }
  | { readonly kind: "personnel"; readonly userId: string }
  | { readonly kind: "staff"; readonly userId: string }
  | { readonly kind: "partner"; readonly partnerId: string }
  | { readonly kind: "system"; readonly process: string };

/** A signed-in applicant: the student or personnel member who owns the application. */
export type Applicant = Extract<Actor, { readonly kind: ApplicantKind }>;

/**
 * Whether the actor is the applicant side (a student or a personnel member) rather than the
 * office, a partner or Envol.
 *
 * @example
 * isApplicant({ kind: "personnel", userId: "u1" }) // true
 * isApplicant({ kind: "staff", userId: "u2" }) // false
 */
export const isApplicant = (actor: Actor): actor is Applicant =>
  (APPLICANT_KINDS as readonly ActorKind[]).includes(actor.kind);

export const REQUEST_ACTIONS = [
  "submit",
  "start-review",
  "approve",
  "reject",
  "waitlist",
  "promote",
  "sign-agreement",
  "pay-advance",
  "complete",
  "withdraw",
  "cancel",
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** What each action needs to say. */
export type ActionInput =
  | { readonly action: "submit" }
  | { readonly action: "start-review" }
  | {
      readonly action: "approve";
      readonly amountCents: number;
      readonly budgetRemainingCents: number;
    }
  | {
      readonly action: "promote";
      readonly amountCents: number;
      readonly budgetRemainingCents: number;
    }
  | { readonly action: "reject"; readonly reason: string }
  | { readonly action: "waitlist"; readonly reason?: string }
  | { readonly action: "sign-agreement" }
  | { readonly action: "pay-advance"; readonly amountCents: number }
  | { readonly action: "complete" }
  | { readonly action: "withdraw"; readonly reason?: string }
  | { readonly action: "cancel"; readonly reason: string };

/** What the lifecycle knows of a request. */
export interface RequestSnapshot {
  readonly id: string;
  readonly scheme: string;
  readonly state: RequestState;
  /** The applicant (student or personnel member) who owns the application. */
  readonly studentId: string;
  /** The host institution, when it is a catalogue partner. */
  readonly hostPartnerId: string | null;
  /** The amount approved (committed), once approved. */
  readonly approvedCents: number | null;
  /** What was paid on it so far (advance, balance): what ending it does not give back. */
  readonly paidCents: number;
}

interface Rule {
  readonly from: readonly RequestState[];
  readonly to: RequestState;
  readonly actors: readonly ActorKind[];
}

const NON_FINAL = REQUEST_STATES.filter((s) => !FINAL_STATES.has(s));

/** The transition table: for each action, the states it leaves, the state it reaches, who may act. */
export const TRANSITIONS: Readonly<Record<RequestAction, Rule>> = {
  submit: { from: ["draft"], to: "submitted", actors: APPLICANT_KINDS },
  "start-review": { from: ["submitted"], to: "under_review", actors: ["staff"] },
  approve: { from: ["under_review"], to: "approved", actors: ["staff"] },
  reject: { from: ["under_review", "waitlisted"], to: "rejected", actors: ["staff"] },
  waitlist: { from: ["under_review"], to: "waitlisted", actors: ["staff"] },
  // promoted when money is released: by staff, or by Envol itself when it releases money
  promote: { from: ["waitlisted"], to: "approved", actors: ["staff", "system"] },
  // the student signs the grant agreement; staff may record a signature on paper
  "sign-agreement": { from: ["approved"], to: "agreed", actors: [...APPLICANT_KINDS, "staff"] },
  "pay-advance": { from: ["agreed"], to: "advance_paid", actors: ["staff"] },
  complete: { from: ["advance_paid"], to: "completed", actors: ["staff"] },
  // once money was paid, the student asks the office, which ends the grant (cancel)
  withdraw: {
    from: NON_FINAL.filter((s) => !PAID_STATES.has(s)),
    to: "withdrawn",
    actors: APPLICANT_KINDS,
  },
  // the host partner cancels by rejecting the nomination, never a draft it cannot see, nor a
  // grant already paid (see `mayAct`)
  cancel: { from: NON_FINAL, to: "cancelled", actors: ["staff", "partner"] },
};

/**
 * Whether this kind of actor may take the action from the request's state: the table's rule,
 * less what a host partner may not do (see a draft, end a grant already paid: the office does).
 */
const mayAct = (rule: Rule, request: Pick<RequestSnapshot, "state">, actor: Actor): boolean =>
  rule.actors.includes(actor.kind) &&
  rule.from.includes(request.state) &&
  !(actor.kind === "partner" && (request.state === "draft" || PAID_STATES.has(request.state)));

// ---------------------------------------------------------------- errors

/** The action is not possible from this state for this kind of actor. */
export class TransitionNotAllowed extends Data.TaggedError("TransitionNotAllowed")<{
  readonly requestId: string;
  readonly state: RequestState;
  readonly action: RequestAction;
  readonly actor: ActorKind;
}> {
  override get message(): string {
    return `a ${this.actor} cannot ${this.action} request ${this.requestId} in state ${this.state}`;
  }

  /** For the reader: who may do it, or from which states (see {@link refusalOf}). */
  explain(lang: Lang): string {
    return refusalOf(this, TRANSITIONS[this.action])[lang];
  }
}

/** The actor may make this kind of transition, but not on this request (not theirs). */
export class NotYourRequest extends Data.TaggedError("NotYourRequest")<{
  readonly requestId: string;
  readonly action: RequestAction;
  readonly actor: ActorKind;
}> {
  override get message(): string {
    return `this ${this.actor} cannot ${this.action} request ${this.requestId}: it is not theirs`;
  }
}

/** The words of an office member acting on her own request: another member of the office must. */
export const OWN_REQUEST: Text = {
  fr: "Cette demande est la vôtre : un autre membre de la DRI doit la traiter.",
  en: "This request is your own: another member of the office must handle it.",
};

/**
 * A member of the office acting on a request of her own (she applied as a member of the
 * personnel, or as a student, before joining the office): a conflict of interest, refused
 * whatever the action.
 */
export class OwnRequest extends Data.TaggedError("OwnRequest")<{
  readonly requestId: string;
  readonly action: RequestAction;
}> {
  override get message(): string {
    return `an office member cannot ${this.action} request ${this.requestId}: it is her own`;
  }

  explain(lang: Lang): string {
    return OWN_REQUEST[lang];
  }
}

/** Approving would take the scheme's envelope past its amount. */
export class BudgetExceeded extends Data.TaggedError("BudgetExceeded")<{
  readonly requestId: string;
  readonly scheme: string;
  readonly requestedCents: number;
  readonly remainingCents: number;
}> {
  override get message(): string {
    return `approving ${this.requestedCents} cents for ${this.scheme} exceeds the ${this.remainingCents} cents left in its envelope`;
  }

  /** For the reader: how much is left and how much was asked, what the office needs to decide. */
  explain(lang: Lang): string {
    const left = formatMoney(this.remainingCents, lang);
    const asked = formatMoney(this.requestedCents, lang);
    return {
      fr: `Il ne reste que ${left} sur l'enveloppe ${this.scheme} ; ${asked} demandés.`,
      en: `Only ${left} is left in the ${this.scheme} envelope; ${asked} was asked.`,
    }[lang];
  }
}

/** An input of the action is missing or wrong: which field, and why. */
export class ActionInputInvalid extends Data.TaggedError("ActionInputInvalid")<{
  readonly requestId: string;
  readonly action: RequestAction;
  readonly field: string;
  readonly problem: Text;
}> {
  override get message(): string {
    return `${this.action} of request ${this.requestId}: ${this.field} ${this.problem.en}`;
  }
}

export type LifecycleError =
  | TransitionNotAllowed
  | NotYourRequest
  | OwnRequest
  | BudgetExceeded
  | ActionInputInvalid;

// ---------------------------------------------------------------- transitions

/** The money a transition moves, for the ledger and the envelope. */
export type MoneyMovement =
  | { readonly kind: "commit"; readonly cents: number }
  | { readonly kind: "release"; readonly cents: number }
  | { readonly kind: "payment"; readonly cents: number; readonly instalment: "advance" };

/** The audit event a transition writes (who, when, what, before and after). */
export interface AuditEvent {
  readonly at: string;
  readonly actor: Actor;
  readonly action: RequestAction;
  readonly entity: { readonly type: "scheme_request"; readonly id: string };
  readonly before: { readonly state: RequestState; readonly approvedCents: number | null };
  readonly after: { readonly state: RequestState; readonly approvedCents: number | null };
  readonly reason: string | null;
}

export interface Transitioned {
  readonly request: RequestSnapshot;
  readonly event: AuditEvent;
  readonly money: readonly MoneyMovement[];
}

/** Whether `actor` may act on `request` at all: applicants on their own, partners on theirs. */
const owns = (
  actor: Actor,
  request: Pick<RequestSnapshot, "studentId" | "hostPartnerId">,
): boolean => {
  switch (actor.kind) {
    case "student":
    case "personnel":
      return actor.userId === request.studentId;
    case "partner":
      return request.hostPartnerId !== null && actor.partnerId === request.hostPartnerId;
    default:
      return true;
  }
};

/** Whether `actor` is a member of the office and `request` her own (see {@link OwnRequest}). */
const isOwnRequest = (actor: Actor, request: Pick<RequestSnapshot, "studentId">): boolean =>
  actor.kind === "staff" && actor.userId === request.studentId;

const invalid = (request: RequestSnapshot, action: RequestAction, field: string, problem: Text) =>
  Result.fail(new ActionInputInvalid({ requestId: request.id, action, field, problem }));

const POSITIVE_CENTS: Text = {
  fr: "doit être un nombre entier de centimes supérieur à zéro",
  en: "must be a positive whole number of cents",
};

const positiveCents = (n: number): boolean => Number.isSafeInteger(n) && n > 0;

/**
 * Applies an action to a request, or says why it cannot be applied.
 *
 * @example
 * transition(request, { action: "approve", amountCents: 146_000, budgetRemainingCents: 500_000 },
 *   { kind: "staff", userId: "u1" }, "2026-11-26T10:00:00Z")
 */
export const transition = (
  request: RequestSnapshot,
  input: ActionInput,
  actor: Actor,
  at: string,
): Result.Result<Transitioned, LifecycleError> => {
  const { action } = input;
  const rule = TRANSITIONS[action];
  const notAllowed = new TransitionNotAllowed({
    requestId: request.id,
    state: request.state,
    action,
    actor: actor.kind,
  });
  if (!mayAct(rule, request, actor)) return Result.fail(notAllowed);
  if (!owns(actor, request))
    return Result.fail(new NotYourRequest({ requestId: request.id, action, actor: actor.kind }));
  if (isOwnRequest(actor, request))
    return Result.fail(new OwnRequest({ requestId: request.id, action }));

  let approvedCents = request.approvedCents;
  const money: MoneyMovement[] = [];
  let reason: string | null = null;
  switch (input.action) {
    case "approve":
    case "promote": {
      if (!positiveCents(input.amountCents)) {
        return invalid(request, action, "amountCents", POSITIVE_CENTS);
      }
      if (!Number.isSafeInteger(input.budgetRemainingCents) || input.budgetRemainingCents < 0) {
        return invalid(request, action, "budgetRemainingCents", {
          fr: "doit être un nombre entier de centimes, positif ou nul",
          en: "must be a whole, non-negative number of cents",
        });
      }
      if (input.amountCents > input.budgetRemainingCents) {
        return Result.fail(
          new BudgetExceeded({
            requestId: request.id,
            scheme: request.scheme,
            requestedCents: input.amountCents,
            remainingCents: input.budgetRemainingCents,
          }),
        );
      }
      approvedCents = input.amountCents;
      money.push({ kind: "commit", cents: input.amountCents });
      break;
    }
    case "reject":
    case "cancel": {
      if (typeof input.reason !== "string" || input.reason.trim() === "") {
        return invalid(request, action, "reason", { fr: "doit dire pourquoi", en: "must say why" });
      }
      reason = input.reason.trim();
      break;
    }
    case "waitlist":
    case "withdraw":
      reason = input.reason?.trim() || null;
      break;
    case "pay-advance": {
      if (!positiveCents(input.amountCents)) {
        return invalid(request, action, "amountCents", POSITIVE_CENTS);
      }
      if (approvedCents !== null && input.amountCents > approvedCents) {
        return invalid(request, action, "amountCents", {
          fr: `ne doit pas dépasser les ${formatMoney(approvedCents, "fr")} accordés`,
          en: `must not exceed the ${formatMoney(approvedCents, "en")} approved`,
        });
      }
      money.push({ kind: "payment", cents: input.amountCents, instalment: "advance" });
      break;
    }
    default:
      break;
  }
  // ending a committed grant gives back to the envelope what was not paid: what was paid was
  // spent, and stays committed until it is recovered
  if (COMMITTED_STATES.has(request.state) && ENDED_STATES.has(rule.to)) {
    const unpaid = (approvedCents ?? 0) - request.paidCents;
    if (unpaid > 0) money.push({ kind: "release", cents: unpaid });
  }
  const paid = money.reduce((sum, m) => (m.kind === "payment" ? sum + m.cents : sum), 0);
  const next: RequestSnapshot = {
    ...request,
    state: rule.to,
    approvedCents,
    paidCents: request.paidCents + paid,
  };
  return Result.succeed({
    request: next,
    money,
    event: {
      at,
      actor,
      action,
      entity: { type: "scheme_request", id: request.id },
      before: { state: request.state, approvedCents: request.approvedCents },
      after: { state: next.state, approvedCents: next.approvedCents },
      reason,
    },
  });
};

/** The actions `actor` could take on `request` now (for the UI's buttons and the API's links). */
export const availableActions = (
  request: Omit<RequestSnapshot, "paidCents">,
  actor: Actor,
): RequestAction[] =>
  REQUEST_ACTIONS.filter(
    (action) =>
      mayAct(TRANSITIONS[action], request, actor) &&
      owns(actor, request) &&
      !isOwnRequest(actor, request),
  );
