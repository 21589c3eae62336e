import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { remainingOf } from "./remaining.ts";

/** To pay less to recover: the signed amount a remainder stands for. */
const signed = (r: ReturnType<typeof remainingOf>): number =>
  r.kind === "to-pay" ? r.cents : r.kind === "to-recover" ? -r.cents : 0;

describe("remainingOf", () => {
  it("a KA171 grant of 5 235 €, 4 188 € advanced, recalculated to 4 511,67 €: 323,67 € still to pay", () => {
    expect(remainingOf({ approvedCents: 451_167, paidCents: 418_800 })).toEqual({
      kind: "to-pay",
      cents: 32_367,
    });
  });

  it("nothing paid: the whole grant is to pay, never to recover", () => {
    expect(remainingOf({ approvedCents: 195_000, paidCents: 0 })).toEqual({
      kind: "to-pay",
      cents: 195_000,
    });
  });

  it("paid beyond the new amount: the excess is to recover; paid exactly: settled", () => {
    expect(remainingOf({ approvedCents: 195_000, paidCents: 200_000 })).toEqual({
      kind: "to-recover",
      cents: 5_000,
    });
    expect(remainingOf({ approvedCents: 195_000, paidCents: 195_000 })).toEqual({
      kind: "settled",
    });
  });

  it("over random grants, payments and recalculations: to pay − to recover = new amount − paid, recover only when paid > new", () => {
    const cents = fc.integer({ min: 0, max: 20_000_000 });
    fc.assert(
      fc.property(
        cents,
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        cents,
        (approved, advancePercent, balancePaid, recalculated) => {
          // an advance (a share of the approval), perhaps the balance, then a recalculation
          const advance = Math.round((approved * advancePercent) / 100);
          const paid = balancePaid ? approved : advance;
          const r = remainingOf({ approvedCents: recalculated, paidCents: paid });
          expect(signed(r)).toBe(recalculated - paid);
          if (r.kind !== "settled") expect(r.cents).toBeGreaterThan(0);
          expect(r.kind === "to-recover").toBe(paid > recalculated);
          expect(r.kind === "to-pay").toBe(paid < recalculated);
        },
      ),
    );
  });
});
