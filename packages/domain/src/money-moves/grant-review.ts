import { type AcademicYear, academicYearStart } from "../academic-year.ts";
import { addDays, compareDates, type IsoDate } from "../calendar-date.ts";
import { formatLongDate } from "../long-date.ts";
import { formatMoney } from "../money.ts";
import type { Verdict } from "../simulation-report.ts";
import { deOrD, type Lang, type Text } from "../text.ts";
import type { StayDates } from "./ledger-explanation.ts";

/**
 * What the office is asked to look at about a grant before money moves (ADR 012): a partner's
 * statement of actual dates that would raise it, and a grant that another grant's recalculation
 * left stale. Nothing here changes an amount: the office confirms (a recalculation) or sets
 * the review aside with a reason.
 */

/** How many days around the planned stay a host's actual dates may fall, unless configured. */
export const DEFAULT_STATEMENT_WINDOW_DAYS = 30;

/** The dates a host may state: the planned stay widened by the window, within its academic year. */
export interface StatementWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * The window a host's actual dates must fall in: `windowDays` before the planned arrival to
 * `windowDays` after the planned departure, cut to the stay's academic year (1 July–30 June)
 * but never inside the planned stay.
 *
 * @example
 * statementWindow({ startDate: "2027-02-01", endDate: "2027-06-10" }, "2026-2027", 30)
 * // { from: "2027-01-02", to: "2027-06-30" }
 */
export const statementWindow = (
  planned: StayDates,
  academicYear: AcademicYear,
  windowDays: number,
): StatementWindow => {
  const first = academicYearStart(academicYear);
  const [yearFrom, yearTo] = [`${first}-07-01`, `${first + 1}-06-30`];
  const [from, to] = [
    addDays(planned.startDate, -windowDays),
    addDays(planned.endDate, windowDays),
  ];
  // the year cuts the margin, never the planned stay itself (a stay may run past 30 June)
  const later = (a: IsoDate, b: IsoDate) => (compareDates(a, b) > 0 ? a : b);
  const earlier = (a: IsoDate, b: IsoDate) => (compareDates(a, b) < 0 ? a : b);
  return {
    from: earlier(planned.startDate, later(from, yearFrom)),
    to: later(planned.endDate, earlier(to, yearTo)),
  };
};

export const isWithin = (date: IsoDate, window: StatementWindow): boolean =>
  compareDates(date, window.from) >= 0 && compareDates(date, window.to) <= 0;

/** Why a date lies outside the window, in the reader's language. */
export const outsideWindow = (window: StatementWindow, windowDays: number, lang: Lang): string =>
  ({
    fr: `doit être entre le ${formatLongDate(window.from, "fr")} et le ${formatLongDate(window.to, "fr")} (${window.from} – ${window.to}) : ${windowDays} jours autour du séjour prévu, dans son année universitaire`,
    en: `must be from ${formatLongDate(window.from, "en")} to ${formatLongDate(window.to, "en")} (${window.from} – ${window.to}): ${windowDays} days around the planned stay, within its academic year`,
  })[lang];

const stayWords = (dates: StayDates, lang: Lang): string =>
  ({
    fr: `du ${formatLongDate(dates.startDate, "fr")} au ${formatLongDate(dates.endDate, "fr")}`,
    en: `${formatLongDate(dates.startDate, "en")} to ${formatLongDate(dates.endDate, "en")}`,
  })[lang];

/**
 * Why a host's statement is not applied at once (ADR 012): it would raise the grant, change a
 * grant the office approved with an override, or change a grant of which money was paid.
 */
export type StatementHold = "rise" | "override" | "paid";

const HOLD_WORDS: Record<StatementHold, Text> = {
  rise: {
    fr: "Une hausse n'est appliquée qu'une fois confirmée par la DRI.",
    en: "A rise is applied only once the office confirms it.",
  },
  override: {
    fr: "La DRI a accordé ce montant par dérogation : il ne change qu'une fois qu'elle le confirme.",
    en: "The office granted this amount by override: it changes only once the office confirms it.",
  },
  paid: {
    fr: "Une partie de la bourse est déjà versée : le montant ne change qu'une fois confirmé par la DRI.",
    en: "Part of the grant is already paid: the amount changes only once the office confirms it.",
  },
};

