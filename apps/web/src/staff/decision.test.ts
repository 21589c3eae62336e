import { formatMoney } from "@envol/domain";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import {
  amountHintText,
  canRecalculate,
  centsOf,
  DecisionSchema,
  type DecisionValues,
  decisionBody,
  decisionFieldOf,
  decisionSchemaFor,
  decisionsOf,
  groundsShownBy,
  groundWords,
  instalmentOf,
  leftAfter,
  overrideNeeded,
  proposedAmount,
  type RefusedGround,
  reasonOf,
  refusedGroundsOf,
} from "./decision.ts";
import { staffEn } from "./texts/staff.en.ts";
import { staffFr } from "./texts/staff.fr.ts";

const errorsOf = (v: DecisionValues) => {
  const r = DecisionSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("the decisions offered", () => {
  it("are the API's open actions that are decisions, in the form's order", () => {
    expect(decisionsOf(["cancel", "reject", "promote"])).toEqual(["promote", "reject", "cancel"]);
    expect(decisionsOf(["pay-advance", "cancel"])).toEqual(["cancel"]);
    expect(decisionsOf([])).toEqual([]);
  });

  it("ask for a reason when they refuse or stop a request", () => {
    expect(reasonOf("reject")).toBe("required");
    expect(reasonOf("cancel")).toBe("required");
    expect(reasonOf("waitlist")).toBe("optional");
    expect(reasonOf("approve")).toBeNull();
  });
});

describe("the decision form's checks", () => {
  const blank: DecisionValues = { action: "", amount: null, reason: "", override: "" };

  it("want a decision", () => {
    expect(errorsOf(blank)).toEqual(["action:action"]);
  });

  it("want a positive amount to approve or promote", () => {
    expect(errorsOf({ ...blank, action: "approve" })).toEqual(["amount:amountRequired"]);
    expect(errorsOf({ ...blank, action: "promote", amount: Number.NaN })).toEqual([
      "amount:amountRequired",
    ]);
    expect(errorsOf({ ...blank, action: "approve", amount: 0 })).toEqual(["amount:amountPositive"]);
    expect(errorsOf({ ...blank, action: "approve", amount: 1460 })).toEqual([]);
  });

  it("want a reason to reject or cancel, not to waitlist", () => {
    expect(errorsOf({ ...blank, action: "reject", reason: "  " })).toEqual([
      "reason:reasonRequired",
    ]);
    expect(errorsOf({ ...blank, action: "cancel", reason: "Stay cancelled" })).toEqual([]);
    expect(errorsOf({ ...blank, action: "waitlist" })).toEqual([]);
  });

  it("refuse a reason longer than the API keeps", () => {
    expect(errorsOf({ ...blank, action: "reject", reason: "x".repeat(2001) })).toEqual([
      "reason:reasonTooLong",
    ]);
  });
});

describe("the decision's body", () => {
  it("sends the amount in cents, rounded", () => {
    expect(centsOf(1460.5)).toBe(146050);
    expect(centsOf(0.1 + 0.2)).toBe(30);
    expect(
      decisionBody({ action: "approve", amount: 1469.73, reason: "ignored", override: "" }),
    ).toEqual({
      action: "approve",
      amountCents: 146973,
    });
  });

  it("sends the reason trimmed, and none for an empty optional one", () => {
    expect(
      decisionBody({ action: "reject", amount: 12, reason: " Too late \n", override: "" }),
    ).toEqual({
      action: "reject",
      reason: "Too late",
    });
    expect(decisionBody({ action: "waitlist", amount: null, reason: " ", override: "" })).toEqual({
      action: "waitlist",
    });
    expect(decisionBody({ action: "start-review", amount: 5, reason: "x", override: "" })).toEqual({
      action: "start-review",
    });
  });

  it("names the form's field an API error is about", () => {
    expect(decisionFieldOf("amountCents")).toBe("amount");
    expect(decisionFieldOf("reason")).toBe("reason");
    expect(decisionFieldOf("action")).toBeNull();
  });
});

describe("money", () => {
  it("says what an approval leaves in the envelope", () => {
    expect(leftAfter(3710000, 290000)).toBe(3420000);
    expect(leftAfter(100000, 146973)).toBe(-46973);
  });

  it("offers the advance once agreed, then the balance", () => {
    expect(instalmentOf(["pay-advance", "cancel"])).toBe("advance");
    expect(instalmentOf(["complete", "cancel"])).toBe("balance");
    expect(instalmentOf(["sign-agreement", "cancel"])).toBeNull();
    expect(instalmentOf([])).toBeNull();
  });

  it("recomputes a grant that is approved and not settled", () => {
    expect(canRecalculate("approved", 1000)).toBe(true);
    expect(canRecalculate("advance_paid", 1000)).toBe(true);
    expect(canRecalculate("completed", 1000)).toBe(false);
    expect(canRecalculate("approved", null)).toBe(false);
  });
});

describe("the override an approval may need", () => {
  const eligible = { verdict: "eligible", estimateCents: 154_500 } as const;

  it("is needed when the scheme does not find the stay eligible today, gives no estimate, or the amount is above it", () => {
    expect(overrideNeeded("approve", eligible, 154_500)).toBe(false);
    expect(overrideNeeded("approve", eligible, 100_000)).toBe(false);
    expect(overrideNeeded("approve", eligible, 14_000_000)).toBe(true);
    expect(overrideNeeded("promote", eligible, 154_501)).toBe(true);
    expect(overrideNeeded("approve", { verdict: "ineligible", estimateCents: null }, 100)).toBe(
      true,
    );
    expect(overrideNeeded("approve", { verdict: "eligible", estimateCents: null }, 100)).toBe(true);
    expect(overrideNeeded("reject", { verdict: "ineligible", estimateCents: null }, 100)).toBe(
      false,
    );
  });

  it("makes its reason a required field, and is sent with the approval", () => {
    const above = { action: "approve", amount: 140_000, reason: "", override: "" } as const;
    const schema = decisionSchemaFor(eligible);
    const issues = (v: DecisionValues) =>
      schema.safeParse(v).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];
    expect(issues(above)).toEqual(["override:overrideRequired"]);
    expect(issues({ ...above, amount: 1545 })).toEqual([]);
    expect(issues({ ...above, override: "Jury du 12 novembre" })).toEqual([]);
    const shown = groundsShownBy("approve", eligible, 14_000_000);
    expect(shown).toEqual(["above-estimate"]);
    expect(decisionBody({ ...above, override: " Jury du 12 novembre " }, shown)).toEqual({
      action: "approve",
      amountCents: 14_000_000,
      override: { reason: "Jury du 12 novembre", grounds: ["above-estimate"] },
    });
    // a reason with no ground shown covers nothing: not sent, the API says what it finds
    expect(decisionBody({ ...above, amount: 1545, override: "Jury" })).toEqual({
      action: "approve",
      amountCents: 154_500,
    });
    // with the 409's exclusive ground shown, both are named
    expect(decisionBody({ ...above, override: "Cumul voté" }, [...shown, "exclusive"])).toEqual({
      action: "approve",
      amountCents: 14_000_000,
      override: { reason: "Cumul voté", grounds: ["exclusive", "above-estimate"] },
    });
    expect(decisionBody({ ...above, amount: 1545 })).toEqual({
      action: "approve",
      amountCents: 154_500,
    });
  });
});

