import { formatLongDate } from "./long-date.ts";
import { formatMoney } from "./money.ts";
import type { Lang, Text } from "./text.ts";

/** The advance paid when the office types no amount: the scheme's share of the grant, floored. */
export const defaultAdvanceCents = (approvedCents: number, advancePercent: number): number =>
  Math.floor((approvedCents * advancePercent) / 100);

/** What a grant agreement commits to: the grant, its advance and its balance, for one stay. */
export interface AgreementTerms {
  readonly schemeName: Text;
  readonly approvedCents: number;
  /** The scheme's advance, in percent of the grant. */
  readonly advancePercent: number;
  readonly advanceCents: number;
  /** The grant less the advance: what is left to pay after the return. */
  readonly balanceCents: number;
  /** The stay's planned dates (ISO). */
  readonly start: string;
  readonly end: string;
}

/**
 * The terms of the agreement of an approved grant: the advance is the scheme's share of the
 * grant (floored, as the office pays it when it types no amount), the balance the rest.
 *
 * @example
 * agreementTerms({ schemeName, approvedCents: 146_000, advancePercent: 80, start, end }).advanceCents // 116_800
 */
export const agreementTerms = (input: {
  readonly schemeName: Text;
  readonly approvedCents: number;
  readonly advancePercent: number;
  readonly start: string;
  readonly end: string;
}): AgreementTerms => {
  const advanceCents = defaultAdvanceCents(input.approvedCents, input.advancePercent);
  return { ...input, advanceCents, balanceCents: input.approvedCents - advanceCents };
};

/**
 * The agreement the student signs, in their language: the grant, the advance paid once it is
 * signed, and the balance paid after the return, on the stay's actual dates.
 *
 * @example
 * agreementText(terms, "fr")[0] // "Convention de subvention : Erasmus+ Europe"
 */
export const agreementText = (t: AgreementTerms, lang: Lang): readonly string[] => {
  const m = (cents: number) => formatMoney(cents, lang);
  const [start, end] = [formatLongDate(t.start, lang), formatLongDate(t.end, lang)];
  return {
    fr: [
      `Convention de subvention : ${t.schemeName.fr}`,
      `Une bourse de ${m(t.approvedCents)} vous est accordée pour votre séjour du ${start} au ${end}.`,
      `Une avance de ${m(t.advanceCents)} (${t.advancePercent} % de la bourse) vous est versée une fois la convention signée.`,
      `Le solde, ${m(t.balanceCents)}, vous est versé après votre retour, une fois reçues l'attestation de présence et les pièces demandées après le séjour. La bourse est alors recalculée sur les dates réelles du séjour : un séjour plus court la réduit, et ce qui a été versé au-delà est à reverser.`,
      "En signant, vous vous engagez à effectuer ce séjour et à fournir ces pièces.",
    ],
    en: [
      `Grant agreement: ${t.schemeName.en}`,
      `You are awarded a grant of ${m(t.approvedCents)} for your stay from ${start} to ${end}.`,
      `An advance of ${m(t.advanceCents)} (${t.advancePercent}% of the grant) is paid to you once the agreement is signed.`,
      `The balance, ${m(t.balanceCents)}, is paid after your return, once the attendance certificate and the documents due after the stay are received. The grant is then recalculated on the stay's actual dates: a shorter stay reduces it, and whatever was paid beyond it is to be paid back.`,
      "By signing, you commit to this stay and to providing these documents.",
    ],
  }[lang];
};
