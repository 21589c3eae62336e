import { z } from "zod";
import { crousEchelon, fewerOpportunitiesOf } from "../facts.ts";
import { fieldText } from "../issue-text.ts";
import { formatLongDate } from "../long-date.ts";
import { formatMoney } from "../money.ts";
import {
  CentsSchema,
  CROUS_ECHELONS,
  type CrousEchelon,
  type Situation,
  SituationSchema,
} from "../situation.ts";
import type { Lang, Text } from "../text.ts";
import { TEXT_LIMITS } from "../text-limits.ts";

/**
 * The vocabulary of a call's priority rules (issue #15, ADR 017): facts Envol already holds of
 * every submitted request, each with the order it ranks by. A call states a few of them, in
 * order; the ranking compares candidates on the first, then the second on a tie, and so on, and
 * always ends on the tie-break (submission instant, then request id). Whatever a rule cannot
 * read is unknown and ranks last on that rule, never silently as a good or a bad answer.
 */
export const PRIORITY_RULE_IDS = [
  "crous-echelon",
  "quotient-familial",
  "fewer-opportunities",
  "first-mobility",
  "submitted-at",
] as const;
export type PriorityRuleId = (typeof PRIORITY_RULE_IDS)[number];

const NO_DUPLICATE_RULE = fieldText({
  fr: "ne doit pas citer deux fois la même règle",
  en: "must not name the same rule twice",
});

/**
 * A call's priority rules, in order: one to five rule ids, none twice.
 *
 * @example PriorityRulesSchema.parse(["crous-echelon", "quotient-familial"])
 */
export const PriorityRulesSchema = z
  .array(z.enum(PRIORITY_RULE_IDS))
  .min(1)
  .max(PRIORITY_RULE_IDS.length)
  .refine((rules) => new Set(rules).size === rules.length, NO_DUPLICATE_RULE)
  .meta({
    description:
      "The call's priority rules, most important first; the tie-break (submission instant, then request id) always comes last",
    example: ["crous-echelon", "quotient-familial"],
  });
export type PriorityRules = readonly PriorityRuleId[];

/**
 * A submitted request competing in a call: its student's situation, when it was submitted and
 * what it would be granted (the estimate, whole cents).
 *
 * @example
 * { requestId: "r-12", situation, submittedAt: "2027-03-03T09:15:00Z", amountCents: 146_000 }
 */
export const AllocationCandidateSchema = z.strictObject({
  requestId: z.string().min(1).max(TEXT_LIMITS.id),
  situation: SituationSchema,
  submittedAt: z.iso.datetime({ offset: true }).meta({ example: "2027-03-03T09:15:00Z" }),
  amountCents: CentsSchema,
});
export interface AllocationCandidate {
  readonly requestId: string;
  readonly situation: Situation;
  /** An ISO 8601 instant, with its offset or Z. */
  readonly submittedAt: string;
  /** What the request would be granted: whole cents, zero or more. */
  readonly amountCents: number;
}

/**
 * Where a student stands on the CROUS rule: an échelon, a grant holder whose échelon is not
 * given, no grant, or `null` when nothing says.
 */
export type CrousStanding = CrousEchelon | "boursier" | "not-boursier";

/**
 * The value a candidate was ranked on for one rule, kept for its explanation; `null` is unknown.
 * JSON as it is, so that a stored ranking explains itself later.
 */
export type RuleValue =
  | { readonly rule: "crous-echelon"; readonly value: CrousStanding | null }
  | { readonly rule: "quotient-familial"; readonly value: number | null }
  | { readonly rule: "fewer-opportunities"; readonly value: boolean | null }
  | { readonly rule: "first-mobility"; readonly value: boolean | null }
  | { readonly rule: "submitted-at"; readonly value: string };

/** Known booleans first when true, then false, then unknown. */
const yesFirst = (value: boolean | null): number => (value === true ? 0 : value === false ? 1 : 2);

const yesNoUnknown = (value: boolean | null, lang: Lang): string =>
  (value === true
    ? { fr: "oui", en: "yes" }
    : value === false
      ? { fr: "non", en: "no" }
      : { fr: "non renseigné", en: "not given" })[lang];

/**
 * The CROUS standing of a student: an explicit "no grant" wins over an échelon (as
 * `facts.crousBoursier` reads it); an échelon implies a grant.
 */
const crousStandingOf = (situation: Situation): CrousStanding | null => {
  const crous = situation.student?.crous;
  if (crous?.boursier === false) return "not-boursier";
  if (crous?.echelon !== undefined) return crous.echelon;
  return crous?.boursier === true ? "boursier" : null;
};