describe("the grounds of a 409 override-required", () => {
  const extensions = {
    grounds: [
      {
        kind: "exclusive",
        requestId: "143dc1d2-0000-4000-8000-000000000000",
        scheme: "fitec",
        schemeName: { fr: "BRAFITEC", en: "BRAFITEC" },
        start: "2027-02-01",
        end: "2027-06-30",
      },
      { kind: "above-estimate", amountCents: 150_000, estimateCents: 146_000 },
      { kind: "not-eligible", verdict: "ineligible" },
    ],
  };

  it("reads each ground and says it in the reader's words, dates in words and no id", () => {
    const grounds = refusedGroundsOf(extensions);
    expect(grounds.map((g) => g.kind)).toEqual(["exclusive", "above-estimate", "not-eligible"]);
    const fr = grounds.map((g) => groundWords(g, "fr"));
    expect(fr[0]).toBe(
      "La bourse BRAFITEC est déjà accordée pour le séjour du 1er février 2027 au 30 juin 2027, qui chevauche celui-ci : les deux ne se cumulent pas.",
    );
    expect(fr[1]).toContain("dépasse l'estimation du dispositif");
    expect(fr.join(" ")).not.toMatch(/143dc1d2|2027-02-01/);
    expect(groundWords(grounds[0] as RefusedGround, "en")).toContain(
      "from 1 February 2027 to 30 June 2027",
    );
  });

  it("reads none from a body without grounds", () => {
    expect(refusedGroundsOf({})).toEqual([]);
    expect(refusedGroundsOf({ grounds: "x" })).toEqual([]);
  });
});

