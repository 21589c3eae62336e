import type { RequestAction } from "./application-lifecycle.ts";
import { formatLongDate } from "./long-date.ts";
import { formatMoney } from "./money.ts";
import { remainingOf } from "./money-moves/remaining.ts";
import { deOrD, type Lang, type Text } from "./text.ts";

/** A message to a student about one of their requests, in their language. */
export interface StudentMessage {
  readonly subject: string;
  readonly body: string;
}

interface MessageFacts {
  readonly schemeName: string;
  readonly amountCents: number | null;
  readonly reason: string | null;
  /** What was paid on a grant that ended: to pay back. */
  readonly toRecoverCents?: number;
}

type Words = (f: MessageFacts) => StudentMessage;

const money = (f: MessageFacts, lang: Lang) =>
  f.amountCents === null ? "" : formatMoney(f.amountCents, lang);
/** What an ended grant that was paid asks the student to pay back. */
const payBack = (f: MessageFacts, lang: Lang) =>
  f.toRecoverCents
    ? {
        fr: ` Somme déjà versée, à reverser : ${formatMoney(f.toRecoverCents, "fr")} ; le service vous indiquera comment.`,
        en: ` Already paid, to pay back: ${formatMoney(f.toRecoverCents, "en")}; the office will tell you how.`,
      }[lang]
    : "";
const because = (f: MessageFacts, lang: Lang) =>
  f.reason ? { fr: ` Motif : ${f.reason}`, en: ` Reason: ${f.reason}` }[lang] : "";

const FR: Record<RequestAction, Words> = {
  submit: (f) => ({
    subject: `Demande envoyée : ${f.schemeName}`,
    body: `Votre demande ${f.schemeName} est envoyée au service des relations internationales.`,
  }),
  "start-review": (f) => ({
    subject: `Demande en cours d'examen : ${f.schemeName}`,
    body: `Le service des relations internationales examine votre demande ${f.schemeName}.`,
  }),
  approve: (f) => ({
    subject: `Bourse accordée : ${f.schemeName}`,
    body: `Votre demande ${f.schemeName} est acceptée pour ${money(f, "fr")}. Vous recevrez la convention de subvention à signer.`,
  }),
  promote: (f) => ({
    subject: `Bourse accordée : ${f.schemeName}`,
    body: `Des fonds se sont libérés : votre demande ${f.schemeName} est acceptée pour ${money(f, "fr")}.`,
  }),
  reject: (f) => ({
    subject: `Demande refusée : ${f.schemeName}`,
    body: `Votre demande ${f.schemeName} n'a pas été retenue.${because(f, "fr")}`,
  }),
  waitlist: (f) => ({
    subject: `Demande en liste d'attente : ${f.schemeName}`,
    body: `Votre demande ${f.schemeName} est en liste d'attente : elle sera acceptée si des fonds se libèrent.${because(f, "fr")}`,
  }),
  "sign-agreement": (f) => ({
    subject: `Convention signée : ${f.schemeName}`,
    body: `La convention de subvention au titre ${deOrD(f.schemeName)} est signée ; le premier versement suivra.`,
  }),
  "pay-advance": (f) => ({
    subject: `Premier versement : ${f.schemeName}`,
    body: `Un premier versement de ${money(f, "fr")} au titre ${deOrD(f.schemeName)} a été ordonné.`,
  }),
  complete: (f) => ({
    subject: `Bourse soldée : ${f.schemeName}`,
    body: `Le solde au titre ${deOrD(f.schemeName)} est réglé.`,
  }),
  withdraw: (f) => ({
    subject: `Demande retirée : ${f.schemeName}`,
    body: `Vous avez retiré votre demande ${f.schemeName}.`,
  }),
  cancel: (f) => ({
    subject: `Demande annulée : ${f.schemeName}`,
    body: `Votre demande ${f.schemeName} est annulée.${payBack(f, "fr")}${because(f, "fr")}`,
  }),
};

