import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  cents,
  compare,
  formatCount,
  formatInteger,
  formatMoney,
  max,
  min,
  prorata,
  roundHalfUp,
  sub,
  sum,
  ZERO,
} from "./money.ts";

const NNBSP = "\u202f"; // narrow no-break space: fr-FR thousands separator
const NBSP = "\u00a0"; // no-break space: fr-FR space before the euro sign

describe("exact amounts", () => {
  it("prorates exactly and reduces the fraction", () => {
    expect(prorata(29200, 150, 30)).toEqual({ n: 146000, d: 1 });
    expect(prorata(45000, 44, 30)).toEqual({ n: 66000, d: 1 });
    expect(prorata(29200, 44, 30)).toEqual({ n: 128480, d: 3 });
    expect(prorata(1, 1, 3)).toEqual({ n: 1, d: 3 });
    expect(cents(0)).toEqual(ZERO);
  });

  it("rejects amounts that are not exact fractions", () => {
    expect(() => cents(1.5)).toThrow(RangeError);
    expect(() => prorata(100, 1, 0)).toThrow(RangeError);
    expect(() => prorata(100, 1, -3)).toThrow(RangeError);
    expect(() => cents(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it("adds, subtracts and compares fractions exactly", () => {
    expect(add(prorata(1, 1, 3), prorata(1, 1, 6))).toEqual({ n: 1, d: 2 });
    expect(sub(prorata(1, 1, 2), prorata(1, 1, 3))).toEqual({ n: 1, d: 6 });
    expect(sub(cents(5), cents(5))).toEqual(ZERO);
    expect(compare(prorata(1, 1, 3), prorata(1, 1, 4))).toBeGreaterThan(0);
    expect(compare(prorata(2, 1, 4), prorata(1, 1, 2))).toBe(0);
    expect(min(cents(92000), cents(80000))).toEqual(cents(80000));
    expect(max(prorata(1, 1, 3), prorata(1, 1, 4))).toEqual(prorata(1, 1, 3));
  });

  it("sums many fractions with no drift", () => {
    const thirds = Array.from({ length: 3000 }, () => prorata(1, 1, 3));
    expect(sum(thirds)).toEqual(cents(1000));
    const tenths = Array.from({ length: 10 }, () => prorata(1, 1, 10));
    expect(sum(tenths)).toEqual(cents(1));
    // 1/(1·2) + 1/(2·3) + … + 1/(20·21) = 20/21, a sum whose denominators keep changing
    const telescoping = Array.from({ length: 20 }, (_, i) => prorata(1, 1, (i + 1) * (i + 2)));
    expect(sum(telescoping)).toEqual({ n: 20, d: 21 });
    expect(sum([])).toEqual(ZERO);
  });

  it("sums monthly amounts to the whole-number total a float sum misses", () => {
    // 0.1 € × 3 in floats is 0.30000000000000004; here it is exactly 30 cents
    expect(sum([cents(10), cents(10), cents(10)])).toEqual(cents(30));
    expect(roundHalfUp(sum(Array.from({ length: 30 }, () => prorata(29200, 1, 30))))).toBe(29200);
  });

  it("sums in any order to the same amount", () => {
    fc.assert(
      fc.property(
        // denominators as the schemes make them (days / 30, months / 12…), small enough to stay exact
        fc.array(
          fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 1, max: 12 })),
          { maxLength: 12 },
        ),
        (parts) => {
          const amounts = parts.map(([n, d]) => prorata(n, 1, d));
          expect(sum(amounts)).toEqual(sum([...amounts].reverse()));
        },
      ),
    );
  });
});

describe("roundHalfUp", () => {
  it.each([
    [1, 2, 1],
    [3, 2, 2],
    [5, 2, 3],
    [7, 2, 4],
    [1, 3, 0],
    [2, 3, 1],
    [128480, 3, 42827],
    [128479, 3, 42826],
    [146000, 1, 146000],
    [0, 1, 0],
  ])("%i/%i cents → %i", (n, d, rounded) => {
    expect(roundHalfUp(prorata(n, 1, d))).toBe(rounded);
  });

  it("rounds negative halves towards +∞", () => {
    expect(roundHalfUp(prorata(-1, 1, 2))).toBe(0);
    expect(roundHalfUp(prorata(-3, 1, 2))).toBe(-1);
    expect(roundHalfUp(prorata(-2, 1, 3))).toBe(-1);
  });

  it("agrees with the decimal rule on every fraction", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (n, d) => {
          const r = roundHalfUp(prorata(n, 1, d));
          // r − 1/2 ≤ n/d < r + 1/2, in integers: 2dr − d ≤ 2n < 2dr + d
          expect(2 * d * r - d).toBeLessThanOrEqual(2 * n);
          expect(2 * n).toBeLessThan(2 * d * r + d);
        },
      ),
    );
  });
});

describe("formatMoney", () => {
  it.each([
    [146000, `1${NNBSP}460${NBSP}€`, "€1,460"],
    [146050, `1${NNBSP}460,50${NBSP}€`, "€1,460.50"],
    [66000, `660${NBSP}€`, "€660"],
    [5, `0,05${NBSP}€`, "€0.05"],
    [0, `0${NBSP}€`, "€0"],
    [100000000, `1${NNBSP}000${NNBSP}000${NBSP}€`, "€1,000,000"],
    [-350, `-3,50${NBSP}€`, "-€3.50"],
  ])("%i cents reads %j in French and %j in English", (value, fr, en) => {
    expect(formatMoney(value, "fr")).toBe(fr);
    expect(formatMoney(value, "en")).toBe(en);
  });
});

describe("formatCount", () => {
  it("writes a whole count as it is and a fraction with the reader's decimal mark, to the hundredth", () => {
    expect(formatCount(150, "fr")).toBe("150");
    expect(formatCount(1000, "en")).toBe("1000");
    expect(formatCount(9.5, "fr")).toBe("9,5");
    expect(formatCount(9.5, "en")).toBe("9.5");
    expect(formatCount(3.33333, "fr")).toBe("3,33");
  });
});

describe("formatInteger", () => {
  it.each([
    [0, "0", "0"],
    [999, "999", "999"],
    [12_345, `12${NNBSP}345`, "12,345"],
    [1_000_000, `1${NNBSP}000${NNBSP}000`, "1,000,000"],
    [-12_345, `-12${NNBSP}345`, "-12,345"],
  ])("%i reads %j in French and %j in English", (n, fr, en) => {
    expect(formatInteger(n, "fr")).toBe(fr);
    expect(formatInteger(n, "en")).toBe(en);
  });
});
