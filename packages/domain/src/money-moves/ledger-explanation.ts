import type { RequestAction } from "../application-lifecycle.ts";
import { formatLongDate } from "../long-date.ts";
import { formatMoney } from "../money.ts";
import { REQUEST_ACTION_DONE } from "../request-words.ts";
import type { Lang, Text } from "../text.ts";
import { type Remaining, remainingOf } from "./remaining.ts";

/**
 * The ledger explains each movement of money line by line. A line is stored as a key and its
 * parameters, never as a sentence, so that each reader sees it in their own language
 * ({@link renderLedgerLine}); amounts are cents, dates ISO dates.
 */

/** An estimate's line in both languages: the engine's label and basis (the plugin's words). */
export interface EstimateLineWords {
  readonly label: Text;
  readonly amountCents: number;
  readonly basis: Text;
}

/** The stay an estimate was computed on, as its lines are headed: "Avant (du … au …)". */
export interface StayDates {
  readonly startDate: string;
  readonly endDate: string;
}

/** One explained line of a ledger entry, as key and parameters. */
export type LedgerLine =
  /** An approval's amount committed against the envelope. */
  | LineOf<"commitment", { readonly action: RequestAction }>
  /** A commitment given back to the envelope (withdrawn, cancelled, rejected). */
  | LineOf<"release", { readonly action: RequestAction }>
  /** An ended grant that was paid: what was paid is to recover from the student. */
  | LineOf<"recover", { readonly action: RequestAction; readonly paidCents: number }>
  /** The advance paid. */
  | LineOf<"advance", { readonly action: RequestAction }>
  /** The balance paid when the grant is settled. */
  | LineOf<"balance", { readonly action: RequestAction }>
  /** A negative balance: paid beyond what the grant came to, to be paid back. */
  | LineOf<"pay-back", { readonly action: RequestAction }>
  /** A recalculation: one line of the grant's estimate before, or after, on its stay. */
  | LineOf<"before" | "after", StayDates & { readonly line: EstimateLineWords }>
  /** A recalculation: what the office approved beyond (or below) the estimate before. */
  | LineOf<"adjustment", StayDates & { readonly approvedCents: number }>
  /** A recalculation: the new amount less the previous one (the commitment's change). */
  | LineOf<"difference", { readonly fromCents: number; readonly toCents: number }>
  /**
   * A recalculation: the new amount less what was paid, what is still to pay (positive) or to
   * recover (negative): see `remainingOf`.
   */
  | LineOf<"remaining", { readonly approvedCents: number; readonly paidCents: number }>;

interface LineOf<K extends string, P> {
  readonly key: K;
  readonly amountCents: number;
  readonly params: P;
}

/**
 * A line written before lines were keys: its French sentence, as stored. Databases keep such
 * rows; they are shown as they were written.
 */
export interface WrittenLedgerLine {
  readonly label: string;
  readonly amountCents: number;
  readonly basis: string;
}

/** What a ledger row's explanation holds: keyed lines, or sentences written before keys. */
export type StoredLedgerLine = LedgerLine | WrittenLedgerLine;

/** A ledger line in the reader's language. */
export interface RenderedLedgerLine {
  readonly label: string;
  readonly amountCents: number;
  readonly basis: string;
}

const isKeyed = (line: StoredLedgerLine): line is LedgerLine => "key" in line;

type Words = (line: LedgerLine, lang: Lang) => { readonly label: string; readonly basis: string };

/** The stay's dates in the reader's words: "du 1er février 2027 au 10 juin 2027". */
const stay = (p: StayDates): Text => ({
  fr: `du ${formatLongDate(p.startDate, "fr")} au ${formatLongDate(p.endDate, "fr")}`,
  en: `${formatLongDate(p.startDate, "en")} to ${formatLongDate(p.endDate, "en")}`,
});

const PHASE: Record<"before" | "after", Text> = {
  before: { fr: "Avant", en: "Before" },
  after: { fr: "Après", en: "After" },
};

/** A label headed by the stay it belongs to: "Avant (du … au …) : Bourse mensuelle". */
const headed = (phase: "before" | "after", p: StayDates, label: Text, lang: Lang): string =>
  ({
    fr: `${PHASE[phase].fr} (${stay(p).fr}) : ${label.fr}`,
    en: `${PHASE[phase].en} (${stay(p).en}): ${label.en}`,
  })[lang];

