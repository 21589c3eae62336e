import type { Lang } from "./text.ts";

/**
 * Money is integer euro cents everywhere inside Envol. Intermediate amounts are exact
 * fractions of a cent (a monthly rate × days / 30 rarely falls on a whole cent), and they are
 * rounded once, at the end, half-up to the cent (ARCHITECTURE §2.1).
 */
export interface Amount {
  /** numerator, in cents */
  readonly n: number;
  /** denominator, a positive integer */
  readonly d: number;
}

const gcd = (a: number, b: number): number => {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
};

const normalize = (n: number, d: number): Amount => {
  if (d === 1 && Number.isSafeInteger(n)) return { n, d };
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0) {
    throw new RangeError(`not an exact amount: ${n}/${d}`);
  }
  const g = gcd(n, d) || 1;
  return { n: n / g, d: d / g };
};

/** A whole number of cents. */
export const cents = (value: number): Amount => normalize(value, 1);

/** `rateCents × numerator / denominator`, exactly: `prorata(29200, 150, 30)` is 292 € for 150/30 months. */
export const prorata = (rateCents: number, numerator: number, denominator: number): Amount =>
  normalize(rateCents * numerator, denominator);

export const ZERO: Amount = { n: 0, d: 1 };

export const add = (a: Amount, b: Amount): Amount => {
  if (a.d === b.d) return normalize(a.n + b.n, a.d);
  // over the least common denominator, so sums of many fractions stay small
  const l = (a.d / (gcd(a.d, b.d) || 1)) * b.d;
  return normalize(a.n * (l / a.d) + b.n * (l / b.d), l);
};

export const sub = (a: Amount, b: Amount): Amount => add(a, { n: -b.n, d: b.d });

export const sum = (amounts: Iterable<Amount>): Amount => {
  let total = ZERO;
  for (const a of amounts) total = add(total, a);
  return total;
};

export const compare = (a: Amount, b: Amount): number => a.n * b.d - b.n * a.d;

export const min = (a: Amount, b: Amount): Amount => (compare(a, b) <= 0 ? a : b);

export const max = (a: Amount, b: Amount): Amount => (compare(a, b) >= 0 ? a : b);

/** Rounds half-up (towards +∞ on an exact half) to a whole cent. */
export const roundHalfUp = (a: Amount): number => Math.floor((2 * a.n + a.d) / (2 * a.d));

/**
 * Whole cents for each of `parts` that add up exactly to their rounded total (largest
 * remainder): an estimate's lines then sum to its total, as a reader expects, while the total
 * is still rounded once.
 */
export const apportion = (parts: readonly Amount[]): number[] => {
  if (parts.every((p) => p.d === 1)) return parts.map((p) => p.n);
  const total = roundHalfUp(sum(parts));
  const floors = parts.map((p, i) => {
    const cents = Math.floor(p.n / p.d);
    return { i, cents, remainder: (p.n - cents * p.d) / p.d };
  });
  const left = total - floors.reduce((a, f) => a + f.cents, 0);
  // the `left` largest remainders (the first part on a tie) get one cent more
  const rounded = new Set(
    [...floors]
      .sort((a, b) => b.remainder - a.remainder || a.i - b.i)
      .slice(0, Math.max(0, left))
      .map((f) => f.i),
  );
  return floors.map((f) => (rounded.has(f.i) ? f.cents + 1 : f.cents));
};

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

/** Euros with their cents, or without when the amount is whole: "1 460 €", "1 460,50 €". */
const moneyFormat = (lang: Lang): Intl.NumberFormat =>
  new Intl.NumberFormat(LOCALES[lang], {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    trailingZeroDisplay: "stripIfInteger",
  });

const MONEY: Record<Lang, Intl.NumberFormat> = { fr: moneyFormat("fr"), en: moneyFormat("en") };

const INTEGER: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat(LOCALES.fr),
  en: new Intl.NumberFormat(LOCALES.en),
};

const DECIMAL: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat(LOCALES.fr, { maximumFractionDigits: 2, useGrouping: false }),
  en: new Intl.NumberFormat(LOCALES.en, { maximumFractionDigits: 2, useGrouping: false }),
};

/**
 * A count of days or months as the reader writes it: a whole one as it is (`150`), a fraction
 * with the reader's decimal mark, to the hundredth (`formatCount(9.5, "fr")` is "9,5").
 */
export const formatCount = (n: number, lang: Lang): string =>
  Number.isInteger(n) ? String(n) : DECIMAL[lang].format(n);

/**
 * Formats cents for people: `formatMoney(146000, "fr")` is "1 460 €" (with the no-break spaces
 * of the runtime's ICU data), `formatMoney(146050, "en")` is "€1,460.50". Whole euros are shown
 * without decimals.
 */
export const formatMoney = (valueCents: number, lang: Lang): string =>
  MONEY[lang].format(valueCents / 100);

/**
 * A whole number as the reader writes it: `formatInteger(12345, "fr")` is "12 345" (a narrow
 * no-break space), `formatInteger(12345, "en")` "12,345".
 */
export const formatInteger = (n: number, lang: Lang): string => INTEGER[lang].format(n);
