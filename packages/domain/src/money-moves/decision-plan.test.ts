import { Result } from "effect";
import { describe, expect, it } from "vitest";
import type { Actor, RequestState } from "../application-lifecycle.ts";
import { formatMoney } from "../money.ts";
import { renderNotification } from "../notifications.ts";
import {
  type Decision,
  type DecisionState,
  defaultApprovalCents,
  type OtherGrant,
  OverrideRequired,
  planDecision,
} from "./decision-plan.ts";
import { renderLedgerLine } from "./ledger-explanation.ts";

const AT = "2026-11-26T10:00:00Z";
const STAFF: Actor = { kind: "staff", userId: "staff-1" };
const STUDENT: Actor = { kind: "student", userId: "student-1" };
const PARTNER: Actor = { kind: "partner", partnerId: "tu-berlin" };

const stateOf = (
  state: RequestState,
  money: Partial<Omit<DecisionState, "request">> & {
    readonly approvedCents?: number | null;
    readonly paidCents?: number;
  } = {},
): DecisionState => {
  const { approvedCents = null, paidCents = 0, ...rest } = money;
  return {
    request: {
      id: "req-1",
      scheme: "idf",
      state,
      studentId: "student-1",
      hostPartnerId: "tu-berlin",
      approvedCents,
      paidCents,
    },
    schemeName: { fr: "Bourse Mobilité Île-de-France", en: "Île-de-France mobility grant" },
    estimatedCents: 225_000,
    advancePercent: 80,
    budgetRemainingCents: 1_000_000,
    today: { verdict: "eligible", estimateCents: 225_000 },
    stay: { start: "2027-02-01", end: "2027-06-30" },
    exclusiveWith: ["erasmus"],
    otherGrants: [],
    ...rest,
  };
};

const planned = (state: DecisionState, decision: Decision, actor: Actor = STAFF) => {
  const r = planDecision(state, decision, actor, AT);
  if (Result.isFailure(r)) throw new Error(`expected a plan, got ${r.failure._tag}`);
  return r.success;
};

const refused = (state: DecisionState, decision: Decision, actor: Actor = STAFF) => {
  const r = planDecision(state, decision, actor, AT);
  if (Result.isSuccess(r)) throw new Error(`expected a refusal, got ${r.success.request.state}`);
  return r.failure;
};

/** The plan's ledger as [kind, cents, instalment, French label, basis]. */
const ledgerOf = (plan: ReturnType<typeof planned>) =>
  plan.ledger.map((e) => {
    const [line] = e.explanation.map((l) => renderLedgerLine(l, "fr"));
    return [e.kind, e.amountCents, e.instalment, line?.label, line?.basis];
  });

