import type { ActorKind, RequestAction, RequestState } from "./application-lifecycle.ts";
import { joinWords, type Lang, type Text, text } from "./text.ts";

/**
 * The request states, actions and actors in French and English, for the sentences that explain
 * a move Envol refuses (a 409's detail): the words of the back office's and the student area's
 * labels, lower-cased to sit inside a sentence.
 */
export const REQUEST_STATE_NAMES: Readonly<Record<RequestState, Text>> = {
  draft: text("brouillon", "draft"),
  submitted: text("envoyée", "submitted"),
  under_review: text("en instruction", "under review"),
  approved: text("accordée", "approved"),
  rejected: text("refusée", "rejected"),
  waitlisted: text("en liste d'attente", "on the waiting list"),
  agreed: text("convention signée", "agreement signed"),
  advance_paid: text("avance versée", "advance paid"),
  completed: text("soldée", "settled"),
  withdrawn: text("retirée", "withdrawn"),
  cancelled: text("annulée", "cancelled"),
};

/** Each action done to "this request", as the object of "cannot …". */
export const REQUEST_ACTION_PHRASES: Readonly<Record<RequestAction, Text>> = {
  submit: text("envoyer cette demande", "submit this request"),
  "start-review": text(
    "commencer l'instruction de cette demande",
    "start the review of this request",
  ),
  approve: text("accorder cette demande", "approve this request"),
  reject: text("refuser cette demande", "reject this request"),
  waitlist: text("mettre cette demande en liste d'attente", "put this request on the waiting list"),
  promote: text(
    "accorder cette demande depuis la liste d'attente",
    "approve this request from the waiting list",
  ),
  "sign-agreement": text(
    "signer la convention de cette demande",
    "sign the agreement of this request",
  ),
  "pay-advance": text("verser l'avance de cette demande", "pay the advance of this request"),
  complete: text("solder cette demande", "settle this request"),
  withdraw: text("retirer cette demande", "withdraw this request"),
  cancel: text("annuler cette demande", "cancel this request"),
};

export const ACTOR_NAMES: Readonly<Record<ActorKind, Text>> = {
  student: text("l'étudiant", "the student"),
  staff: text("la DRI", "the international office"),
  partner: text("l'établissement d'accueil", "the host institution"),
  system: text("Envol", "Envol"),
};

/** A state's name in quotes: « accordée », "approved". */
export const quotedState = (state: string, lang: Lang): string => {
  const name = REQUEST_STATE_NAMES[state as RequestState]?.[lang] ?? state;
  return lang === "fr" ? `« ${name} »` : `“${name}”`;
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
      rule.actors.map((a) => `à ${ACTOR_NAMES[a].fr}`),
      "fr",
      "or",
    );
    const en = joinWords(
      rule.actors.map((a) => ACTOR_NAMES[a].en),
      "en",
      "or",
    );
    return text(
      `${impossibleTo(phrase.fr)} : c'est réservé ${fr}.`,
      `Cannot ${phrase.en}: only ${en} may do so.`,
    );
  }
  if (refused.actor === "partner" && refused.state === "draft")
    return text(
      `${impossibleTo(phrase.fr)} : elle est encore un brouillon, que l'établissement d'accueil ne voit pas.`,
      `Cannot ${phrase.en}: it is still a draft, which the host institution does not see.`,
    );
  const allowed = (lang: Lang) =>
    joinWords(
      rule.from.map((s) => quotedState(s, lang)),
      lang,
      "or",
    );
  const many = rule.from.length > 1;
  return text(
    `${impossibleTo(phrase.fr)} : elle est à l'état ${quotedState(refused.state, "fr")} ; c'est possible seulement ${many ? "aux états" : "à l'état"} ${allowed("fr")}.`,
    `Cannot ${phrase.en}: its state is ${quotedState(refused.state, "en")}; this is possible only in the state${many ? "s" : ""} ${allowed("en")}.`,
  );
};
