import type { Lang } from "../text.ts";

/** The words of the condition vocabulary's sentences, in each language. */
export interface Words {
  readonly atLeast: string;
  readonly atMost: string;
  readonly below: string;
  readonly above: string;
  readonly between: (min: string, max: string) => string;
  readonly outside: (min: string, max: string) => string;
  readonly oneOfList: string;
  readonly otherThan: string;
  readonly outsideSet: string;
  readonly yes: string;
  readonly no: string;
  readonly not: string;
  readonly and: string;
  readonly or: string;
  /** Between a subject and what is said of it: "durée financée : 45 jours". */
  readonly colon: string;
  /** Between the reasons of several conditions. */
  readonly semicolon: string;
  readonly more: string;
  readonly less: string;
  readonly requires: string;
  readonly excludes: string;
  readonly required: string;
  readonly excluded: string;
  readonly when: string;
  readonly appliesOnlyWhen: string;
  readonly metIf: string;
  readonly notAnswered: string;
  readonly tellUs: string;
}

export const WORDS: Record<Lang, Words> = {
  fr: {
    atLeast: "au moins",
    atMost: "au plus",
    below: "moins de",
    above: "plus de",
    between: (min, max) => `entre ${min} et ${max}`,
    outside: (min, max) => `moins de ${min} ou plus de ${max}`,
    oneOfList: "l'un de :",
    otherThan: "autre que",
    outsideSet: "pas",
    yes: "oui",
    no: "non",
    not: "non",
    and: "et",
    or: "ou",
    colon: " : ",
    semicolon: " ; ",
    more: "de plus",
    less: "de moins",
    requires: "exige",
    excludes: "exclut",
    required: "exigé",
    excluded: "exclu",
    when: "si",
    appliesOnlyWhen: "la règle ne s'applique que si",
    metIf: "Rempli si",
    notAnswered: "Pas encore renseigné :",
    tellUs: "Indiquez :",
  },
  en: {
    atLeast: "at least",
    atMost: "at most",
    below: "less than",
    above: "more than",
    between: (min, max) => `between ${min} and ${max}`,
    outside: (min, max) => `less than ${min} or more than ${max}`,
    oneOfList: "one of:",
    otherThan: "other than",
    outsideSet: "not",
    yes: "yes",
    no: "no",
    not: "not",
    and: "and",
    or: "or",
    colon: ": ",
    semicolon: "; ",
    more: "more",
    less: "less",
    requires: "requires",
    excludes: "excludes",
    required: "required",
    excluded: "excluded",
    when: "when",
    appliesOnlyWhen: "the rule applies only when",
    metIf: "Met if",
    notAnswered: "Not answered yet:",
    tellUs: "Tell us:",
  },
};