const EN: Record<RequestAction, Words> = {
  submit: (f) => ({
    subject: `Application sent: ${f.schemeName}`,
    body: `Your ${f.schemeName} application has been sent to the international relations office.`,
  }),
  "start-review": (f) => ({
    subject: `Application under review: ${f.schemeName}`,
    body: `The international relations office is reviewing your ${f.schemeName} application.`,
  }),
  approve: (f) => ({
    subject: `Grant awarded: ${f.schemeName}`,
    body: `Your ${f.schemeName} application is approved for ${money(f, "en")}. You will receive the grant agreement to sign.`,
  }),
  promote: (f) => ({
    subject: `Grant awarded: ${f.schemeName}`,
    body: `Money has been released: your ${f.schemeName} application is approved for ${money(f, "en")}.`,
  }),
  reject: (f) => ({
    subject: `Application declined: ${f.schemeName}`,
    body: `Your ${f.schemeName} application was not accepted.${because(f, "en")}`,
  }),
  waitlist: (f) => ({
    subject: `Application waitlisted: ${f.schemeName}`,
    body: `Your ${f.schemeName} application is on the waiting list: it will be approved if money is released.${because(f, "en")}`,
  }),
  "sign-agreement": (f) => ({
    subject: `Agreement signed: ${f.schemeName}`,
    body: `The grant agreement for ${f.schemeName} is signed; the first payment will follow.`,
  }),
  "pay-advance": (f) => ({
    subject: `First payment: ${f.schemeName}`,
    body: `A first payment of ${money(f, "en")} for ${f.schemeName} has been ordered.`,
  }),
  complete: (f) => ({
    subject: `Grant settled: ${f.schemeName}`,
    body: `The balance for ${f.schemeName} is settled.`,
  }),
  withdraw: (f) => ({
    subject: `Application withdrawn: ${f.schemeName}`,
    body: `You withdrew your ${f.schemeName} application.`,
  }),
  cancel: (f) => ({
    subject: `Application cancelled: ${f.schemeName}`,
    body: `Your ${f.schemeName} application has been cancelled.${payBack(f, "en")}${because(f, "en")}`,
  }),
};

/** The message a student receives when one of their requests moves (fr or en, by their language). */
const requestMessage = (action: RequestAction, lang: Lang, facts: MessageFacts): StudentMessage =>
  ({ fr: FR, en: EN })[lang][action](facts);

/** What a recalculation's message says: the confirmed dates, the grant before and after, what was paid. */
interface RecalculationFacts {
  readonly schemeName: string;
  readonly start: string;
  readonly end: string;
  readonly previousCents: number;
  readonly approvedCents: number;
  readonly paidCents: number;
}

/** The student's message: the confirmed dates, the new amount and what is left to pay or recover. */
const recalculationMessage = (lang: Lang, f: RecalculationFacts): StudentMessage => {
  const m = (c: number) => formatMoney(c, lang);
  const paid =
    f.paidCents > 0
      ? { fr: ` Déjà versé : ${m(f.paidCents)}.`, en: ` Already paid: ${m(f.paidCents)}.` }[lang]
      : "";
  const remaining = remainingOf(f);
  const then = (
    remaining.kind === "to-pay"
      ? {
          fr: ` Reste à verser : ${m(remaining.cents)}.`,
          en: ` Still to be paid: ${m(remaining.cents)}.`,
        }
      : remaining.kind === "to-recover"
        ? {
            fr: ` Somme à reverser : ${m(remaining.cents)} ; le service vous indiquera comment.`,
            en: ` To pay back: ${m(remaining.cents)}; the office will tell you how.`,
          }
        : { fr: " Rien ne reste à verser.", en: " Nothing is left to pay." }
  )[lang];
  const [start, end] = [formatLongDate(f.start, lang), formatLongDate(f.end, lang)];
  return {
    fr: {
      subject: `Bourse recalculée : ${f.schemeName}`,
      body: `Vos dates de séjour sont confirmées : du ${start} au ${end}. Le montant accordé au titre ${deOrD(f.schemeName)} passe de ${m(f.previousCents)} à ${m(f.approvedCents)}.${paid}${then}`,
    },
    en: {
      subject: `Grant recalculated: ${f.schemeName}`,
      body: `Your stay's dates are confirmed: from ${start} to ${end}. The amount granted under ${f.schemeName} changes from ${m(f.previousCents)} to ${m(f.approvedCents)}.${paid}${then}`,
    },
  }[lang];
};

/**
 * A message planned for a student: its key and its facts, written in the student's language
 * only when it is sent on its way ({@link renderNotification}). The scheme's name is in both
 * languages.
 */
export type StudentNotification =
  | {
      readonly key: RequestAction;
      readonly facts: Omit<MessageFacts, "schemeName"> & { readonly schemeName: Text };
    }
  | {
      readonly key: "recalculate";
      readonly facts: Omit<RecalculationFacts, "schemeName"> & { readonly schemeName: Text };
    };

/** A planned message in the student's language. */
export const renderNotification = (n: StudentNotification, lang: Lang): StudentMessage =>
  n.key === "recalculate"
    ? recalculationMessage(lang, { ...n.facts, schemeName: n.facts.schemeName[lang] })
    : requestMessage(n.key, lang, { ...n.facts, schemeName: n.facts.schemeName[lang] });
