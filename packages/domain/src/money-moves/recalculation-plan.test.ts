import { Result } from "effect";
import { describe, expect, it } from "vitest";
import type { Actor } from "../application-lifecycle.ts";
import { formatMoney } from "../money.ts";
import { renderNotification } from "../notifications.ts";
import type { EstimateLineWords } from "./ledger-explanation.ts";
import { renderLedgerLine } from "./ledger-explanation.ts";
import {
  type GrantComputation,
  planRecalculation,
  type RecalculationState,
  recalculationImpossibleBecause,
  recalculationRefusal,
  storedEstimateLine,
} from "./recalculation-plan.ts";

const eur = (cents: number, lang: "fr" | "en" = "fr") => formatMoney(cents, lang);

/** A monthly grant's one line: 450 € × days/30. */
const monthly = (days: number, rateCents = 45_000): EstimateLineWords => ({
  label: { fr: "Bourse mensuelle", en: "Monthly grant" },
  amountCents: (rateCents * days) / 30,
  basis: {
    fr: `${eur(rateCents)} × ${days}/30 jours`,
    en: `${eur(rateCents, "en")} × ${days}/30 days`,
  },
});

const APPROVAL = { source: "approval", values: { monthlyRateCents: 45_000 } } as const;

/** Approved on 150 days (2 250 €), nothing paid, a roomy envelope. */
const grant = (overrides: Partial<RecalculationState> = {}): RecalculationState => ({
  requestId: "req-1",
  scheme: "idf",
  schemeName: { fr: "Bourse Mobilité Île-de-France", en: "Île-de-France mobility grant" },
  approvedCents: 225_000,
  previous: {
    startDate: "2027-02-01",
    endDate: "2027-06-30",
    options: APPROVAL,
    lines: [monthly(150)],
  },
  paidCents: 0,
  budgetRemainingCents: 1_000_000,
  ...overrides,
});

const on = (endDate: string, days: number): GrantComputation => ({
  startDate: "2027-02-01",
  endDate,
  approvedCents: monthly(days).amountCents,
  options: APPROVAL,
  lines: [monthly(days)],
});

const planned = (state: RecalculationState, recomputed: GrantComputation) => {
  const r = planRecalculation(state, recomputed);
  if (Result.isFailure(r)) throw new Error(`expected a plan, got ${r.failure._tag}`);
  return r.success;
};

const explained = (plan: ReturnType<typeof planned>, lang: "fr" | "en" = "fr") =>
  plan.ledger.flatMap((e) => e.explanation.map((l) => renderLedgerLine(l, lang)));

