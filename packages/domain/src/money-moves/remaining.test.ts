import { Result } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transition } from "../application-lifecycle.ts";
import { remainingOf, remainingOfRequest } from "./remaining.ts";

/** To pay less to recover: the signed amount a remainder stands for. */
const signed = (r: ReturnType<typeof remainingOf>): number =>
  r.kind === "to-pay" ? r.cents : r.kind === "to-recover" ? -r.cents : 0;

describe("remainingOfRequest", () => {
  it.each(["withdrawn", "cancelled", "rejected"] as const)(
    "a %s request comes to nothing: what was paid is to recover, nothing to pay",
    (state) => {
      expect(remainingOfRequest({ state, approvedCents: 73_000, paidCents: 58_400 })).toEqual({
        kind: "to-recover",
        cents: 58_400,
      });
      expect(remainingOfRequest({ state, approvedCents: 73_000, paidCents: 0 })).toEqual({
        kind: "settled",
      });
    },
  );

  it.each(["approved", "advance_paid", "completed"] as const)(
    "a %s request is what remains of its approved amount",
    (state) => {
      expect(remainingOfRequest({ state, approvedCents: 73_000, paidCents: 58_400 })).toEqual({
        kind: "to-pay",
        cents: 14_600,
      });
    },
  );
});

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

  it("over random grants, payments and recalculations: to pay − to recover = new amount − paid, recover only when paid > new; ending the grant gives back at most new amount − paid, and what was paid is to recover", () => {
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

          // then the office ends the grant (its advance paid): only the unpaid part goes back
          if (balancePaid || advance === 0) return;
          const ended = transition(
            {
              id: "r1",
              scheme: "erasmus",
              state: "advance_paid",
              studentId: "s1",
              hostPartnerId: null,
              approvedCents: recalculated,
              paidCents: paid,
            },
            { action: "cancel", reason: "mobility called off" },
            { kind: "staff", userId: "u1" },
            "2026-12-06T08:00:00Z",
          );
          if (Result.isFailure(ended)) throw ended.failure;
          const released = ended.success.money
            .filter((m) => m.kind === "release")
            .reduce((sum, m) => sum + m.cents, 0);
          expect(released).toBe(Math.max(0, recalculated - paid));
          expect(
            remainingOfRequest({ ...ended.success.request, approvedCents: recalculated }),
          ).toEqual(paid > 0 ? { kind: "to-recover", cents: paid } : { kind: "settled" });
        },
      ),
    );
  });
});
