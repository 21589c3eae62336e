import { Result } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTOR_KINDS,
  type ActionInput,
  ActionInputInvalid,
  type Actor,
  type ActorKind,
  availableActions,
  BudgetExceeded,
  type LifecycleError,
  NotYourRequest,
  OwnRequest,
  REQUEST_ACTIONS,
  REQUEST_STATES,
  type RequestAction,
  type RequestSnapshot,
  type RequestState,
  type Transitioned,
  TransitionNotAllowed,
  transition,
} from "./application-lifecycle.ts";

// ---------------------------------------------------------------- fixtures

const AT = "2026-11-26T10:00:00Z";
const STUDENT_ID = "student-1";
const PARTNER_ID = "partner-1";
const APPROVED = 146_000;
/** The advance paid on a request in `advance_paid` (80 % of the approved amount). */
const ADVANCE = 116_800;

/** States in which a request carries an approved amount. */
const HAS_APPROVED_AMOUNT: ReadonlySet<RequestState> = new Set([
  "approved",
  "agreed",
  "advance_paid",
  "completed",
]);

const requestIn = (
  state: RequestState,
  overrides: Partial<RequestSnapshot> = {},
): RequestSnapshot => ({
  id: "req-1",
  scheme: "erasmus-plus",
  state,
  studentId: STUDENT_ID,
  hostPartnerId: PARTNER_ID,
  approvedCents: HAS_APPROVED_AMOUNT.has(state) ? APPROVED : null,
  paidCents: state === "advance_paid" ? ADVANCE : 0,
  ...overrides,
});

/** An actor of each kind who owns the request built by `requestIn`. */
const owningActor = (kind: ActorKind): Actor => {
  switch (kind) {
    case "student":
    case "personnel":
      return { kind, userId: STUDENT_ID };
    case "staff":
      return { kind, userId: "staff-1" };
    case "partner":
      return { kind, partnerId: PARTNER_ID };
    case "system":
      return { kind, process: "waitlist-promoter" };
  }
};

/** A valid input for each action. */
const validInput = (action: RequestAction): ActionInput => {
  switch (action) {
    case "approve":
      return { action, amountCents: 10_000, budgetRemainingCents: 100_000 };
    case "promote":
      return { action, amountCents: 10_000, budgetRemainingCents: 100_000 };
    case "reject":
      return { action, reason: "incomplete file" };
    case "cancel":
      return { action, reason: "nomination withdrawn by the host" };
    case "pay-advance":
      return { action, amountCents: 5_000 };
    case "submit":
    case "start-review":
    case "waitlist":
    case "sign-agreement":
    case "complete":
    case "withdraw":
      return { action };
  }
};

const expectSuccess = (r: Result.Result<Transitioned, LifecycleError>): Transitioned => {
  if (Result.isFailure(r))
    throw new Error(`expected success, got ${r.failure._tag}: ${r.failure.message}`);
  return r.success;
};

const expectFailure = (r: Result.Result<Transitioned, LifecycleError>): LifecycleError => {
  if (Result.isSuccess(r)) throw new Error(`expected failure, reached ${r.success.request.state}`);
  return r.failure;
};

// ---------------------------------------------------------------- expectation table
// Written by hand from ARCHITECTURE §2.6 and the module's doc comments; it does NOT read TRANSITIONS.

const FINAL: readonly RequestState[] = ["rejected", "completed", "withdrawn", "cancelled"];
const isFinal = (s: RequestState): boolean => FINAL.includes(s);
/** Students and the school's personnel apply, and act alike on their own applications (ADR 016). */
const applies = (actor: ActorKind): boolean => actor === "student" || actor === "personnel";

