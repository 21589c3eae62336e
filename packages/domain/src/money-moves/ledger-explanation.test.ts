import { describe, expect, it } from "vitest";
import { formatMoney } from "../money.ts";
import { type LedgerLine, renderLedgerLine } from "./ledger-explanation.ts";

const stay = { startDate: "2027-02-01", endDate: "2027-06-10" };
const line = {
  label: { fr: "Bourse mensuelle", en: "Monthly grant" },
  amountCents: 195_000,
  basis: { fr: "450 € × 130/30 jours", en: "€450 × 130/30 days" },
};

describe("renderLedgerLine", () => {
  it.each<[LedgerLine, string, string]>([
    [
      { key: "commitment", amountCents: 1, params: { action: "approve" } },
      "Engagement sur l'enveloppe",
      "Committed against the envelope",
    ],
    [
      { key: "release", amountCents: -1, params: { action: "cancel" } },
      "Engagement libéré",
      "Commitment released",
    ],
    [
      { key: "advance", amountCents: 1, params: { action: "pay-advance" } },
      "Versement de l'avance",
      "Advance paid",
    ],
    [
      { key: "balance", amountCents: 1, params: { action: "complete" } },
      "Versement du solde",
      "Balance paid",
    ],
    [
      { key: "pay-back", amountCents: -1, params: { action: "complete" } },
      "Trop-perçu à reverser",
      "Overpayment to pay back",
    ],
    [
      { key: "before", amountCents: 195_000, params: { ...stay, line } },
      "Avant (du 1er février 2027 au 10 juin 2027) : Bourse mensuelle",
      "Before (1 February 2027 to 10 June 2027): Monthly grant",
    ],
    [
      { key: "after", amountCents: 195_000, params: { ...stay, line } },
      "Après (du 1er février 2027 au 10 juin 2027) : Bourse mensuelle",
      "After (1 February 2027 to 10 June 2027): Monthly grant",
    ],
    [
      { key: "difference", amountCents: -1, params: { fromCents: 2, toCents: 1 } },
      "Différence : bourse réduite",
      "Difference: grant lowered",
    ],
    [
      {
        key: "remaining",
        amountCents: 32_367,
        params: { approvedCents: 451_167, paidCents: 418_800 },
      },
      "Reste à verser",
      "Still to pay",
    ],
    [
      {
        key: "remaining",
        amountCents: -5_000,
        params: { approvedCents: 195_000, paidCents: 200_000 },
      },
      "À récupérer",
      "To recover",
    ],
    [
      { key: "remaining", amountCents: 0, params: { approvedCents: 1, paidCents: 1 } },
      "Rien à verser ni à récupérer",
      "Nothing to pay or recover",
    ],
  ])("writes %j in the reader's language", (stored, fr, en) => {
    expect(renderLedgerLine(stored, "fr").label).toBe(fr);
    expect(renderLedgerLine(stored, "en").label).toBe(en);
    expect(renderLedgerLine(stored, "en").amountCents).toBe(stored.amountCents);
  });

  it("names the decision that moved the money in the reader's language, never by its id", () => {
    const advance: LedgerLine = {
      key: "advance",
      amountCents: 1,
      params: { action: "pay-advance" },
    };
    expect(renderLedgerLine(advance, "fr").basis).toBe("Avance versée");
    expect(renderLedgerLine(advance, "en").basis).toBe("Advance paid");
    const release: LedgerLine = { key: "release", amountCents: -1, params: { action: "withdraw" } };
    expect(renderLedgerLine(release, "en").basis).toBe("Request withdrawn");
    // a recovery is no balance paid: the request is settled, the overpayment to pay back
    const payBack: LedgerLine = {
      key: "pay-back",
      amountCents: -1,
      params: { action: "complete" },
    };
    expect(renderLedgerLine(payBack, "fr").basis).toBe("Demande soldée");
    expect(renderLedgerLine(payBack, "en").basis).toBe("Request settled");
  });

  it("writes amounts and the engine's basis in the reader's language", () => {
    const adjustment: LedgerLine = {
      key: "adjustment",
      amountCents: -25_000,
      params: { ...stay, approvedCents: 200_000 },
    };
    expect(renderLedgerLine(adjustment, "en")).toEqual({
      label: "Before (1 February 2027 to 10 June 2027): Adjustment decided by the office",
      amountCents: -25_000,
      basis: `amount approved: ${formatMoney(200_000, "en")}`,
    });
    expect(
      renderLedgerLine({ key: "after", amountCents: 195_000, params: { ...stay, line } }, "en")
        .basis,
    ).toBe("€450 × 130/30 days");
    expect(
      renderLedgerLine(
        { key: "difference", amountCents: 0, params: { fromCents: 100, toCents: 100 } },
        "fr",
      ),
    ).toEqual({
      label: "Différence : aucune",
      amountCents: 0,
      basis: `${formatMoney(100, "fr")} − ${formatMoney(100, "fr")}`,
    });
  });

  it("shows a line written before keys as it was written, in either language", () => {
    const written = {
      label: "Versement de l'avance",
      amountCents: 180_000,
      basis: "pay-advance",
    };
    expect(renderLedgerLine(written, "en")).toEqual(written);
    expect(renderLedgerLine(written, "fr")).toEqual(written);
  });
});