describe("planDecision", () => {
  it("approves the estimate by default: one commitment, the envelope committed, the audit event and the message", () => {
    const plan = planned(stateOf("under_review"), { action: "approve" });
    expect(plan.request).toMatchObject({ state: "approved", approvedCents: 225_000 });
    expect(plan.approves).toBe(true);
    expect(plan.usesEnvelope).toBe(true);
    expect(ledgerOf(plan)).toEqual([
      ["commitment", 225_000, null, "Engagement sur l'enveloppe", "Demande accordée"],
    ]);
    expect(plan.envelope).toEqual({ committedCents: 225_000, paidCents: 0 });
    expect(plan.audit).toEqual({
      action: "approve",
      before: { state: "under_review", approvedCents: null },
      after: { state: "approved", approvedCents: 225_000 },
      reason: null,
    });
    expect(renderNotification(plan.notification, "en").subject).toBe(
      "Grant awarded: Île-de-France mobility grant",
    );
    expect(renderNotification(plan.notification, "fr").body).toContain(
      `acceptée pour ${formatMoney(225_000, "fr")}`,
    );
  });

  it("refuses an approval over what is left in the envelope, with how much was asked and is left", () => {
    const error = refused(stateOf("under_review", { budgetRemainingCents: 200_000 }), {
      action: "approve",
      amountCents: 200_001,
    });
    expect(error).toMatchObject({
      _tag: "BudgetExceeded",
      requestId: "req-1",
      scheme: "idf",
      requestedCents: 200_001,
      remainingCents: 200_000,
    });
    // exactly what is left fits
    const fits = planned(stateOf("under_review", { budgetRemainingCents: 200_000 }), {
      action: "approve",
      amountCents: 200_000,
    });
    expect(fits.envelope.committedCents).toBe(200_000);
  });

  it("says who may not act before anything about money", () => {
    expect(refused(stateOf("under_review"), { action: "approve" }, STUDENT)).toMatchObject({
      _tag: "TransitionNotAllowed",
    });
  });

  it.each([
    ["a withdrawal", "Demande retirée", { action: "withdraw", reason: "stays home" }, STUDENT],
    [
      "a cancellation",
      "Demande annulée",
      { action: "cancel", reason: "nomination refused" },
      STAFF,
    ],
  ] as const)(
    "gives the commitment back on %s of an approved grant",
    (_, action, decision, actor) => {
      const plan = planned(stateOf("agreed", { approvedCents: 225_000 }), decision, actor);
      expect(ledgerOf(plan)).toEqual([["release", -225_000, null, "Engagement libéré", action]]);
      expect(plan.envelope).toEqual({ committedCents: -225_000, paidCents: 0 });
      expect(plan.usesEnvelope).toBe(true);
      expect(plan.audit.reason).toBe(decision.reason);
    },
  );

  it("the office cancelling a paid grant gives back only what was not paid, and says what is to recover", () => {
    // 730 € approved, 584 € advanced: 146 € go back to the envelope, 584 € stay committed
    const plan = planned(stateOf("advance_paid", { approvedCents: 73_000, paidCents: 58_400 }), {
      action: "cancel",
      reason: "mobility called off",
    });
    expect(plan.request).toMatchObject({ state: "cancelled", approvedCents: 73_000 });
    expect(plan.envelope).toEqual({ committedCents: -14_600, paidCents: 0 });
    const [entry] = plan.ledger;
    expect(entry?.explanation.map((l) => renderLedgerLine(l, "fr"))).toEqual([
      { label: "Engagement libéré", amountCents: -14_600, basis: "Demande annulée" },
      {
        label: "À récupérer",
        amountCents: -58_400,
        basis: `${formatMoney(58_400, "fr")} déjà versés sur une bourse qui a pris fin (Demande annulée)`,
      },
    ]);
    const fr = renderNotification(plan.notification, "fr").body;
    expect(fr).toContain(`Somme déjà versée, à reverser : ${formatMoney(58_400, "fr")}`);
    const en = renderNotification(plan.notification, "en").body;
    expect(en).toContain(`Already paid, to pay back: ${formatMoney(58_400, "en")}`);
  });

  it("cancelling a grant paid beyond its lowered amount releases nothing and still says what is to recover", () => {
    const plan = planned(stateOf("advance_paid", { approvedCents: 50_000, paidCents: 58_400 }), {
      action: "cancel",
      reason: "mobility called off",
    });
    expect(plan.envelope).toEqual({ committedCents: 0, paidCents: 0 });
    expect(ledgerOf(plan)).toEqual([
      [
        "release",
        0,
        null,
        "À récupérer",
        `${formatMoney(58_400, "fr")} déjà versés sur une bourse qui a pris fin (Demande annulée)`,
      ],
    ]);
    expect(plan.usesEnvelope).toBe(true);
  });

  it.each([
    ["the student withdrawing", { action: "withdraw" }, STUDENT],
    ["the host partner cancelling", { action: "cancel", reason: "no place" }, PARTNER],
  ] as const)("refuses %s a paid grant", (_, decision, actor) => {
    const r = planDecision(
      stateOf("advance_paid", { approvedCents: 73_000, paidCents: 58_400 }),
      decision,
      actor,
      AT,
    );
    expect(Result.isFailure(r) && r.failure._tag).toBe("TransitionNotAllowed");
  });

  it("moves no money when a request without a grant is withdrawn, and leaves the envelope alone", () => {
    const plan = planned(stateOf("under_review"), { action: "withdraw" }, STUDENT);
    expect(plan.ledger).toEqual([]);
    expect(plan.envelope).toEqual({ committedCents: 0, paidCents: 0 });
    expect(plan.usesEnvelope).toBe(false);
  });

  it("pays the scheme's advance share by default, or the amount typed", () => {
    const byDefault = planned(stateOf("agreed", { approvedCents: 225_001 }), {
      action: "pay-advance",
    });
    // 80 % of 2 250,01 €, rounded down to the cent
    expect(ledgerOf(byDefault)).toEqual([
      ["payment", 180_000, "advance", "Versement de l'avance", "Avance versée"],
    ]);
    expect(byDefault.envelope).toEqual({ committedCents: 0, paidCents: 180_000 });
    expect(renderNotification(byDefault.notification, "fr").body).toContain(
      formatMoney(180_000, "fr"),
    );
    const typed = planned(stateOf("agreed", { approvedCents: 225_000 }), {
      action: "pay-advance",
      amountCents: 50_000,
    });
    expect(typed.envelope.paidCents).toBe(50_000);
  });

  it.each([
    ["the balance due", 180_000, 45_000, "Versement du solde", "Solde versé"],
    ["an overpayment to pay back", 240_000, -15_000, "Trop-perçu à reverser", "Demande soldée"],
  ])(
    "settles the grant with %s: what it comes to less what was paid",
    (_, paid, balance, label, basis) => {
      const plan = planned(stateOf("advance_paid", { approvedCents: 225_000, paidCents: paid }), {
        action: "complete",
      });
      expect(plan.request.state).toBe("completed");
      expect(ledgerOf(plan)).toEqual([["payment", balance, "balance", label, basis]]);
      expect(plan.envelope).toEqual({ committedCents: 0, paidCents: balance });
    },
  );

  it.each([
    ["the balance", { action: "complete", expectedCents: 44_900 }, 45_000],
    ["the advance", { action: "pay-advance", expectedCents: 170_000 }, 180_000],
  ] as const)(
    "refuses %s confirmed on an amount that is no longer the one to record, saying both",
    (_, decision, actualCents) => {
      const state = stateOf(decision.action === "complete" ? "advance_paid" : "agreed", {
        approvedCents: 225_000,
        paidCents: decision.action === "complete" ? 180_000 : 0,
      });
      const r = planDecision(state, decision, STAFF, AT);
      if (Result.isSuccess(r)) throw new Error("expected PaymentChanged");
      expect(r.failure).toMatchObject({
        _tag: "PaymentChanged",
        expectedCents: decision.expectedCents,
        actualCents,
      });
      expect(planned(state, { ...decision, expectedCents: actualCents }).ledger).toHaveLength(1);
    },
  );

  it("settles a grant paid exactly with no ledger line, though it still reads the envelope", () => {
    const plan = planned(stateOf("advance_paid", { approvedCents: 225_000, paidCents: 225_000 }), {
      action: "complete",
    });
    expect(plan.ledger).toEqual([]);
    expect(plan.usesEnvelope).toBe(true);
  });
});