/** The state reached, or null when the combination is not allowed. */
const expectedNext = (
  state: RequestState,
  action: RequestAction,
  actor: ActorKind,
): RequestState | null => {
  switch (action) {
    case "submit":
      return state === "draft" && applies(actor) ? "submitted" : null;
    case "start-review":
      return state === "submitted" && actor === "staff" ? "under_review" : null;
    case "approve":
      return state === "under_review" && actor === "staff" ? "approved" : null;
    case "reject":
      return (state === "under_review" || state === "waitlisted") && actor === "staff"
        ? "rejected"
        : null;
    case "waitlist":
      return state === "under_review" && actor === "staff" ? "waitlisted" : null;
    case "promote":
      return state === "waitlisted" && (actor === "staff" || actor === "system")
        ? "approved"
        : null;
    case "sign-agreement":
      return state === "approved" && (applies(actor) || actor === "staff") ? "agreed" : null;
    case "pay-advance":
      return state === "agreed" && actor === "staff" ? "advance_paid" : null;
    case "complete":
      return state === "advance_paid" && actor === "staff" ? "completed" : null;
    // once an advance is paid, only the office ends the grant
    case "withdraw":
      return !isFinal(state) && state !== "advance_paid" && applies(actor) ? "withdrawn" : null;
    case "cancel":
      if (isFinal(state)) return null;
      if (actor === "staff") return "cancelled";
      if (actor === "partner" && state !== "draft" && state !== "advance_paid") return "cancelled";
      return null;
  }
};

/** The approved amount after a successful transition with `validInput`. */
const expectedApprovedAfter = (state: RequestState, action: RequestAction): number | null => {
  if (action === "approve" || action === "promote") return 10_000;
  return requestIn(state).approvedCents;
};

const COMBINATIONS = REQUEST_STATES.flatMap((state) =>
  REQUEST_ACTIONS.flatMap((action) =>
    ACTOR_KINDS.map((actor) => ({
      state,
      action,
      actor,
      next: expectedNext(state, action, actor),
    })),
  ),
);

// ---------------------------------------------------------------- 1. exhaustive

describe("transition: every state × action × actor", () => {
  it("covers 11 states × 11 actions × 5 actors", () => {
    expect(COMBINATIONS).toHaveLength(605);
  });

  it("allows exactly 38 combinations (counted by hand)", () => {
    // submit 2 (student, personnel), start-review 1, approve 1, reject 2 (under_review,
    // waitlisted), waitlist 1, promote 2 (staff, system), sign-agreement 3 (student, personnel,
    // staff), pay-advance 1, complete 1, withdraw 12 (non-final states but advance_paid, student
    // or personnel), cancel 7 (staff) + 5 (partner, not draft nor advance_paid) = 38
    const allowedByTable = COMBINATIONS.filter((c) => c.next !== null).length;
    expect(allowedByTable).toBe(38);
    const allowedByModule = COMBINATIONS.filter(({ state, action, actor }) =>
      Result.isSuccess(transition(requestIn(state), validInput(action), owningActor(actor), AT)),
    ).length;
    expect(allowedByModule).toBe(38);
  });

  it.each(COMBINATIONS)("$state × $action × $actor → $next", ({ state, action, actor, next }) => {
    const request = requestIn(state);
    const who = owningActor(actor);
    const result = transition(request, validInput(action), who, AT);
    if (next !== null) {
      const ok = expectSuccess(result);
      const approvedAfter = expectedApprovedAfter(state, action);
      const paidAfter =
        request.paidCents +
        (action === "pay-advance"
          ? (validInput(action) as { amountCents: number }).amountCents
          : 0);
      expect(ok.request).toEqual({
        ...request,
        state: next,
        approvedCents: approvedAfter,
        paidCents: paidAfter,
      });
      expect(ok.event.at).toBe(AT);
      expect(ok.event.actor).toEqual(who);
      expect(ok.event.action).toBe(action);
      expect(ok.event.entity).toEqual({ type: "scheme_request", id: request.id });
      expect(ok.event.before).toEqual({ state, approvedCents: request.approvedCents });
      expect(ok.event.after).toEqual({ state: next, approvedCents: approvedAfter });
    } else {
      const err = expectFailure(result);
      expect(err).toBeInstanceOf(TransitionNotAllowed);
      if (!(err instanceof TransitionNotAllowed)) return;
      expect(err._tag).toBe("TransitionNotAllowed");
      expect(err.requestId).toBe(request.id);
      expect(err.state).toBe(state);
      expect(err.action).toBe(action);
      expect(err.actor).toBe(actor);
      expect(err.message).toContain(state);
      expect(err.message).toContain(action);
      expect(err.message).toContain(actor);
    }
  });
});