const LABELS: Record<"commitment" | "release" | "advance" | "balance" | "pay-back", Text> = {
  commitment: { fr: "Engagement sur l'enveloppe", en: "Committed against the envelope" },
  release: { fr: "Engagement libéré", en: "Commitment released" },
  advance: { fr: "Versement de l'avance", en: "Advance paid" },
  balance: { fr: "Versement du solde", en: "Balance paid" },
  "pay-back": { fr: "Trop-perçu à reverser", en: "Overpayment to pay back" },
};

/** A recovery's decision: settling the request is no balance paid ("Solde versé"). */
const PAY_BACK_BASIS: Partial<Record<RequestAction, Text>> = {
  complete: { fr: "Demande soldée", en: "Request settled" },
};

/** How the grant's amount moved: what is owed either way is the "remaining" line's to say. */
const DIFFERENCE: Record<"up" | "down" | "none", Text> = {
  up: { fr: "Différence : bourse augmentée", en: "Difference: grant raised" },
  down: { fr: "Différence : bourse réduite", en: "Difference: grant lowered" },
  none: { fr: "Différence : aucune", en: "Difference: none" },
};

/** What remains once paid, as every screen and the student's e-mail say it. */
export const REMAINING: Record<Remaining["kind"], Text> = {
  "to-pay": { fr: "Reste à verser", en: "Still to pay" },
  "to-recover": { fr: "À récupérer", en: "To recover" },
  settled: { fr: "Rien à verser ni à récupérer", en: "Nothing to pay or recover" },
};

const words: Words = (line, lang) => {
  switch (line.key) {
    case "commitment":
    case "release":
    case "advance":
    case "balance":
    case "pay-back":
      // the basis is the decision that moved the money, as the request's history names it (a
      // row is read back from the database: an action this code does not know is shown as stored)
      return {
        label: LABELS[line.key][lang],
        basis:
          (line.key === "pay-back" ? PAY_BACK_BASIS[line.params.action] : undefined)?.[lang] ??
          REQUEST_ACTION_DONE[line.params.action]?.[lang] ??
          line.params.action,
      };
    case "before":
    case "after":
      return {
        label: headed(line.key, line.params, line.params.line.label, lang),
        basis: line.params.line.basis[lang],
      };
    case "adjustment": {
      const approved = formatMoney(line.params.approvedCents, lang);
      return {
        label: headed(
          "before",
          line.params,
          { fr: "Ajustement décidé par le service", en: "Adjustment decided by the office" },
          lang,
        ),
        basis: { fr: `montant accordé : ${approved}`, en: `amount approved: ${approved}` }[lang],
      };
    }
    case "difference": {
      const { fromCents, toCents } = line.params;
      const sign = toCents > fromCents ? "up" : toCents < fromCents ? "down" : "none";
      return {
        label: DIFFERENCE[sign][lang],
        basis: `${formatMoney(toCents, lang)} − ${formatMoney(fromCents, lang)}`,
      };
    }
    case "recover": {
      const paid = formatMoney(line.params.paidCents, lang);
      const done = REQUEST_ACTION_DONE[line.params.action]?.[lang] ?? line.params.action;
      return {
        label: REMAINING["to-recover"][lang],
        basis: {
          fr: `${paid} déjà versés sur une bourse qui a pris fin (${done})`,
          en: `${paid} already paid on a grant that ended (${done})`,
        }[lang],
      };
    }
    case "remaining": {
      const { approvedCents, paidCents } = line.params;
      const [approved, paid] = [formatMoney(approvedCents, lang), formatMoney(paidCents, lang)];
      return {
        label: REMAINING[remainingOf(line.params).kind][lang],
        basis: {
          fr: `${approved} − ${paid} déjà versés`,
          en: `${approved} − ${paid} already paid`,
        }[lang],
      };
    }
  }
};

/**
 * A stored line in the reader's language: a keyed line in their words, a line written before
 * keys as it was written.
 *
 * @example
 * renderLedgerLine({ key: "difference", amountCents: -30_000,
 *   params: { fromCents: 225_000, toCents: 195_000 } }, "en")
 * // { label: "Difference: grant lowered", amountCents: -30000, basis: "€1,950 − €2,250" }
 */
export const renderLedgerLine = (line: StoredLedgerLine, lang: Lang): RenderedLedgerLine => {
  if (!isKeyed(line))
    return { label: line.label, amountCents: line.amountCents, basis: line.basis };
  return { ...words(line, lang), amountCents: line.amountCents };
};
