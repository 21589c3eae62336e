import type { ActorKind, RequestAction, RequestState } from "./application-lifecycle.ts";
import { joinWords, type Lang, type Text } from "./text.ts";

/**
 * The request states, actions and actors in French and English, for the sentences that explain
 * a move Envol refuses (a 409's detail): the words of the back office's and the student area's
 * labels, lower-cased to sit inside a sentence.
 */
export const REQUEST_STATE_NAMES: Readonly<Record<RequestState, Text>> = {
  draft: { fr: "brouillon", en: "draft" },
  submitted: { fr: "envoyée", en: "submitted" },
  under_review: { fr: "en instruction", en: "under review" },
  approved: { fr: "accordée", en: "approved" },
  rejected: { fr: "refusée", en: "rejected" },
  waitlisted: { fr: "en liste d'attente", en: "on the waiting list" },
  agreed: { fr: "convention signée", en: "agreement signed" },
  advance_paid: { fr: "avance versée", en: "advance paid" },
  completed: { fr: "soldée", en: "settled" },
  withdrawn: { fr: "retirée", en: "withdrawn" },
  cancelled: { fr: "annulée", en: "cancelled" },
};

/** Each action done to "this request", as the object of "cannot …". */
export const REQUEST_ACTION_PHRASES: Readonly<Record<RequestAction, Text>> = {
  submit: { fr: "envoyer cette demande", en: "submit this request" },
  "start-review": {
    fr: "commencer l'instruction de cette demande",
    en: "start the review of this request",
  },
  approve: { fr: "accorder cette demande", en: "approve this request" },
  reject: { fr: "refuser cette demande", en: "reject this request" },
  waitlist: {
    fr: "mettre cette demande en liste d'attente",
    en: "put this request on the waiting list",
  },
  promote: {
    fr: "accorder cette demande depuis la liste d'attente",
    en: "approve this request from the waiting list",
  },
  "sign-agreement": {
    fr: "signer la convention de cette demande",
    en: "sign the agreement of this request",
  },
  "pay-advance": { fr: "verser l'avance de cette demande", en: "pay the advance of this request" },
  complete: { fr: "solder cette demande", en: "settle this request" },
  withdraw: { fr: "retirer cette demande", en: "withdraw this request" },
  cancel: { fr: "annuler cette demande", en: "cancel this request" },
};

/** Each action once done, as the request's history and its ledger lines name it. */
export const REQUEST_ACTION_DONE: Readonly<Record<RequestAction, Text>> = {
  submit: { fr: "Demande envoyée", en: "Request submitted" },
  "start-review": { fr: "Instruction commencée", en: "Review started" },
  approve: { fr: "Demande accordée", en: "Request approved" },
  reject: { fr: "Demande refusée", en: "Request rejected" },
  waitlist: { fr: "Mise en liste d'attente", en: "Put on the waiting list" },
  promote: { fr: "Accordée depuis la liste d'attente", en: "Approved from the waiting list" },
  "sign-agreement": { fr: "Convention signée", en: "Agreement signed" },
  "pay-advance": { fr: "Avance versée", en: "Advance paid" },
  complete: { fr: "Solde versé", en: "Balance paid" },
  withdraw: { fr: "Demande retirée", en: "Request withdrawn" },
  cancel: { fr: "Demande annulée", en: "Request cancelled" },
};

export const ACTOR_NAMES: Readonly<Record<ActorKind, Text>> = {
  student: { fr: "l'étudiant", en: "the student" },
  personnel: { fr: "le membre du personnel", en: "the member of the school's personnel" },
  staff: { fr: "la DRI", en: "the international office" },
  partner: { fr: "l'établissement d'accueil", en: "the host institution" },
  system: { fr: "Envol", en: "Envol" },
};

/** "à l'étudiant", "à la DRI", and "au membre du personnel" (à + le contracts). */
const toActor = (name: string): string =>
  name.startsWith("le ") ? `au ${name.slice(3)}` : `à ${name}`;

/** A state's name in quotes: « accordée », "approved". */
export const quotedState = (state: string, lang: Lang): string => {
  const name = REQUEST_STATE_NAMES[state as RequestState]?.[lang] ?? state;
  return { fr: `« ${name} »`, en: `“${name}”` }[lang];
};

/** "Impossible de …" with the elision French needs before a vowel: "Impossible d'accorder …". */
export const impossibleTo = (phrase: string): string =>
  /^[aeiouéèêh]/i.test(phrase) ? `Impossible d'${phrase}` : `Impossible de ${phrase}`;

/**
 * Why an action is refused, in both languages: the actor may not do it at all (and who may), a
 * host partner never sees a draft, or the request is not in a state it can be done from (and
 * which ones it can).
 *
 * @example
 * refusalOf({ state: "completed", action: "withdraw", actor: "student" },
 *   { from: ["draft", "submitted"], actors: ["student"] }).fr
 * // "Impossible de retirer cette demande : elle est à l'état « soldée » ; c'est possible seulement aux états « brouillon » ou « envoyée »."
 */
export const refusalOf = (
  refused: {
    readonly state: RequestState;
    readonly action: RequestAction;
    readonly actor: ActorKind;
  },
  rule: { readonly from: readonly RequestState[]; readonly actors: readonly ActorKind[] },
): Text => {
  const phrase = REQUEST_ACTION_PHRASES[refused.action];
  if (!rule.actors.includes(refused.actor)) {
    const fr = joinWords(
      rule.actors.map((a) => toActor(ACTOR_NAMES[a].fr)),
      "fr",
      "or",
    );
    const en = joinWords(
      rule.actors.map((a) => ACTOR_NAMES[a].en),
      "en",
      "or",
    );
    return {
      fr: `${impossibleTo(phrase.fr)} : c'est réservé ${fr}.`,
      en: `Cannot ${phrase.en}: only ${en} may do so.`,
    };
  }
  // only the office ends a grant once money was paid (ADR 008): what was paid is to recover
  if (
    refused.state === "advance_paid" &&
    (refused.action === "withdraw" || refused.action === "cancel") &&
    refused.actor !== "staff"
  )
    return {
      fr: `${impossibleTo(phrase.fr)} : une avance a déjà été versée ; seul le service des relations internationales de l'établissement d'origine peut mettre fin à cette bourse.`,
      en: `Cannot ${phrase.en}: an advance has already been paid; only the sending institution's international relations office can end this grant.`,
    };
  if (refused.actor === "partner" && refused.state === "draft")
    return {
      fr: `${impossibleTo(phrase.fr)} : elle est encore un brouillon, que l'établissement d'accueil ne voit pas.`,
      en: `Cannot ${phrase.en}: it is still a draft, which the host institution does not see.`,
    };
  const allowed = (lang: Lang) =>
    joinWords(
      rule.from.map((s) => quotedState(s, lang)),
      lang,
      "or",
    );
  const many = rule.from.length > 1;
  return {
    fr: `${impossibleTo(phrase.fr)} : elle est à l'état ${quotedState(refused.state, "fr")} ; c'est possible seulement ${many ? "aux états" : "à l'état"} ${allowed("fr")}.`,
    en: `Cannot ${phrase.en}: its state is ${quotedState(refused.state, "en")}; this is possible only in the state${many ? "s" : ""} ${allowed("en")}.`,
  };
};
