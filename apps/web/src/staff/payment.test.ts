import { describe, expect, it } from "vitest";
import { expectedCentsOf, paymentConfirmation } from "./payment.ts";

const due = (remaining: Parameters<typeof paymentConfirmation>[1]["remaining"]) => ({
  paidCents: 180_000,
  advanceCents: 156_000,
  remaining,
});

describe("the payment the office confirms", () => {
  it("is the advance typed, else the scheme's default the API gives", () => {
    const d = due({ kind: "to-pay", cents: 195_000 });
    expect(paymentConfirmation("advance", d, null)).toEqual({
      key: "advance",
      amountCents: 156_000,
    });
    expect(paymentConfirmation("advance", d, 100_000)).toEqual({
      key: "advance",
      amountCents: 100_000,
    });
  });

  it("is the balance as the API says it remains from what was paid", () => {
    // 1 950 € granted, 1 800 € paid: 150 € still to pay, nothing to recover
    expect(paymentConfirmation("balance", due({ kind: "to-pay", cents: 15_000 }), null)).toEqual({
      key: "to-pay",
      amountCents: 15_000,
    });
    expect(paymentConfirmation("balance", due({ kind: "to-recover", cents: 6_667 }), null)).toEqual(
      { key: "to-recover", amountCents: 6_667 },
    );
    expect(paymentConfirmation("balance", due({ kind: "settled" }), null)).toEqual({
      key: "settled",
    });
    expect(paymentConfirmation("balance", due(null), null)).toEqual({ key: "settled" });
  });

  it("binds the amount shown: a balance to recover is sent negative, a settled grant as zero", () => {
    expect(expectedCentsOf({ key: "advance", amountCents: 156_000 })).toBe(156_000);
    expect(expectedCentsOf({ key: "to-pay", amountCents: 39_000 })).toBe(39_000);
    expect(expectedCentsOf({ key: "to-recover", amountCents: 15_000 })).toBe(-15_000);
    expect(expectedCentsOf({ key: "settled" })).toBe(0);
  });
});