describe("planRecalculation", () => {
  it("down with nothing paid: the commitment shrinks and the student is told nothing is paid yet", () => {
    const plan = planned(grant(), on("2027-06-10", 130));
    expect(plan).toMatchObject({
      previousCents: 225_000,
      approvedCents: 195_000,
      differenceCents: -30_000,
      actual: { startDate: "2027-02-01", endDate: "2027-06-10" },
      envelope: { committedCents: -30_000, paidCents: 0 },
    });
    expect(plan.ledger.map((e) => [e.kind, e.amountCents, e.instalment])).toEqual([
      ["recalculation", -30_000, null],
    ]);
    expect(explained(plan)).toEqual([
      {
        label: "Avant (du 1er février 2027 au 30 juin 2027) : Bourse mensuelle",
        amountCents: 225_000,
        basis: `${eur(45_000)} × 150/30 jours`,
      },
      {
        label: "Après (du 1er février 2027 au 10 juin 2027) : Bourse mensuelle",
        amountCents: 195_000,
        basis: `${eur(45_000)} × 130/30 jours`,
      },
      {
        label: "Différence : bourse réduite",
        amountCents: -30_000,
        basis: `${eur(195_000)} − ${eur(225_000)}`,
      },
      {
        label: "Reste à verser",
        amountCents: 195_000,
        basis: `${eur(195_000)} − ${eur(0)} déjà versés`,
      },
    ]);
    expect(plan.remaining).toEqual({ kind: "to-pay", cents: 195_000 });
    expect(renderNotification(plan.notification, "fr").body).toBe(
      `Vos dates de séjour sont confirmées : du 1er février 2027 au 10 juin 2027. Le montant accordé au titre de Bourse Mobilité Île-de-France passe de ${eur(225_000)} à ${eur(195_000)}. Reste à verser : ${eur(195_000)}.`,
    );
  });

  it("down but above the advance: still to pay what the new amount leaves, never to recover", () => {
    // the issue's case: approved 2 250 €, 1 800 € advanced, recalculated to 1 950 €
    const plan = planned(grant({ paidCents: 180_000 }), on("2027-06-10", 130));
    expect(plan.differenceCents).toBe(-30_000);
    expect(plan.remaining).toEqual({ kind: "to-pay", cents: 15_000 });
    expect(explained(plan, "en").at(-1)).toEqual({
      label: "Still to pay",
      amountCents: 15_000,
      basis: `${eur(195_000, "en")} − ${eur(180_000, "en")} already paid`,
    });
    expect(renderNotification(plan.notification, "en").body).toContain(
      `Still to be paid: ${eur(15_000, "en")}.`,
    );
  });

  it("down below what was paid: the student is told what to pay back", () => {
    const plan = planned(grant({ paidCents: 200_000 }), on("2027-06-10", 130));
    expect(plan.differenceCents).toBe(-30_000);
    expect(plan.remaining).toEqual({ kind: "to-recover", cents: 5_000 });
    expect(explained(plan).at(-1)).toMatchObject({ label: "À récupérer", amountCents: -5_000 });
    const message = renderNotification(plan.notification, "en");
    expect(message.subject).toBe("Grant recalculated: Île-de-France mobility grant");
    expect(message.body).toContain(
      `Already paid: ${eur(200_000, "en")}. To pay back: ${eur(5_000, "en")}; the office will tell you how.`,
    );
  });

  it("up: a further commitment, within what is left in the envelope", () => {
    const plan = planned(grant({ budgetRemainingCents: 45_000 }), on("2027-07-31", 180));
    expect(plan).toMatchObject({
      differenceCents: 45_000,
      envelope: { committedCents: 45_000, paidCents: 0 },
    });
    expect(explained(plan, "en").at(-2)).toEqual({
      label: "Difference: grant raised",
      amountCents: 45_000,
      basis: `${eur(270_000, "en")} − ${eur(225_000, "en")}`,
    });
  });

  it("up beyond the envelope: BudgetExceeded with the difference asked and what is left", () => {
    const r = planRecalculation(grant({ budgetRemainingCents: 44_999 }), on("2027-07-31", 180));
    expect(Result.isFailure(r) && r.failure).toMatchObject({
      _tag: "BudgetExceeded",
      requestId: "req-1",
      scheme: "idf",
      requestedCents: 45_000,
      remainingCents: 44_999,
    });
  });

  it("to the same amount: a zero line that says so, and nothing left to pay once paid", () => {
    const plan = planned(grant({ paidCents: 225_000 }), on("2027-06-30", 150));
    expect(plan.differenceCents).toBe(0);
    expect(plan.envelope).toEqual({ committedCents: 0, paidCents: 0 });
    expect(explained(plan).at(-2)).toMatchObject({ label: "Différence : aucune", amountCents: 0 });
    expect(plan.remaining).toEqual({ kind: "settled" });
    expect(explained(plan).at(-1)).toMatchObject({
      label: "Rien à verser ni à récupérer",
      amountCents: 0,
    });
    expect(renderNotification(plan.notification, "fr").body).toMatch(/ Rien ne reste à verser\.$/);
  });

  it("adds the office's adjustment when the approved amount was not the estimate, so the lines add up", () => {
    const plan = planned(grant({ approvedCents: 200_000 }), on("2027-06-10", 130));
    expect(explained(plan).slice(0, 2)).toEqual([
      {
        label: "Avant (du 1er février 2027 au 30 juin 2027) : Bourse mensuelle",
        amountCents: 225_000,
        basis: `${eur(45_000)} × 150/30 jours`,
      },
      {
        label: "Avant (du 1er février 2027 au 30 juin 2027) : Ajustement décidé par le service",
        amountCents: -25_000,
        basis: `montant accordé : ${eur(200_000)}`,
      },
    ]);
    const before = explained(plan).filter((l) => l.label.startsWith("Avant"));
    expect(before.reduce((t, l) => t + l.amountCents, 0)).toBe(200_000);
  });

  it("keeps the new computation in the audit event, to explain the next recalculation", () => {
    const recomputed = on("2027-06-10", 130);
    const plan = planned(grant(), recomputed);
    expect(plan.audit).toEqual({
      action: "recalculate",
      before: {
        startDate: "2027-02-01",
        endDate: "2027-06-30",
        approvedCents: 225_000,
        options: APPROVAL,
      },
      after: recomputed,
      reason: null,
    });
  });

  it("reads an audit event's lines kept in French only, as they were written", () => {
    const written = {
      label: "Bourse mensuelle",
      amountCents: 195_000,
      basis: "450 € × 130/30 jours",
    };
    const plan = planned(
      grant({
        approvedCents: 195_000,
        previous: {
          startDate: "2027-02-01",
          endDate: "2027-06-10",
          options: APPROVAL,
          lines: [storedEstimateLine(written)],
        },
      }),
      on("2027-06-10", 130),
    );
    expect(explained(plan, "en")[0]).toEqual({
      label: "Before (1 February 2027 to 10 June 2027): Bourse mensuelle",
      amountCents: 195_000,
      basis: "450 € × 130/30 jours",
    });
  });
});

