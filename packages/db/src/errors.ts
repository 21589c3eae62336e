import {
  formatLongDate,
  formatMoney,
  joinWords,
  type Lang,
  quotedState,
  type Text,
} from "@envol/domain";
import { Data } from "effect";

/** No application with this id, or not one the actor may see (the two are not told apart). */
export class ApplicationNotFound extends Data.TaggedError("ApplicationNotFound")<{
  readonly id: string;
}> {
  override get message(): string {
    return `no application ${this.id}`;
  }
}

/** No scheme request with this id, or not one the actor may see. */
export class RequestNotFound extends Data.TaggedError("RequestNotFound")<{ readonly id: string }> {
  override get message(): string {
    return `no scheme request ${this.id}`;
  }
}

/** No envelope is set for the scheme and academic year: nothing can be approved yet. */
export class BudgetNotFound extends Data.TaggedError("BudgetNotFound")<{
  readonly scheme: string;
  readonly academicYear: string;
}> {
  override get message(): string {
    return `no budget for ${this.scheme} in ${this.academicYear}`;
  }

  explain(lang: Lang): string {
    return {
      fr: `Aucune enveloppe n'est fixée pour ${this.scheme} en ${this.academicYear} : rien ne peut être accordé avant que la DRI en fixe une.`,
      en: `No envelope is set for ${this.scheme} in ${this.academicYear}: nothing can be approved until the office sets one.`,
    }[lang];
  }
}

/** Only a draft can be edited: once submitted, the situation is what the office reviews. */
export class ApplicationNotEditable extends Data.TaggedError("ApplicationNotEditable")<{
  readonly id: string;
  readonly states: readonly string[];
}> {
  override get message(): string {
    return `application ${this.id} can no longer be edited (its requests are ${this.states.join(", ")})`;
  }

  explain(lang: Lang): string {
    const states = [...new Set(this.states)].filter((s) => s !== "draft");
    const quoted = joinWords(
      states.map((s) => quotedState(s, lang)),
      lang,
      "and",
    );
    const many = states.length > 1;
    return {
      fr: `Ce dossier ne peut plus être modifié : seul un brouillon peut l'être, et ses demandes sont ${many ? "aux états" : "à l'état"} ${quoted}.`,
      en: `This application can no longer be edited: only a draft can be, and its requests are in the state${many ? "s" : ""} ${quoted}.`,
    }[lang];
  }
}

/**
 * The student already has a request for the same scheme on another application whose stay
 * overlaps this one, and that request is still alive: the same stay is never funded twice.
 */
export class OverlappingRequest extends Data.TaggedError("OverlappingRequest")<{
  readonly requestId: string;
  readonly scheme: string;
  /** The scheme's name, as the reader knows it. */
  readonly schemeName: Text;
  /** The other application, the one already submitted: a link's target, never said in words. */
  readonly otherApplicationId: string;
  readonly otherStartDate: string;
  readonly otherEndDate: string;
  readonly otherState: string;
}> {
  override get message(): string {
    return `request ${this.requestId} overlaps application ${this.otherApplicationId} (${this.scheme}, ${this.otherStartDate} to ${this.otherEndDate}, ${this.otherState})`;
  }

  explain(lang: Lang): string {
    const state = quotedState(this.otherState, lang);
    const [start, end] = [
      formatLongDate(this.otherStartDate, lang),
      formatLongDate(this.otherEndDate, lang),
    ];
    return {
      fr: `Cette demande ${this.schemeName.fr} ne peut pas être déposée : votre candidature pour le séjour du ${start} au ${end}, qui chevauche celui-ci, a déjà une demande ${this.schemeName.fr} à l'état ${state}. Un même séjour ne peut pas être financé deux fois par la même aide.`,
      en: `This ${this.schemeName.en} request cannot be submitted: your application for the stay from ${start} to ${end}, which overlaps this one, already has a ${this.schemeName.en} request in the state ${state}. The same stay cannot be funded twice by the same scheme.`,
    }[lang];
  }
}