// ---------------------------------------------------------------- 2. guards

describe("transition guards", () => {
  const staff = owningActor("staff");

  it("refuses an office member every action on her own request, whatever the state (a conflict of interest)", () => {
    const herself: Actor = { kind: "staff", userId: STUDENT_ID };
    for (const [state, input] of [
      ["submitted", { action: "start-review" }],
      ["under_review", validInput("approve")],
      ["waitlisted", validInput("promote")],
      ["agreed", validInput("pay-advance")],
      ["advance_paid", validInput("complete")],
      ["approved", validInput("cancel")],
    ] as const) {
      const err = expectFailure(transition(requestIn(state), input, herself, AT));
      expect(err, `${state} ${input.action}`).toBeInstanceOf(OwnRequest);
      expect((err as OwnRequest).explain("fr")).toMatch(/un autre membre de la DRI/);
    }
    // another member of the office may
    expectSuccess(transition(requestIn("under_review"), validInput("approve"), staff, AT));
  });

  it("refuses a student who does not own the request", () => {
    const err = expectFailure(
      transition(
        requestIn("draft"),
        { action: "submit" },
        { kind: "student", userId: "someone-else" },
        AT,
      ),
    );
    expect(err).toBeInstanceOf(NotYourRequest);
    expect(err).toMatchObject({
      _tag: "NotYourRequest",
      requestId: "req-1",
      action: "submit",
      actor: "student",
    });
    const withdraw = expectFailure(
      transition(
        requestIn("approved"),
        { action: "withdraw" },
        { kind: "student", userId: "x" },
        AT,
      ),
    );
    expect(withdraw).toBeInstanceOf(NotYourRequest);
  });

  it("refuses a partner of another institution", () => {
    const err = expectFailure(
      transition(
        requestIn("submitted"),
        { action: "cancel", reason: "no place" },
        { kind: "partner", partnerId: "partner-2" },
        AT,
      ),
    );
    expect(err).toBeInstanceOf(NotYourRequest);
    expect(err).toMatchObject({ _tag: "NotYourRequest", action: "cancel", actor: "partner" });
  });

  it("refuses a partner when the host is not a catalogue partner", () => {
    const err = expectFailure(
      transition(
        requestIn("submitted", { hostPartnerId: null }),
        { action: "cancel", reason: "no place" },
        { kind: "partner", partnerId: PARTNER_ID },
        AT,
      ),
    );
    expect(err).toBeInstanceOf(NotYourRequest);
  });

  it.each(["approve", "promote"] as const)("%s over budget → BudgetExceeded", (action) => {
    const state = action === "approve" ? "under_review" : "waitlisted";
    const err = expectFailure(
      transition(
        requestIn(state),
        { action, amountCents: 150_000, budgetRemainingCents: 149_999 },
        staff,
        AT,
      ),
    );
    expect(err).toBeInstanceOf(BudgetExceeded);
    expect(err).toMatchObject({
      _tag: "BudgetExceeded",
      requestId: "req-1",
      scheme: "erasmus-plus",
      requestedCents: 150_000,
      remainingCents: 149_999,
    });
    // exactly the remaining budget is fine
    const ok = expectSuccess(
      transition(
        requestIn(state),
        { action, amountCents: 150_000, budgetRemainingCents: 150_000 },
        staff,
        AT,
      ),
    );
    expect(ok.request.approvedCents).toBe(150_000);
  });

  const badAmounts = [0, -1, -10_000, 0.5, 100.25, Number.NaN, Number.POSITIVE_INFINITY];
  const amountCases = (["approve", "promote", "pay-advance"] as const).flatMap((action) =>
    badAmounts.map((amountCents) => ({ action, amountCents })),
  );

  it.each(amountCases)(
    "$action with amountCents $amountCents → ActionInputInvalid",
    ({ action, amountCents }) => {
      const state =
        action === "approve" ? "under_review" : action === "promote" ? "waitlisted" : "agreed";
      const input: ActionInput =
        action === "pay-advance"
          ? { action, amountCents }
          : { action, amountCents, budgetRemainingCents: 1_000_000 };
      const err = expectFailure(transition(requestIn(state), input, staff, AT));
      expect(err).toBeInstanceOf(ActionInputInvalid);
      expect(err).toMatchObject({ _tag: "ActionInputInvalid", action, field: "amountCents" });
      expect(err.message).toContain("amountCents");
    },
  );

  const blankReasons = ["", " ", "\t\n  "];
  const reasonCases = [
    ...blankReasons.map((reason) => ({
      action: "reject" as const,
      state: "under_review" as const,
      reason,
    })),
    ...blankReasons.map((reason) => ({
      action: "reject" as const,
      state: "waitlisted" as const,
      reason,
    })),
    ...blankReasons.map((reason) => ({
      action: "cancel" as const,
      state: "approved" as const,
      reason,
    })),
  ];

  it.each(reasonCases)(
    "$action from $state with reason $reason → ActionInputInvalid",
    ({ action, state, reason }) => {
      const err = expectFailure(transition(requestIn(state), { action, reason }, staff, AT));
      expect(err).toBeInstanceOf(ActionInputInvalid);
      expect(err).toMatchObject({ _tag: "ActionInputInvalid", action, field: "reason" });
      expect(err.message).toContain("reason");
    },
  );

  it("a partner cancelling with a blank reason is refused too", () => {
    const err = expectFailure(
      transition(
        requestIn("submitted"),
        { action: "cancel", reason: "  " },
        owningActor("partner"),
        AT,
      ),
    );
    expect(err).toMatchObject({ _tag: "ActionInputInvalid", field: "reason" });
  });

  it("records the trimmed reason of reject and cancel in the audit event", () => {
    const ok = expectSuccess(
      transition(
        requestIn("under_review"),
        { action: "reject", reason: "  late file " },
        staff,
        AT,
      ),
    );
    expect(ok.event.reason).toBe("late file");
    const noReason = expectSuccess(
      transition(requestIn("draft"), { action: "withdraw" }, owningActor("student"), AT),
    );
    expect(noReason.event.reason).toBeNull();
  });

  it("pay-advance above the approved amount → ActionInputInvalid", () => {
    const err = expectFailure(
      transition(
        requestIn("agreed"),
        { action: "pay-advance", amountCents: APPROVED + 1 },
        staff,
        AT,
      ),
    );
    expect(err).toBeInstanceOf(ActionInputInvalid);
    expect(err).toMatchObject({
      _tag: "ActionInputInvalid",
      action: "pay-advance",
      field: "amountCents",
    });
    // the whole approved amount is fine
    const ok = expectSuccess(
      transition(requestIn("agreed"), { action: "pay-advance", amountCents: APPROVED }, staff, AT),
    );
    expect(ok.request.state).toBe("advance_paid");
  });

  it("checks the state before the input: an invalid input in a wrong state is TransitionNotAllowed", () => {
    const err = expectFailure(
      transition(
        requestIn("draft"),
        { action: "approve", amountCents: -1, budgetRemainingCents: 0 },
        staff,
        AT,
      ),
    );
    expect(err).toBeInstanceOf(TransitionNotAllowed);
  });
});