describe("planDecision: approvals the rules would refuse need an override", () => {
  const erasmus = (state: RequestState, start = "2027-01-15", end = "2027-05-31"): OtherGrant => ({
    requestId: "req-2",
    scheme: "erasmus",
    schemeName: { fr: "Erasmus+ KA171", en: "Erasmus+ KA171" },
    state,
    start,
    end,
  });
  const overrideOf = (plan: ReturnType<typeof planned>) =>
    (plan.audit.after as { override?: unknown }).override;

  it("refuses an approval while an exclusive grant is committed for an overlapping stay, naming it", () => {
    const failure = refused(stateOf("under_review", { otherGrants: [erasmus("advance_paid")] }), {
      action: "approve",
    });
    expect(failure).toBeInstanceOf(OverrideRequired);
    expect((failure as OverrideRequired).grounds).toEqual([
      {
        kind: "exclusive",
        requestId: "req-2",
        scheme: "erasmus",
        schemeName: { fr: "Erasmus+ KA171", en: "Erasmus+ KA171" },
        start: "2027-01-15",
        end: "2027-05-31",
      },
    ]);
    // the other grant by its scheme's name and its stay's dates in words, never an id
    expect((failure as OverrideRequired).explain("fr")).toBe(
      "Cette demande ne peut être accordée qu'avec une dérogation motivée : la bourse Erasmus+ KA171 est déjà accordée pour le séjour du 15 janvier 2027 au 31 mai 2027, qui chevauche celui-ci, et les deux ne se cumulent pas.",
    );
    expect((failure as OverrideRequired).explain("en")).toBe(
      "This request can only be approved with an override and its reason: the Erasmus+ KA171 grant is already granted for the stay from 15 January 2027 to 31 May 2027, which overlaps this one, and the two do not combine.",
    );
  });

  it("takes an override only for the grounds it names: a ground the office did not accept is still refused, listed alone", () => {
    const state = stateOf("under_review", {
      otherGrants: [erasmus("approved")],
      today: { verdict: "eligible", estimateCents: 200_000 },
    });
    const failure = refused(state, {
      action: "approve",
      amountCents: 225_000,
      override: { reason: "Cumul voté en jury", grounds: ["exclusive"] },
    }) as OverrideRequired;
    expect(failure).toBeInstanceOf(OverrideRequired);
    expect(failure.grounds).toEqual([
      { kind: "above-estimate", amountCents: 225_000, estimateCents: 200_000 },
    ]);
    const plan = planned(state, {
      action: "approve",
      amountCents: 225_000,
      override: { reason: "Cumul voté en jury", grounds: ["exclusive", "above-estimate"] },
    });
    expect(plan.request.state).toBe("approved");
    expect(overrideOf(plan)).toEqual({
      reason: "Cumul voté en jury",
      grounds: [
        expect.objectContaining({ kind: "exclusive" }),
        expect.objectContaining({ kind: "above-estimate" }),
      ],
    });
  });

  it("approves beside an exclusive grant not committed, for another stay, or of a scheme that combines", () => {
    for (const other of [
      erasmus("submitted"),
      erasmus("withdrawn"),
      erasmus("approved", "2027-07-01", "2027-12-31"),
      { ...erasmus("approved"), scheme: "alumni" },
    ])
      expect(
        planned(stateOf("under_review", { otherGrants: [other] }), { action: "approve" }).request
          .state,
      ).toBe("approved");
  });

  it("approves with the override, the audit event carrying its reason and what it overrode", () => {
    const plan = planned(stateOf("under_review", { otherGrants: [erasmus("approved")] }), {
      action: "approve",
      override: { reason: "Cumul accordé par le jury du 12 novembre", grounds: ["exclusive"] },
    });
    expect(plan.request.state).toBe("approved");
    expect(plan.audit.reason).toBe("Cumul accordé par le jury du 12 novembre");
    expect(overrideOf(plan)).toEqual({
      reason: "Cumul accordé par le jury du 12 novembre",
      grounds: [expect.objectContaining({ kind: "exclusive", requestId: "req-2" })],
    });
  });

  it("refuses an approval when the scheme does not find the stay eligible today", () => {
    const failure = refused(
      stateOf("under_review", { today: { verdict: "ineligible", estimateCents: null } }),
      { action: "approve", amountCents: 100_000 },
    ) as OverrideRequired;
    expect(failure.grounds).toEqual([{ kind: "not-eligible", verdict: "ineligible" }]);
    expect(failure.explain("en")).toContain("does not find this stay eligible today");
  });

  it("refuses an amount above the scheme's estimate today, saying both figures", () => {
    const failure = refused(
      stateOf("under_review", {
        today: { verdict: "eligible", estimateCents: 154_500 },
        budgetRemainingCents: 100_000_000,
      }),
      {
        action: "approve",
        amountCents: 14_000_000,
      },
    ) as OverrideRequired;
    expect(failure.grounds).toEqual([
      { kind: "above-estimate", amountCents: 14_000_000, estimateCents: 154_500 },
    ]);
    expect(failure.explain("fr")).toContain(
      `le montant de ${formatMoney(14_000_000, "fr")} dépasse l'estimation du dispositif, ${formatMoney(154_500, "fr")}`,
    );
  });

  it("refuses a promotion above the estimate too, and takes it with the override", () => {
    const state = stateOf("waitlisted", { today: { verdict: "eligible", estimateCents: 200_000 } });
    expect(refused(state, { action: "promote", amountCents: 225_000 })).toBeInstanceOf(
      OverrideRequired,
    );
    const plan = planned(state, {
      action: "promote",
      amountCents: 225_000,
      override: { reason: "Tarif 2025 maintenu", grounds: ["above-estimate"] },
    });
    expect(plan.request.approvedCents).toBe(225_000);
    expect(overrideOf(plan)).toMatchObject({ reason: "Tarif 2025 maintenu" });
  });

  it("grants today's estimate when no amount is named, not the stale one stored when the request was sent (ADR 020)", () => {
    // options saved since the request was sent: lowered (2 250 € → 2 000 €) and raised
    for (const [sent, now] of [
      [225_000, 200_000],
      [200_000, 225_000],
    ] as const) {
      for (const action of ["approve", "promote"] as const) {
        const state = stateOf(action === "approve" ? "under_review" : "waitlisted", {
          estimatedCents: sent,
          today: { verdict: "eligible", estimateCents: now },
        });
        const plan = planned(state, { action });
        expect(plan.request.approvedCents, `${action} ${sent} → ${now}`).toBe(now);
        expect(overrideOf(plan)).toBeUndefined();
      }
    }
  });

  it("defaults to the estimate made at sending only when the scheme gives none today", () => {
    const cases: [DecisionState["today"], number | null, number | null][] = [
      [{ verdict: "eligible", estimateCents: 200_000 }, 225_000, 200_000],
      [{ verdict: "eligible", estimateCents: 200_000 }, null, 200_000],
      [{ verdict: "eligible", estimateCents: null }, 225_000, 225_000],
      [{ verdict: "ineligible", estimateCents: null }, 225_000, 225_000],
      [{ verdict: "incomplete", estimateCents: 200_000 }, 225_000, 225_000],
      [undefined, 225_000, 225_000],
      [{ verdict: "ineligible", estimateCents: null }, null, null],
    ];
    for (const [today, estimatedCents, expected] of cases)
      expect(defaultApprovalCents({ today, estimatedCents }), JSON.stringify(today)).toBe(expected);
  });

  it("approves an amount equal to or below the estimate without an override, and records none", () => {
    for (const amountCents of [225_000, 100_000]) {
      const plan = planned(stateOf("under_review"), { action: "approve", amountCents });
      expect(plan.request.approvedCents).toBe(amountCents);
      expect(overrideOf(plan)).toBeUndefined();
      expect(plan.audit.reason).toBeNull();
    }
  });
});