/** The application names a scheme the institution does not offer. */
export class UnknownScheme extends Data.TaggedError("UnknownScheme")<{ readonly scheme: string }> {
  override get message(): string {
    return `no scheme "${this.scheme}" is offered`;
  }
}

/** A recalculation cannot be made: the request is not approved, the dates are wrong, or the stay is no longer eligible. */
export class RecalculationImpossible extends Data.TaggedError("RecalculationImpossible")<{
  readonly requestId: string;
  /** Why, in both languages. */
  readonly why: Text;
}> {
  override get message(): string {
    return `cannot recalculate request ${this.requestId}: ${this.why.en}`;
  }

  explain(lang: Lang): string {
    const why = this.why[lang];
    const said = `${why.charAt(0).toUpperCase()}${why.slice(1)}${why.endsWith(".") ? "" : "."}`;
    return {
      fr: `La bourse ne peut pas être recalculée. ${said}`,
      en: `The grant cannot be recalculated. ${said}`,
    }[lang];
  }
}

/** An envelope cannot be set below what is already committed against it. */
export class EnvelopeBelowCommitted extends Data.TaggedError("EnvelopeBelowCommitted")<{
  readonly scheme: string;
  readonly academicYear: string;
  readonly envelopeCents: number;
  readonly committedCents: number;
}> {
  override get message(): string {
    return `the ${this.scheme} envelope for ${this.academicYear} cannot be ${this.envelopeCents} cents: ${this.committedCents} are already committed`;
  }

  explain(lang: Lang): string {
    const envelope = formatMoney(this.envelopeCents, lang);
    const committed = formatMoney(this.committedCents, lang);
    return {
      fr: `L'enveloppe ${this.scheme} de ${this.academicYear} ne peut pas être de ${envelope} : ${committed} sont déjà engagés.`,
      en: `The ${this.scheme} envelope for ${this.academicYear} cannot be ${envelope}: ${committed} is already committed.`,
    }[lang];
  }
}

/** No partner institution with this id in the catalogue. */
export class PartnerNotFound extends Data.TaggedError("PartnerNotFound")<{
  readonly partnerId: string;
}> {
  override get message(): string {
    return `no partner institution "${this.partnerId}"`;
  }
}

/** No partner API key with this id. */
export class PartnerKeyNotFound extends Data.TaggedError("PartnerKeyNotFound")<{
  readonly id: string;
}> {
  override get message(): string {
    return `no partner API key ${this.id}`;
  }
}

/**
 * A single sign-on identity claims an email that already belongs to another SSO identity (an
 * address the school gave to someone else before): the account is not handed over.
 */
export class OidcIdentityConflict extends Data.TaggedError("OidcIdentityConflict")<{
  readonly email: string;
}> {
  override get message(): string {
    return `${this.email} already belongs to another single sign-on identity`;
  }
}

/**
 * A single sign-on identity with no account bound to its subject yet, whose provider does not
 * vouch for its email (no `email_verified: true`, or the configured claim): no account is created
 * for it and none is linked by that address, or anyone able to type an address at the provider
 * could take over its owner's account.
 */
export class OidcEmailNotVerified extends Data.TaggedError("OidcEmailNotVerified")<{
  readonly email: string;
}> {
  override get message(): string {
    return `the single sign-on provider does not vouch for ${this.email}`;
  }
}

/** The grant has no open review of this kind for the office to decide (ADR 012). */
export class NoPendingReview extends Data.TaggedError("NoPendingReview")<{
  readonly requestId: string;
  readonly kind: "partner-statement" | "stale-grant";
}> {
  override get message(): string {
    return `request ${this.requestId} has no pending ${this.kind}`;
  }

  explain(lang: Lang): string {
    return {
      "partner-statement": {
        fr: "Aucune déclaration de l'établissement d'accueil n'attend la DRI pour cette demande : elle a peut-être déjà été traitée.",
        en: "No statement of the host awaits the office for this request: it may have been handled already.",
      },
      "stale-grant": {
        fr: "Aucun signalement n'est ouvert pour cette demande : il a peut-être déjà été levé.",
        en: "No flag is open for this request: it may have been cleared already.",
      },
    }[this.kind][lang];
  }
}