describe("the amount an approval proposes", () => {
  const i18n = i18next.createInstance();
  const ready = i18n.init({
    lng: "fr",
    ns: ["staff"],
    resources: { fr: { staff: staffFr }, en: { staff: staffEn } },
    interpolation: { escapeValue: false },
  });
  const eligible = (estimateCents: number | null) =>
    ({ verdict: "eligible", estimateCents }) as const;

  it("is the scheme's estimate today, not the one stored when the request was sent (ADR 020)", () => {
    // the office lowered the rate since (2 250 € → 2 000 €), or raised it (2 000 € → 2 250 €)
    expect(proposedAmount(225_000, eligible(200_000))).toEqual({
      amountCents: 200_000,
      hint: { kind: "changed", sentCents: 225_000, todayCents: 200_000 },
    });
    expect(proposedAmount(200_000, eligible(225_000))).toEqual({
      amountCents: 225_000,
      hint: { kind: "changed", sentCents: 200_000, todayCents: 225_000 },
    });
    // proposed, it needs no override
    for (const sent of [225_000, 200_000]) {
      const today = eligible(sent === 225_000 ? 200_000 : 225_000);
      const { amountCents } = proposedAmount(sent, today);
      expect(overrideNeeded("approve", today, amountCents)).toBe(false);
    }
  });

  it("says the estimate at sending alone when today's is the same or not known", () => {
    const cases: [number | null, Parameters<typeof proposedAmount>[1], number | null, string][] = [
      [225_000, eligible(225_000), 225_000, "sent"],
      [null, eligible(200_000), 200_000, "today"],
      // not eligible today, or no estimate: the override is needed anyway, the old figure stays
      [225_000, { verdict: "ineligible", estimateCents: null }, 225_000, "sent"],
      [225_000, eligible(null), 225_000, "sent"],
      [225_000, null, 225_000, "sent"],
      [null, null, null, "none"],
    ];
    for (const [sent, today, amountCents, kind] of cases) {
      const proposed = proposedAmount(sent, today);
      expect(proposed.amountCents, JSON.stringify([sent, today])).toBe(amountCents);
      expect(proposed.hint.kind, JSON.stringify([sent, today])).toBe(kind);
    }
  });

  it("writes both estimates when they differ, in French with no-break spaces and in English", async () => {
    await ready;
    const hint = proposedAmount(225_000, eligible(200_000)).hint;
    const fr = amountHintText(hint, "fr", i18n.getFixedT("fr", "staff") as never);
    expect(fr).toBe(
      `Estimation à l'envoi\u00a0: ${formatMoney(225_000, "fr")}\u00a0; selon les règles en vigueur\u00a0: ${formatMoney(200_000, "fr")}. Le montant proposé suit les règles en vigueur\u00a0; modifiez-le si besoin.`,
    );
    expect(fr).toMatch(
      /^Estimation à l'envoi\u00a0: 2\s250\s€\u00a0; selon les règles en vigueur\u00a0: 2\s000\s€\./,
    );
    expect(amountHintText(hint, "en", i18n.getFixedT("en", "staff") as never)).toBe(
      "Estimate when sent: €2,250; on the rules in force: €2,000. The amount proposed follows the rules in force; change it if needed.",
    );
    const same = proposedAmount(225_000, eligible(225_000)).hint;
    expect(amountHintText(same, "en", i18n.getFixedT("en", "staff") as never)).toBe(
      "The estimate made when applying: €2,250. Change it if needed.",
    );
  });
});
