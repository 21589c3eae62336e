import { describe, expect, it } from "vitest";
import { formatMoney } from "./money.ts";
import { renderNotification, type StudentNotification } from "./notifications.ts";

const ERASMUS = { fr: "Erasmus+ Europe", en: "Erasmus+ Europe" };
const IDF = { fr: "Bourse Mobilité Île-de-France", en: "Île-de-France mobility grant" };

const said = (key: "sign-agreement" | "pay-advance" | "complete", schemeName = IDF) => {
  const n: StudentNotification = { key, facts: { schemeName, amountCents: 50_000, reason: null } };
  return { fr: renderNotification(n, "fr").body, en: renderNotification(n, "en").body };
};

describe("a student's messages name the scheme as it reads", () => {
  it("elides « de » before a vowel: « au titre d'Erasmus+ »", () => {
    expect(said("pay-advance", ERASMUS).fr).toBe(
      `Un premier versement de ${formatMoney(50_000, "fr")} au titre d'Erasmus+ Europe a été ordonné.`,
    );
    expect(said("pay-advance").fr).toContain("au titre de Bourse Mobilité Île-de-France");
  });

  it("never says « bourse » twice when the scheme's name says it (nor « grant grant »)", () => {
    for (const key of ["sign-agreement", "pay-advance", "complete"] as const) {
      const { fr, en } = said(key);
      expect(fr).not.toMatch(/bourse Bourse/i);
      expect(en).not.toMatch(/grant grant/i);
    }
    expect(said("sign-agreement").fr).toBe(
      "La convention de subvention au titre de Bourse Mobilité Île-de-France est signée ; le premier versement suivra.",
    );
    expect(said("complete").en).toBe("The balance for Île-de-France mobility grant is settled.");
    const recalculated = renderNotification(
      {
        key: "recalculate",
        facts: {
          schemeName: IDF,
          start: "2027-02-01",
          end: "2027-06-10",
          previousCents: 225_000,
          approvedCents: 195_000,
          paidCents: 0,
        },
      },
      "en",
    ).body;
    expect(recalculated).toContain(
      "The amount granted under Île-de-France mobility grant changes from",
    );
  });
});