/** Why a host's statement awaits the office, and what it would do to the grant. */
export const statementAwaitingOffice = (
  statement: StayDates & {
    readonly schemeName: Text;
    readonly beforeCents: number;
    readonly afterCents: number;
    readonly hold: StatementHold;
  },
): Text => {
  const say = (lang: Lang) => {
    const [before, after] = [
      formatMoney(statement.beforeCents, lang),
      formatMoney(statement.afterCents, lang),
    ];
    return {
      fr: `L'établissement d'accueil déclare le séjour ${stayWords(statement, "fr")} : le montant accordé au titre ${deOrD(statement.schemeName.fr)} passerait de ${before} à ${after}. ${HOLD_WORDS[statement.hold].fr}`,
      en: `The host states the stay as ${stayWords(statement, "en")}: the amount granted under ${statement.schemeName.en} would go from ${before} to ${after}. ${HOLD_WORDS[statement.hold].en}`,
    }[lang];
  };
  return { fr: say("fr"), en: say("en") };
};

/** What a scheme says of a stay on some dates: its verdict and standalone amount. */
export interface VerdictOnDates extends StayDates {
  readonly verdict: Verdict;
  readonly estimateCents: number | null;
}

/** A grant the office must look at: what the scheme now says of it, and why it was flagged. */
export interface StaleGrant {
  readonly afterVerdict: Verdict;
  readonly afterCents: number | null;
  readonly explanation: Text;
}

/** What the scheme says of the stay on some dates, as the stay's predicate: "est éligible pour 1 125 €". */
const verdictNow = (v: VerdictOnDates, lang: Lang): string => {
  if (v.verdict === "eligible")
    return v.estimateCents === null
      ? { fr: "est éligible", en: "is eligible" }[lang]
      : {
          fr: `est éligible pour ${formatMoney(v.estimateCents, "fr")}`,
          en: `is eligible for ${formatMoney(v.estimateCents, "en")}`,
        }[lang];
  return {
    ineligible: { fr: "n'est pas éligible", en: "is not eligible" },
    incomplete: {
      fr: "ne peut pas être évalué (des réponses manquent)",
      en: "cannot be assessed (answers are missing)",
    },
  }[v.verdict][lang];
};

/** The same after "au lieu de" / "instead of": "être éligible pour 2 250 €", "being eligible for …". */
const verdictBefore = (v: VerdictOnDates, lang: Lang): string => {
  if (v.verdict === "eligible")
    return v.estimateCents === null
      ? { fr: "être éligible", en: "being eligible" }[lang]
      : {
          fr: `être éligible pour ${formatMoney(v.estimateCents, "fr")}`,
          en: `being eligible for ${formatMoney(v.estimateCents, "en")}`,
        }[lang];
  return {
    ineligible: { fr: "ne pas être éligible", en: "not being eligible" },
    incomplete: { fr: "ne pas pouvoir être évalué", en: "not being assessable" },
  }[v.verdict][lang];
};

/**
 * Whether a grant went stale when the stay's actual dates moved: its scheme's verdict or amount
 * on the new dates differs from those on the dates before. Undefined when nothing changed; the
 * grant itself is never changed here (issue #12, item 6).
 *
 * @example
 * staleGrantOf({ schemeName, approvedCents: 300_000 },
 *   { startDate: "2027-02-01", endDate: "2027-06-30", verdict: "eligible", estimateCents: 300_000 },
 *   { startDate: "2027-02-01", endDate: "2027-05-30", verdict: "ineligible", estimateCents: null })
 * // { afterVerdict: "ineligible", afterCents: null, explanation: { fr: "…", en: "…" } }
 */
export const staleGrantOf = (
  grant: { readonly schemeName: Text; readonly approvedCents: number },
  before: VerdictOnDates,
  after: VerdictOnDates,
): StaleGrant | undefined => {
  if (before.verdict === after.verdict && before.estimateCents === after.estimateCents)
    return undefined;
  const say = (lang: Lang) => {
    const approved = formatMoney(grant.approvedCents, lang);
    return {
      fr: `Les dates réelles du séjour ont changé : ${stayWords(after, "fr")}, le séjour ${verdictNow(after, "fr")} au titre ${deOrD(grant.schemeName.fr)}, au lieu ${deOrD(verdictBefore(before, "fr"))} ${stayWords(before, "fr")}. La bourse accordée (${approved}) n'a pas été modifiée : recalculez-la ou écartez ce signalement avec un motif.`,
      en: `The stay's actual dates changed: from ${stayWords(after, "en")}, the stay ${verdictNow(after, "en")} under ${grant.schemeName.en}, instead of ${verdictBefore(before, "en")} from ${stayWords(before, "en")}. The approved grant (${approved}) was not changed: recompute it or dismiss this flag with a reason.`,
    }[lang];
  };
  return {
    afterVerdict: after.verdict,
    afterCents: after.verdict === "eligible" ? after.estimateCents : null,
    explanation: { fr: say("fr"), en: say("en") },
  };
};