// ---------------------------------------------------------------- 3. money

describe("money movements", () => {
  const staff = owningActor("staff");
  const student = owningActor("student");

  it("approve commits the amount", () => {
    const ok = expectSuccess(
      transition(
        requestIn("under_review"),
        { action: "approve", amountCents: 146_000, budgetRemainingCents: 500_000 },
        staff,
        AT,
      ),
    );
    expect(ok.money).toEqual([{ kind: "commit", cents: 146_000 }]);
    expect(ok.request.approvedCents).toBe(146_000);
  });

  it.each(["staff", "system"] as const)("promote by %s commits the amount", (kind) => {
    const ok = expectSuccess(
      transition(
        requestIn("waitlisted"),
        { action: "promote", amountCents: 90_000, budgetRemainingCents: 90_000 },
        owningActor(kind),
        AT,
      ),
    );
    expect(ok.money).toEqual([{ kind: "commit", cents: 90_000 }]);
    expect(ok.request).toMatchObject({ state: "approved", approvedCents: 90_000 });
  });

  it.each(["under_review", "waitlisted"] as const)("reject from %s releases nothing", (state) => {
    const ok = expectSuccess(
      transition(requestIn(state), { action: "reject", reason: "no budget" }, staff, AT),
    );
    expect(ok.money).toEqual([]);
  });

  const committed = ["approved", "agreed"] as const;

  it.each(committed)("withdraw from %s releases the approved amount", (state) => {
    const ok = expectSuccess(transition(requestIn(state), { action: "withdraw" }, student, AT));
    expect(ok.money).toEqual([{ kind: "release", cents: APPROVED }]);
    expect(ok.request.state).toBe("withdrawn");
  });

  it.each(
    committed.flatMap((state) =>
      (["staff", "partner"] as const).map((actor) => ({ state, actor })),
    ),
  )("cancel from $state by $actor releases the approved amount", ({ state, actor }) => {
    const ok = expectSuccess(
      transition(
        requestIn(state),
        { action: "cancel", reason: "mobility called off" },
        owningActor(actor),
        AT,
      ),
    );
    expect(ok.money).toEqual([{ kind: "release", cents: APPROVED }]);
    expect(ok.request.state).toBe("cancelled");
  });

  it("a paid advance: the student cannot withdraw, nor the partner cancel; the office is named", () => {
    for (const [action, actor] of [
      ["withdraw", "student"],
      ["cancel", "partner"],
    ] as const) {
      const err = expectFailure(
        transition(requestIn("advance_paid"), validInput(action), owningActor(actor), AT),
      );
      expect(err).toBeInstanceOf(TransitionNotAllowed);
      expect((err as TransitionNotAllowed).explain("fr")).toContain("une avance a déjà été versée");
      expect((err as TransitionNotAllowed).explain("en")).toContain(
        "only the sending institution's international relations office can end this grant",
      );
    }
    expect(availableActions(requestIn("advance_paid"), owningActor("partner"))).toEqual([]);
    expect(availableActions(requestIn("advance_paid"), owningActor("student"))).toEqual([]);
  });

  it("the office cancelling a paid grant releases only what was not paid: what was paid stays committed", () => {
    const ok = expectSuccess(
      transition(
        requestIn("advance_paid"),
        { action: "cancel", reason: "mobility called off" },
        staff,
        AT,
      ),
    );
    expect(ok.money).toEqual([{ kind: "release", cents: APPROVED - ADVANCE }]);
    expect(ok.request).toMatchObject({
      state: "cancelled",
      approvedCents: APPROVED,
      paidCents: ADVANCE,
    });
  });

  it("cancelling a grant paid beyond its lowered amount releases nothing", () => {
    const ok = expectSuccess(
      transition(
        requestIn("advance_paid", { approvedCents: 100_000 }),
        { action: "cancel", reason: "mobility called off" },
        staff,
        AT,
      ),
    );
    expect(ok.money).toEqual([]);
  });

  it.each(["draft", "submitted", "under_review", "waitlisted"] as const)(
    "withdraw from %s releases nothing",
    (state) => {
      const ok = expectSuccess(transition(requestIn(state), { action: "withdraw" }, student, AT));
      expect(ok.money).toEqual([]);
    },
  );

  it("pay-advance records a payment and commits nothing more", () => {
    const ok = expectSuccess(
      transition(requestIn("agreed"), { action: "pay-advance", amountCents: 58_400 }, staff, AT),
    );
    expect(ok.money).toEqual([{ kind: "payment", cents: 58_400, instalment: "advance" }]);
    expect(ok.request).toMatchObject({ state: "advance_paid", approvedCents: APPROVED });
  });

  it.each(["submit", "start-review", "waitlist", "sign-agreement", "complete"] as const)(
    "%s moves no money",
    (action) => {
      const from: Record<typeof action, RequestState> = {
        submit: "draft",
        "start-review": "submitted",
        waitlist: "under_review",
        "sign-agreement": "approved",
        complete: "advance_paid",
      };
      const actor = action === "submit" ? student : staff;
      const ok = expectSuccess(transition(requestIn(from[action]), validInput(action), actor, AT));
      expect(ok.money).toEqual([]);
    },
  );
});

