import type { Lang } from "../text.ts";

/** The words of the condition vocabulary's sentences, in each language. */
export interface Words {
  readonly atLeast: string;
  readonly atMost: string;
  readonly below: string;
  readonly above: string;
  readonly between: (min: string, max: string) => string;
  readonly outside: (min: string, max: string) => string;
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
  readonly notAnswered: string;
}

export const WORDS: Record<Lang, Words> = {
  fr: {
    atLeast: "au moins",
    atMost: "au plus",
    below: "moins de",
    above: "plus de",
    between: (min, max) => `entre ${min} et ${max}`,
    outside: (min, max) => `moins de ${min} ou plus de ${max}`,
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
    notAnswered: "Pas encore renseigné :",
  },
  en: {
    atLeast: "at least",
    atMost: "at most",
    below: "less than",
    above: "more than",
    between: (min, max) => `between ${min} and ${max}`,
    outside: (min, max) => `less than ${min} or more than ${max}`,
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
    notAnswered: "Not answered yet:",
  },
};

/**
 * The sentences of reasons and hints, in each language: whole clauses rather than words, since
 * their order and agreement differ. `the` is a fact named with its article ("la durée
 * financée"), `scheme` a scheme's name, `clause` what an answer says ("vous êtes boursier…").
 */
export interface Prose {
  /** "la durée financée est de 45 jours" */
  readonly is: (the: string, value: string) => string;
  /** "Erasmus+ exige au moins 60 jours" */
  readonly requires: (scheme: string, object: string) => string;
  /** "l'AMI exclut la France, métropole ou outre-mer" */
  readonly excludes: (scheme: string, object: string) => string;
  /** "Bourse Mobilité Île-de-France accepte : licence / bachelor, master ou cycle ingénieur" */
  readonly accepts: (scheme: string, values: string) => string;
  /** "Aide à la mobilité des alumni exclut : free mover (hors accord)" */
  readonly excludesList: (scheme: string, values: string) => string;
  /** "l'AMI n'est possible que si vous êtes boursier ou boursière du CROUS" */
  readonly onlyIf: (scheme: string, clause: string) => string;
  /** After a value that fails a bound: "…, alors qu'il faut au plus 19 190 €" */
  readonly whileItMust: (requirement: string) => string;
  /** After a value not in a list: "… et non stage" */
  readonly ratherThan: (values: string) => string;
  /** After a value outside a named set: "…, qui n'est pas un pays de l'Union européenne" */
  readonly notIn: (set: string) => string;
  /** After a value the rule excludes: "…, ce qui est exclu" */
  readonly excluded: string;
  /** Before the reasons of alternatives that all failed. */
  readonly noneHolds: string;
  /** "Cette condition est remplie si …" */
  readonly metIf: (clause: string) => string;
  /** "la durée financée atteint 60 jours, soit 15 jours de plus" */
  readonly reaches: (the: string, bound: string, gap: string) => string;
  /** "le quotient familial ne dépasse pas 19 190 €, soit 834,78 € de moins" */
  readonly noMoreThan: (the: string, bound: string, gap: string) => string;
  readonly under: (the: string, bound: string) => string;
  readonly over: (the: string, bound: string) => string;
  readonly outside: (the: string, min: string, max: string) => string;
  /** "le niveau d'études est master ou cycle ingénieur" */
  readonly isOneOf: (the: string, values: string) => string;
  readonly isNot: (the: string, values: string) => string;
  /** Between the conditions that must all hold: "…, et que …" (a comma closes the gap before it) */
  readonly andThat: string;
  /** Between alternatives: "…, ou si …" */
  readonly orIf: string;
  /** Alternatives within a condition that must hold with others: "soit …, soit …" */
  readonly either: (parts: readonly string[]) => string;
  /** "Indiquez le niveau d'études pour le savoir." */
  readonly tellUs: (questions: string) => string;
}

export const PROSE: Record<Lang, Prose> = {
  fr: {
    is: (the, value) => `${the} est de ${value}`,
    requires: (scheme, object) => `${scheme} exige ${object}`,
    excludes: (scheme, object) => `${scheme} exclut ${object}`,
    accepts: (scheme, values) => `${scheme} accepte : ${values}`,
    excludesList: (scheme, values) => `${scheme} exclut : ${values}`,
    onlyIf: (scheme, clause) => `${scheme} n'est possible que si ${clause}`,
    whileItMust: (requirement) => `, alors qu'il faut ${requirement}`,
    ratherThan: (values) => ` et non ${values}`,
    notIn: (set) => `, qui n'est pas ${set}`,
    excluded: ", ce qui est exclu",
    noneHolds: "Aucune des possibilités n'est remplie :",
    metIf: (clause) => `Cette condition est remplie si ${clause}`,
    reaches: (the, bound, gap) => `${the} atteint ${bound}, soit ${gap} de plus`,
    noMoreThan: (the, bound, gap) => `${the} ne dépasse pas ${bound}, soit ${gap} de moins`,
    under: (the, bound) => `${the} reste sous ${bound}`,
    over: (the, bound) => `${the} dépasse ${bound}`,
    outside: (the, min, max) => `${the} reste sous ${min} ou dépasse ${max}`,
    isOneOf: (the, values) => `${the} est ${values}`,
    isNot: (the, values) => `${the} n'est pas ${values}`,
    andThat: ", et que ",
    orIf: ", ou si ",
    either: (parts) => `soit ${parts.join(", soit ")}`,
    tellUs: (questions) => `Indiquez ${questions} pour le savoir.`,
  },
  en: {
    is: (the, value) => `${the} is ${value}`,
    requires: (scheme, object) => `${scheme} requires ${object}`,
    excludes: (scheme, object) => `${scheme} excludes ${object}`,
    accepts: (scheme, values) => `${scheme} accepts: ${values}`,
    excludesList: (scheme, values) => `${scheme} excludes: ${values}`,
    onlyIf: (scheme, clause) => `${scheme} is only possible if ${clause}`,
    whileItMust: (requirement) => `, while it must be ${requirement}`,
    ratherThan: (values) => `, not ${values}`,
    notIn: (set) => `, which is not ${set}`,
    excluded: ", which is excluded",
    noneHolds: "None of the options is met:",
    metIf: (clause) => `This condition is met if ${clause}`,
    reaches: (the, bound, gap) => `${the} reaches ${bound}, ${gap} more`,
    noMoreThan: (the, bound, gap) => `${the} is no more than ${bound}, ${gap} less`,
    under: (the, bound) => `${the} is under ${bound}`,
    over: (the, bound) => `${the} is over ${bound}`,
    outside: (the, min, max) => `${the} is under ${min} or over ${max}`,
    isOneOf: (the, values) => `${the} is ${values}`,
    isNot: (the, values) => `${the} is not ${values}`,
    andThat: ", and ",
    orIf: ", or if ",
    either: (parts) => `either ${parts.join(" or ")}`,
    tellUs: (questions) => `Tell us ${questions} to find out.`,
  },
};