describe("planDecision: signing the agreement", () => {
  it("keeps what was signed in the audit event: the amounts and the text in both languages", () => {
    const plan = planned(
      stateOf("approved", { approvedCents: 146_001 }),
      {
        action: "sign-agreement",
      },
      STUDENT,
    );
    expect(plan.request.state).toBe("agreed");
    const after = plan.audit.after as {
      state: string;
      agreement: {
        approvedCents: number;
        advanceCents: number;
        balanceCents: number;
        text: { fr: string[]; en: string[] };
      };
    };
    expect(after.state).toBe("agreed");
    // 80 % of 1 460,01 € floored, the balance the rest: together the grant, to the cent
    expect(after.agreement).toMatchObject({
      approvedCents: 146_001,
      advancePercent: 80,
      advanceCents: 116_800,
      balanceCents: 29_201,
      start: "2027-02-01",
      end: "2027-06-30",
    });
    expect(after.agreement.text.fr.join("\n")).toContain(
      `Une bourse de ${formatMoney(146_001, "fr")} vous est accordée pour votre séjour du 1er février 2027 au 30 juin 2027.`,
    );
    expect(after.agreement.text.fr.join("\n")).toContain(`Le solde, ${formatMoney(29_201, "fr")}`);
    expect(after.agreement.text.en.join("\n")).toContain(
      `An advance of ${formatMoney(116_800, "en")} (80% of the grant)`,
    );
  });

  it("adds nothing to the audit events of other decisions", () => {
    const plan = planned(stateOf("agreed", { approvedCents: 146_000 }), { action: "pay-advance" });
    expect(plan.audit.after).not.toHaveProperty("agreement");
  });
});

describe("today's verdict", () => {
  const withoutToday = (state: RequestState): DecisionState => {
    const { today: _today, ...rest } = stateOf(state);
    return rest;
  };

  it("is not needed by a decision other than an approval", () => {
    expect(planned(withoutToday("submitted"), { action: "start-review" }).request.state).toBe(
      "under_review",
    );
    expect(
      planned(withoutToday("under_review"), { action: "reject", reason: "Dossier incomplet" })
        .request.state,
    ).toBe("rejected");
  });

  it("is a defect when an approval is planned without it", () => {
    expect(() =>
      planDecision(withoutToday("under_review"), { action: "approve" }, STAFF, AT),
    ).toThrow(/today's verdict/);
  });
});