// ---------------------------------------------------------------- 4. availableActions

describe("availableActions", () => {
  const agrees = (request: RequestSnapshot, actor: Actor) => {
    const listed = availableActions(request, actor);
    const succeeding = REQUEST_ACTIONS.filter((action) =>
      Result.isSuccess(transition(request, validInput(action), actor, AT)),
    );
    expect(listed).toEqual(succeeding);
  };

  it.each(REQUEST_STATES.flatMap((state) => ACTOR_KINDS.map((actor) => ({ state, actor }))))(
    "$state × $actor: lists exactly the actions that succeed",
    ({ state, actor }) => {
      agrees(requestIn(state), owningActor(actor));
      // and matches the hand-written table
      expect(availableActions(requestIn(state), owningActor(actor))).toEqual(
        REQUEST_ACTIONS.filter((action) => expectedNext(state, action, actor) !== null),
      );
    },
  );

  it("agrees with transition for any request and any actor, owner or not", () => {
    const ids = fc.constantFrom("student-1", "student-2", "partner-1", "partner-2");
    const actorArb: fc.Arbitrary<Actor> = fc.oneof(
      ids.map((userId): Actor => ({ kind: "student", userId })),
      ids.map((userId): Actor => ({ kind: "staff", userId })),
      ids.map((partnerId): Actor => ({ kind: "partner", partnerId })),
      fc.constant<Actor>({ kind: "system", process: "promoter" }),
    );
    const requestArb = fc.record({
      state: fc.constantFrom(...REQUEST_STATES),
      studentId: ids,
      hostPartnerId: fc.option(ids, { nil: null }),
    });
    fc.assert(
      fc.property(requestArb, actorArb, ({ state, studentId, hostPartnerId }, actor) => {
        agrees(requestIn(state, { studentId, hostPartnerId }), actor);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------- 5. purity

describe("purity", () => {
  it.each(COMBINATIONS.filter((c) => c.next !== null))(
    "$state × $action × $actor does not mutate the frozen request",
    ({ state, action, actor }) => {
      const request = Object.freeze(requestIn(state));
      const copy = structuredClone(request);
      const input = Object.freeze(validInput(action));
      const who = Object.freeze(owningActor(actor));
      const ok = expectSuccess(transition(request, input, who, AT));
      expect(request).toEqual(copy);
      expect(ok.request).not.toBe(request);
    },
  );

  it("refusals do not mutate the frozen request either", () => {
    const request = Object.freeze(requestIn("under_review"));
    const copy = structuredClone(request);
    const budget = Object.freeze({
      action: "approve" as const,
      amountCents: 2,
      budgetRemainingCents: 1,
    });
    expectFailure(transition(request, budget, owningActor("staff"), AT));
    expectFailure(transition(request, { action: "submit" }, owningActor("student"), AT));
    expect(request).toEqual(copy);
  });

  it("is deterministic: the same inputs give equal results", () => {
    const request = requestIn("agreed");
    const input: ActionInput = { action: "pay-advance", amountCents: 1_000 };
    const a = transition(request, input, owningActor("staff"), AT);
    const b = transition(request, input, owningActor("staff"), AT);
    expect(a).toEqual(b);
  });
});