/**
 * Higher échelon first (7 … 1, then 0bis, the lowest of the grant holders), then a grant holder
 * whose échelon is not given (known to hold a grant, so ahead of those without one), then no
 * grant, then unknown.
 */
const crousOrder = (value: CrousStanding | null): number => {
  const top = CROUS_ECHELONS.length - 1;
  switch (value) {
    case "boursier":
      return top + 1;
    case "not-boursier":
      return top + 2;
    case null:
      return top + 3;
    default:
      return top - CROUS_ECHELONS.indexOf(value);
  }
};

/** The calendar day an instant falls on in Paris, where the office and its deadlines are. */
const PARIS_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** `parisDay("2027-03-02T23:30:00Z")` is "2027-03-03". */
const parisDay = (instant: string): string => PARIS_DAY.format(new Date(instant));

const LABELS: Readonly<Record<PriorityRuleId, Text>> = {
  "crous-echelon": { fr: "échelon de bourse CROUS", en: "CROUS grant level (échelon)" },
  "quotient-familial": { fr: "quotient familial", en: "family quotient" },
  "fewer-opportunities": { fr: "moins d'opportunités", en: "fewer opportunities" },
  "first-mobility": { fr: "première mobilité", en: "first mobility" },
  "submitted-at": { fr: "date de dépôt", en: "submission date" },
};

/** A rule's name, for the office's screens: "échelon de bourse CROUS". */
export const priorityRuleLabel = (id: PriorityRuleId, lang: Lang): string => LABELS[id][lang];

/** The value a candidate is ranked on for one rule. */
export const ruleValueOf = (id: PriorityRuleId, candidate: AllocationCandidate): RuleValue => {
  const { situation } = candidate;
  switch (id) {
    case "crous-echelon":
      return { rule: id, value: crousStandingOf(situation) };
    case "quotient-familial":
      return { rule: id, value: situation.student?.household?.quotientFamilial ?? null };
    case "fewer-opportunities":
      return { rule: id, value: fewerOpportunitiesOf(situation.student) ?? null };
    case "first-mobility": {
      // a first mobility is a cycle without Erasmus+ days yet; the days are the student's
      // answer: absent is unknown (ranked last), not zero, as everywhere in the domain
      const days = situation.student?.history?.erasmusDaysInCycle;
      return { rule: id, value: days === undefined ? null : days === 0 };
    }
    case "submitted-at":
      return { rule: id, value: candidate.submittedAt };
  }
};

/** Where a value stands in its rule's order, lower first: compared as numbers. */
export const ruleOrderOf = (v: RuleValue): number => {
  switch (v.rule) {
    case "crous-echelon":
      return crousOrder(v.value);
    case "quotient-familial":
      // lower first
      return v.value ?? Number.POSITIVE_INFINITY;
    case "fewer-opportunities":
    case "first-mobility":
      return yesFirst(v.value);
    case "submitted-at":
      // earlier first
      return Date.parse(v.value);
  }
};

const crousSays = (value: CrousStanding | null, lang: Lang): string => {
  switch (value) {
    case "boursier":
      return {
        fr: "bourse CROUS, échelon non renseigné",
        en: "CROUS grant, échelon not given",
      }[lang];
    case "not-boursier":
      return { fr: "sans bourse CROUS", en: "no CROUS grant" }[lang];
    case null:
      return { fr: "bourse CROUS non renseignée", en: "CROUS grant not given" }[lang];
    default:
      // the office's own word in English too, as its rule is named ("CROUS échelon")
      return lang === "en" ? `CROUS échelon ${value}` : crousEchelon.valueLabel(value, lang);
  }
};

/**
 * A rule's value as the explanation writes it.
 *
 * @example
 * sayRuleValue({ rule: "quotient-familial", value: 840_000 }, "fr") // "quotient familial 8 400 €"
 */
export const sayRuleValue = (v: RuleValue, lang: Lang): string => {
  switch (v.rule) {
    case "crous-echelon":
      return crousSays(v.value, lang);
    case "quotient-familial":
      return v.value === null
        ? { fr: "quotient familial non renseigné", en: "family quotient not given" }[lang]
        : `${LABELS[v.rule][lang]} ${formatMoney(v.value, lang)}`;
    case "fewer-opportunities":
    case "first-mobility":
      return `${LABELS[v.rule][lang]}${lang === "fr" ? "\u00a0:" : ":"} ${yesNoUnknown(v.value, lang)}`;
    case "submitted-at":
      return `${{ fr: "déposé le", en: "submitted on" }[lang]} ${formatLongDate(parisDay(v.value), lang)}`;
  }
};
