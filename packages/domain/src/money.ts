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
  if (parts.length === 1) return [roundHalfUp(parts[0] as Amount)];
  if (parts.every((p) => p.d === 1)) return parts.map((p) => p.n);
  const total = roundHalfUp(sum(parts));
  const floors = parts.map((p) => Math.floor(p.n / p.d));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const byRemainder = parts
    .map((p, i) => ({ i, r: (p.n - (floors[i] as number) * p.d) / p.d }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  const out = [...floors];
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
};

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

/**
 * Intl's euro formats, with and without cents, made on first use and kept: making one costs
 * far more than using it.
 */
const currencyFormats: Record<Lang, Map<boolean, Intl.NumberFormat>> = {
  fr: new Map(),
  en: new Map(),
};

const intl = (lang: Lang, fraction: boolean): Intl.NumberFormat => {
  const formats = currencyFormats[lang];
  let format = formats.get(fraction);
  if (!format) {
    const digits = fraction ? 2 : 0;
    format = new Intl.NumberFormat(LOCALES[lang], {
      style: "currency",
      currency: "EUR",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(fraction, format);
  }
  return format;
};

interface MoneyPattern {
  readonly prefix: string;
  readonly group: string;
  readonly decimal: string;
  readonly suffix: string;
}

/**
 * The runtime's own way of writing euros in `lang` (symbol place, separators and their exact
 * spaces, which vary with the ICU version), read once from `Intl` so that formatting a
 * non-negative amount is plain string work on the engine's hot path.
 */
const patternOf = (lang: Lang): MoneyPattern => {
  const parts = intl(lang, true).formatToParts(1234567.89);
  const first = parts.findIndex((p) => p.type === "integer");
  const last = parts.findIndex((p) => p.type === "fraction");
  return {
    prefix: parts
      .slice(0, first)
      .map((p) => p.value)
      .join(""),
    group: parts.find((p) => p.type === "group")?.value ?? "",
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    suffix: parts
      .slice(last + 1)
      .map((p) => p.value)
      .join(""),
  };
};

const patterns: Record<Lang, MoneyPattern> = { fr: patternOf("fr"), en: patternOf("en") };

/** "000" … "999": the groups after the first, without slicing a string per group. */
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, i) =>
  String(i).padStart(3, "0"),
);

/** A non-negative safe integer with its thousands separated: 1234567 → "1 234 567". */
const grouped = (n: number, separator: string): string => {
  if (n < 1000) return String(n);
  let out = THREE_DIGITS[n % 1000] as string;
  let rest = Math.floor(n / 1000);
  while (rest >= 1000) {
    out = `${THREE_DIGITS[rest % 1000]}${separator}${out}`;
    rest = Math.floor(rest / 1000);
  }
  return `${rest}${separator}${out}`;
};

/**
 * Formats cents for people, exactly as `Intl.NumberFormat` does: `formatMoney(146000, "fr")`
 * is "1 460 €" (with the no-break spaces of the runtime's ICU data), `formatMoney(146050, "en")`
 * is "€1,460.50". Whole euros are shown without decimals.
 */
export const formatMoney = (valueCents: number, lang: Lang): string => {
  // plain string work, and no cache: a cache of the last amounts (a Map, then a direct-mapped
  // table) cost more than it saved, the amounts that do not repeat (a quotient familial, a
  // student's costs) outliving their evaluation in it and loading the garbage collector
  if (valueCents < 0 || !Number.isSafeInteger(valueCents))
    return intl(lang, valueCents % 100 !== 0).format(valueCents / 100);
  const p = patterns[lang];
  const euros = grouped(Math.floor(valueCents / 100), p.group);
  const rest = valueCents % 100;
  return rest === 0
    ? `${p.prefix}${euros}${p.suffix}`
    : `${p.prefix}${euros}${p.decimal}${rest < 10 ? "0" : ""}${rest}${p.suffix}`;
};

/**
 * A whole number as the reader writes it, exactly as `Intl.NumberFormat` does: `formatInteger(
 * 12345, "fr")` is "12 345" (a narrow no-break space), `formatInteger(12345, "en")` "12,345".
 * Without Intl on the common path, which costs about a microsecond a call.
 */
export const formatInteger = (n: number, lang: Lang): string =>
  Number.isSafeInteger(n) && n >= 0
    ? grouped(n, patterns[lang].group)
    : integerFormat(lang).format(n);

const integerFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** Intl's integer format, made on first use and kept: only negative or unsafe numbers need it. */
const integerFormat = (lang: Lang): Intl.NumberFormat => {
  let format = integerFormats[lang];
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang]);
    integerFormats[lang] = format;
  }
  return format;
};