describe("recalculationRefusal", () => {
  const approved = { state: "approved", approvedCents: 225_000, studentId: "u" } as const;
  const dates = { actualStart: "2027-02-01", actualEnd: "2027-06-10" };
  const staff: Actor = { kind: "staff", userId: "s" };
  const host: Actor = { kind: "partner", partnerId: "tu-berlin" };

  it.each([
    [
      "a student",
      approved,
      dates,
      { kind: "student", userId: "u" },
      /^les dates réelles sont confirmées/,
    ],
    [
      "an office member's own grant (a conflict of interest)",
      approved,
      dates,
      { kind: "staff", userId: "u" },
      /^cette demande est la vôtre : un autre membre de la DRI/,
    ],
    [
      "the current options asked by the host",
      approved,
      { ...dates, useCurrentOptions: true },
      host,
      /^seule la DRI/,
    ],
    [
      "a request without a grant",
      { state: "under_review", approvedCents: null, studentId: "u" },
      dates,
      staff,
      /^une demande à l'état « en instruction »/,
    ],
    [
      "a completed grant",
      { state: "completed", approvedCents: 225_000, studentId: "u" },
      dates,
      staff,
      /^une demande à l'état « soldée »/,
    ],
    [
      "a date that is not one",
      approved,
      { ...dates, actualEnd: "2027-02-30" },
      staff,
      /AAAA-MM-JJ/,
    ],
    [
      "an end before the start",
      approved,
      { actualStart: "2027-06-10", actualEnd: "2027-02-01" },
      staff,
      /ne peut pas finir \(2027-02-01\) avant de commencer \(2027-06-10\)/,
    ],
  ] as const)("refuses %s", (_, request, d, actor, why) => {
    expect(recalculationRefusal(request, d, actor)?.fr).toMatch(why);
  });

  it("lets the office and the host recompute an approved grant on valid dates", () => {
    expect(recalculationRefusal(approved, dates, staff)).toBeUndefined();
    expect(recalculationRefusal(approved, dates, host)).toBeUndefined();
    expect(
      recalculationRefusal(approved, { ...dates, useCurrentOptions: true }, staff),
    ).toBeUndefined();
  });
});

describe("recalculationImpossibleBecause", () => {
  it("says in both languages why the stored options no longer configure the scheme", () => {
    const why = recalculationImpossibleBecause.optionsNoLongerValid(
      { fr: "Aide de la Région", en: "Regional grant" },
      "monthlyRate: too big",
    );
    expect(why).toEqual({
      fr: "les options enregistrées à l'accord ne configurent plus Aide de la Région : monthlyRate: too big",
      en: "the options stored at approval no longer configure Regional grant: monthlyRate: too big",
    });
  });
});
