import { formatMoney } from "@envol/domain";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { nextStepText } from "./next-step-text.ts";
import { studentEn } from "./student.en.ts";
import { studentFr } from "./student.fr.ts";

const i18n = i18next.createInstance();
await i18n.init({
  lng: "fr",
  ns: ["student"],
  resources: { fr: { student: studentFr }, en: { student: studentEn } },
  interpolation: { escapeValue: false },
});
const t = { fr: i18n.getFixedT("fr", "student"), en: i18n.getFixedT("en", "student") };
const base = { applicationId: "a1" };

describe("nextStepText", () => {
  it("says when a document is due, with the date written out", () => {
    const step = {
      ...base,
      kind: "document" as const,
      id: "bank-details",
      label: "RIB",
      due: "before-departure" as const,
      date: "2027-02-01",
      overdue: false,
    };
    expect(nextStepText(step, "fr", t.fr as never)).toBe(
      "Déposer « RIB » avant le départ, le 1er février 2027",
    );
    expect(nextStepText({ ...step, label: "Bank details (RIB)" }, "en", t.en as never)).toBe(
      "Upload “Bank details (RIB)” before departure, on 1 February 2027",
    );
    // the stay has begun: the document is late
    expect(nextStepText({ ...step, overdue: true }, "fr", t.fr as never)).toBe(
      "Déposer « RIB », attendu avant le départ, le 1er février 2027 : en retard",
    );
    expect(nextStepText({ ...step, overdue: true }, "en", t.en as never)).toBe(
      "Upload “RIB”, due before departure on 1 February 2027: late",
    );
  });

  it("gives a call's deadline for the documents, before departure or after return, and late, naming the stay", () => {
    const step = {
      ...base,
      kind: "call-deadline" as const,
      requestId: "r1",
      schemeName: "Erasmus+ Europe",
      stay: { start: "2027-02-01", end: "2027-06-30" },
      deadline: "documents" as const,
      date: "2027-03-01",
      overdue: false,
    };
    expect(nextStepText(step, "fr", t.fr as never)).toBe(
      "Appel Erasmus+ Europe, séjour du 1er février 2027 au 30 juin 2027\u00a0: pièces à déposer avant le départ, au plus tard le 1er mars 2027",
    );
    expect(nextStepText({ ...step, deadline: "reports" }, "fr", t.fr as never)).toBe(
      "Appel Erasmus+ Europe, séjour du 1er février 2027 au 30 juin 2027\u00a0: pièces du retour à déposer au plus tard le 1er mars 2027",
    );
    expect(nextStepText({ ...step, deadline: "reports" }, "en", t.en as never)).toBe(
      "Erasmus+ Europe call, stay from 1 February 2027 to 30 June 2027: documents due after return, by 1 March 2027 at the latest",
    );
    expect(nextStepText({ ...step, overdue: true }, "fr", t.fr as never)).toBe(
      "Appel Erasmus+ Europe, séjour du 1er février 2027 au 30 juin 2027\u00a0: pièces attendues au plus tard le 1er mars 2027\u00a0: en retard",
    );
    expect(nextStepText({ ...step, overdue: true }, "en", t.en as never)).toBe(
      "Erasmus+ Europe call, stay from 1 February 2027 to 30 June 2027: documents due by 1 March 2027: late",
    );
  });

  it("tells apart one call's deadline for two stays of one scheme", () => {
    const step = {
      ...base,
      kind: "call-deadline" as const,
      requestId: "r1",
      schemeName: "Erasmus+ Europe",
      stay: { start: "2026-09-01", end: "2026-12-20" },
      deadline: "documents" as const,
      date: "2026-08-15",
      overdue: false,
    };
    const second = {
      ...step,
      applicationId: "a2",
      requestId: "r2",
      stay: { start: "2027-02-01", end: "2027-06-30" },
    };
    for (const lang of ["fr", "en"] as const)
      expect(nextStepText(step, lang, t[lang] as never)).not.toBe(
        nextStepText(second, lang, t[lang] as never),
      );
    expect(nextStepText(second, "en", t.en as never)).toContain(
      "stay from 1 February 2027 to 30 June 2027",
    );
  });

  it("says the office's request and whether it is overdue", () => {
    const step = {
      ...base,
      kind: "document-request" as const,
      id: "r1",
      label: "RIB",
      message: "…",
      date: "2027-01-10",
      overdue: true,
    };
    expect(nextStepText(step, "fr", t.fr as never)).toBe(
      "La DRI vous demandait « RIB » avant le 10 janvier 2027\u00a0: en retard",
    );
  });

  it("gives the payments of a grant: the advance after signing, the balance after return", () => {
    const payment = {
      ...base,
      kind: "payment" as const,
      requestId: "q1",
      schemeName: "Erasmus+ Europe",
    };
    const advance = nextStepText(
      {
        ...payment,
        instalment: "advance",
        amountCents: 116_800,
        when: "after-signing",
        date: null,
      },
      "fr",
      t.fr as never,
    );
    expect(advance).toBe(
      `Avance Erasmus+ Europe de ${formatMoney(116_800, "fr")}, versée une fois la convention signée`,
    );
    const balance = nextStepText(
      {
        ...payment,
        instalment: "balance",
        amountCents: 29_200,
        when: "after-return",
        date: "2027-06-30",
      },
      "en",
      t.en as never,
    );
    expect(balance).toBe(
      `Erasmus+ Europe balance of ${formatMoney(29_200, "en")}, paid after return (30 June 2027)`,
    );
  });

  it("asks to pay back what was paid on a grant that ended", () => {
    const step = {
      ...base,
      kind: "pay-back" as const,
      requestId: "q1",
      schemeName: "Erasmus+ Europe",
      amountCents: 116_800,
    };
    expect(nextStepText(step, "fr", t.fr as never)).toBe(
      `${formatMoney(116_800, "fr")} à reverser sur la bourse Erasmus+ Europe, qui a pris fin\u00a0; la DRI vous indiquera comment`,
    );
    expect(nextStepText(step, "en", t.en as never)).toBe(
      `${formatMoney(116_800, "en")} to pay back on the Erasmus+ Europe grant, which has ended; the office will tell you how`,
    );
  });
});
