import { calendarDays } from "./calendar-date.ts";
import { countryName } from "./countries.ts";
import type { EvaluationContext } from "./evaluation-context.ts";
import { formatCount, formatMoney } from "./money.ts";
import { FRENCH_REGIONS } from "./regions.ts";
import { COST_KINDS, type Situation } from "./situation.ts";
import type { Lang, Text } from "./text.ts";

/** How a numeric fact reads: days, cents, km, months, hours or a plain count. */
export type Unit = "days" | "cents" | "km" | "months" | "hours" | "count";

interface FactBase<T> {
  /** Stable id, camelCase: `fundedDays`. */
  readonly id: string;
  /** A noun phrase without article, used in "Label: value" and in lists: "durée financée". */
  readonly label: Text;
  /**
   * The fact named within a sentence, with its article: "la durée financée", "the funded
   * duration" ("La durée financée est de 45 jours", "… si la durée financée atteint 60 jours").
   * Defaults to the label.
   */
  readonly the?: Text;
  /**
   * How the fact is asked for when unanswered, after "Indiquez" / "Tell us", when its name
   * would ask it badly ("le nombre de frais déclarés" asks for the costs themselves). Defaults
   * to `the`.
   */
  readonly ask?: Text;
  /** The situation fields it reads, reported as missing when it is unknown. */
  readonly paths: readonly string[];
  /** Its value for a situation, or undefined when unknown. */
  readonly get: (ctx: EvaluationContext) => T | undefined;
  /** The fields actually missing when unknown, when that is finer than `paths`. */
  readonly missing?: (ctx: EvaluationContext) => readonly string[];
}

export interface NumberFact extends FactBase<number> {
  readonly type: "number";
  readonly unit: Unit;
}

export interface EnumFact extends FactBase<string> {
  readonly type: "enum";
  /** How a value reads in a sentence. */
  readonly valueLabel: (value: string, lang: Lang) => string;
}

export interface BooleanFact extends FactBase<boolean> {
  readonly type: "boolean";
  /**
   * What each answer says, as a clause a sentence can hold: { yes: "vous êtes boursier ou
   * boursière du CROUS", no: "vous n'êtes pas boursier ou boursière du CROUS" }. Without it,
   * reasons read "Label : oui".
   */
  readonly says?: { readonly yes: Text; readonly no: Text };
}

/**
 * A fact about a situation that criteria test: the atoms of the condition vocabulary. The
 * domain defines the standard facts below ({@link STANDARD_FACTS}); a plugin defines its own
 * with these factories and declares them in its `facts`, so that the registry knows every
 * situation field a scheme may ask for (docs/plugins.md).
 */
export type Fact = NumberFact | EnumFact | BooleanFact;

type FactSpec<T> = Omit<FactBase<T>, "missing"> & Partial<Pick<FactBase<T>, "missing">>;

export const numberFact = (spec: FactSpec<number> & { unit: Unit }): NumberFact => ({
  ...spec,
  type: "number",
});

export const enumFact = (
  spec: FactSpec<string> & {
    values?: Readonly<Record<string, Text>>;
    valueLabel?: (value: string, lang: Lang) => string;
  },
): EnumFact => {
  const { values, valueLabel, ...rest } = spec;
  return {
    ...rest,
    type: "enum",
    valueLabel: valueLabel ?? ((v, lang) => values?.[v]?.[lang] ?? v),
  };
};

export const booleanFact = (
  spec: FactSpec<boolean> & { says?: BooleanFact["says"] },
): BooleanFact => ({ ...spec, type: "boolean" });

/** The words of a quantity's unit and of a yes/no answer, in each language. */
const UNIT_WORDS: Record<Lang, Record<"days" | "months" | "hours", (n: number) => string>> = {
  // French takes the singular for 0 and 1 ("0 jour"); English only for exactly one ("0 days")
  fr: {
    days: (n) => (Math.abs(n) <= 1 ? "jour" : "jours"),
    months: () => "mois",
    hours: (n) => (Math.abs(n) <= 1 ? "heure" : "heures"),
  },
  en: {
    days: (n) => (Math.abs(n) === 1 ? "day" : "days"),
    months: (n) => (Math.abs(n) === 1 ? "month" : "months"),
    hours: (n) => (Math.abs(n) === 1 ? "hour" : "hours"),
  },
};

const YES: Text = { fr: "oui", en: "yes" };
const NO: Text = { fr: "non", en: "no" };

/** Formats a quantity in its unit: `formatQuantity(150, "days", "fr")` is "150 jours". */
export const formatQuantity = (value: number, unit: Unit, lang: Lang): string => {
  switch (unit) {
    case "cents":
      return formatMoney(value, lang);
    case "days":
      return `${formatCount(value, lang)} ${UNIT_WORDS[lang].days(value)}`;
    case "months":
      return `${formatCount(value, lang)} ${UNIT_WORDS[lang].months(value)}`;
    case "hours":
      return `${formatCount(value, lang)} ${UNIT_WORDS[lang].hours(value)}`;
    case "km":
      // whole km, rounded down
      return `${Math.floor(value)} km`;
    case "count":
      return formatCount(value, lang);
  }
};

export const formatFactValue = (
  fact: Fact,
  value: number | string | boolean,
  lang: Lang,
): string => {
  switch (fact.type) {
    case "number":
      return formatQuantity(value as number, fact.unit, lang);
    case "enum":
      return fact.valueLabel(value as string, lang);
    case "boolean":
      return (value ? YES : NO)[lang];
  }
};

// ---- The standard facts: what the situation says, and what the engine derives from it. ----

const student = (ctx: EvaluationContext) => ctx.situation.student;

export const programmeLevel = enumFact({
  id: "programmeLevel",
  label: { fr: "niveau d'études", en: "programme level" },
  the: { fr: "le niveau d'études", en: "the programme level" },
  paths: ["student.programme.level"],
  get: (ctx) => student(ctx)?.programme?.level,
  values: {
    bachelor: { fr: "licence / bachelor", en: "bachelor" },
    master: { fr: "master", en: "master" },
    engineering: { fr: "cycle ingénieur", en: "engineering degree" },
    doctorate: { fr: "doctorat", en: "doctorate" },
  },
});

export const programmeMode = enumFact({
  id: "programmeMode",
  label: { fr: "régime d'études", en: "study mode" },
  the: { fr: "le régime d'études", en: "the study mode" },
  paths: ["student.programme.mode"],
  get: (ctx) => student(ctx)?.programme?.mode,
  values: {
    initial: { fr: "formation initiale", en: "initial education" },
    apprenticeship: { fr: "apprentissage", en: "apprenticeship" },
    continuing: { fr: "formation continue", en: "continuing education" },
  },
});

export const gapYear = booleanFact({
  id: "gapYear",
  label: { fr: "année de césure", en: "gap year (césure)" },
  says: {
    yes: { fr: "vous êtes en année de césure", en: "you are on a gap year (césure)" },
    no: { fr: "vous n'êtes pas en année de césure", en: "you are not on a gap year (césure)" },
  },
  paths: ["student.programme.gapYear"],
  get: (ctx) => student(ctx)?.programme?.gapYear,
});

export const residenceRegion = enumFact({
  id: "residenceRegion",
  label: { fr: "région de résidence", en: "region of residence" },
  the: { fr: "la région de résidence", en: "the region of residence" },
  paths: ["student.residenceRegion"],
  get: (ctx) => student(ctx)?.residenceRegion,
  values: FRENCH_REGIONS,
});

export const crousBoursier = booleanFact({
  id: "crousBoursier",
  label: { fr: "boursier du CROUS", en: "CROUS grant holder" },
  says: {
    yes: { fr: "vous êtes boursier ou boursière du CROUS", en: "you hold a CROUS grant" },
    no: {
      fr: "vous n'êtes pas boursier ou boursière du CROUS",
      en: "you do not hold a CROUS grant",
    },
  },
  paths: ["student.crous.boursier"],
  // an échelon implies a grant holder even when the box was not ticked
  get: (ctx) =>
    student(ctx)?.crous?.boursier ??
    (student(ctx)?.crous?.echelon !== undefined ? true : undefined),
});

export const crousEchelon = enumFact({
  id: "crousEchelon",
  label: { fr: "échelon de bourse CROUS", en: "CROUS grant level (échelon)" },
  the: { fr: "l'échelon de bourse CROUS", en: "the CROUS grant level (échelon)" },
  paths: ["student.crous.echelon"],
  get: (ctx) => student(ctx)?.crous?.echelon,
  valueLabel: (v, lang) => ({ fr: `échelon ${v}`, en: `level ${v}` })[lang],
});

export const quotientFamilial = numberFact({
  id: "quotientFamilial",
  label: { fr: "quotient familial", en: "family quotient (quotient familial)" },
  the: { fr: "le quotient familial", en: "the family quotient (quotient familial)" },
  unit: "cents",
  paths: ["student.household.quotientFamilial"],
  get: (ctx) => student(ctx)?.household?.quotientFamilial,
});

export const nonTaxable = booleanFact({
  id: "nonTaxable",
  label: { fr: "foyer non imposable", en: "non-taxable household" },
  says: {
    yes: { fr: "votre foyer est non imposable", en: "your household is not taxable" },
    no: { fr: "votre foyer est imposable", en: "your household is taxable" },
  },
  paths: ["student.household.nonTaxable"],
  get: (ctx) => student(ctx)?.household?.nonTaxable,
});

export const disability = booleanFact({
  id: "disability",
  label: { fr: "handicap ou maladie de longue durée", en: "disability or long-term illness" },
  says: {
    yes: {
      fr: "vous avez un handicap ou une maladie de longue durée",
      en: "you have a disability or a long-term illness",
    },
    no: {
      fr: "vous n'avez ni handicap ni maladie de longue durée",
      en: "you have no disability or long-term illness",
    },
  },
  paths: ["student.fewerOpportunities.disability"],
  get: (ctx) => student(ctx)?.fewerOpportunities?.disability,
});

export const qpv = booleanFact({
  id: "qpv",
  label: {
    fr: "résidence en quartier prioritaire (QPV)",
    en: "home in a priority urban area (QPV)",
  },
  says: {
    yes: {
      fr: "vous habitez un quartier prioritaire (QPV)",
      en: "you live in a priority urban area (QPV)",
    },
    no: {
      fr: "vous n'habitez pas un quartier prioritaire (QPV)",
      en: "you do not live in a priority urban area (QPV)",
    },
  },
  paths: ["student.fewerOpportunities.qpv"],
  get: (ctx) => student(ctx)?.fewerOpportunities?.qpv,
});

export const zrr = booleanFact({
  id: "zrr",
  label: {
    fr: "résidence en zone de revitalisation rurale (ZRR)",
    en: "home in a rural revitalisation zone (ZRR)",
  },
  says: {
    yes: {
      fr: "vous habitez une zone de revitalisation rurale (ZRR)",
      en: "you live in a rural revitalisation zone (ZRR)",
    },
    no: {
      fr: "vous n'habitez pas une zone de revitalisation rurale (ZRR)",
      en: "you do not live in a rural revitalisation zone (ZRR)",
    },
  },
  paths: ["student.fewerOpportunities.zrr"],
  get: (ctx) => student(ctx)?.fewerOpportunities?.zrr,
});

export const mobilityKind = enumFact({
  id: "mobilityKind",
  label: { fr: "type de mobilité", en: "kind of mobility" },
  the: { fr: "le type de mobilité", en: "the kind of mobility" },
  paths: ["mobility.kind"],
  get: (ctx) => ctx.situation.mobility.kind,
  values: {
    study: { fr: "séjour d'études", en: "study period" },
    internship: { fr: "stage", en: "internship" },
  },
});

export const personnelRole = enumFact({
  id: "personnelRole",
  label: { fr: "fonction", en: "position" },
  the: { fr: "votre fonction à l'école", en: "your position at the school" },
  paths: ["personnel.role"],
  get: (ctx) => ctx.situation.personnel?.role,
  values: {
    teaching: { fr: "enseignant-chercheur ou enseignante-chercheuse", en: "teaching staff" },
    administrative: { fr: "personnel administratif", en: "administrative staff" },
  },
});

export const personnelActivity = enumFact({
  id: "personnelActivity",
  label: { fr: "activité", en: "activity" },
  the: { fr: "l'activité du séjour", en: "the stay's activity" },
  paths: ["personnel.activity"],
  get: (ctx) => ctx.situation.personnel?.activity,
  values: {
    teaching: { fr: "mission d'enseignement", en: "teaching assignment" },
    training: { fr: "mobilité de formation", en: "training" },
  },
});

/** A personnel stay's activity days: the calendar days from its first to its last, both counted (rulebook §10). */
export const activityDays = numberFact({
  id: "activityDays",
  label: { fr: "durée de l'activité", en: "activity duration" },
  the: { fr: "la durée de l'activité", en: "the activity's duration" },
  unit: "days",
  paths: ["mobility.start", "mobility.end"],
  get: (ctx) => calendarDays(ctx.situation.mobility.start, ctx.situation.mobility.end),
});

export const teachingHours = numberFact({
  id: "teachingHours",
  label: { fr: "heures d'enseignement", en: "teaching hours" },
  the: { fr: "le nombre d'heures d'enseignement", en: "the number of teaching hours" },
  unit: "hours",
  paths: ["personnel.teachingHours"],
  get: (ctx) => ctx.situation.personnel?.teachingHours,
});

export const framework = enumFact({
  id: "framework",
  label: { fr: "cadre de la mobilité", en: "mobility framework" },
  the: { fr: "le cadre de la mobilité", en: "the mobility framework" },
  paths: ["mobility.framework"],
  get: (ctx) => ctx.situation.mobility.framework,
  values: {
    "inter-institution-agreement": {
      fr: "accord entre établissements",
      en: "inter-institution agreement",
    },
    "internship-agreement": { fr: "convention de stage", en: "internship agreement" },
    "free-mover": { fr: "free mover (hors accord)", en: "free mover (no agreement)" },
  },
});

export const hostCountry = enumFact({
  id: "hostCountry",
  label: { fr: "pays de destination", en: "destination country" },
  the: { fr: "le pays de destination", en: "the destination country" },
  paths: ["mobility.host"],
  get: (ctx) => ctx.host.country,
  valueLabel: countryName,
});

export const fundedDays = numberFact({
  id: "fundedDays",
  label: { fr: "durée financée", en: "funded duration" },
  the: { fr: "la durée financée", en: "the funded duration" },
  unit: "days",
  paths: ["mobility.start", "mobility.end"],
  get: (ctx) => ctx.fundedDays,
});

export const academicYear = enumFact({
  id: "academicYear",
  label: { fr: "année universitaire", en: "academic year" },
  the: { fr: "l'année universitaire", en: "the academic year" },
  paths: ["mobility.start"],
  get: (ctx) => ctx.academicYear,
  valueLabel: (v) => v,
});

export const distanceKm = numberFact({
  id: "distanceKm",
  label: { fr: "distance", en: "distance" },
  the: { fr: "la distance", en: "the distance" },
  unit: "km",
  paths: ["mobility.host.lat", "mobility.host.lon"],
  get: (ctx) => ctx.distanceKm,
});

export const greenTravel = booleanFact({
  id: "greenTravel",
  label: { fr: "voyage bas carbone", en: "green travel" },
  says: {
    yes: {
      fr: "vous voyagez bas carbone (train, bus, covoiturage)",
      en: "you travel green (train, bus, car sharing)",
    },
    no: { fr: "vous ne voyagez pas bas carbone", en: "you do not travel green" },
  },
  paths: ["mobility.greenTravel"],
  get: (ctx) => ctx.situation.mobility.greenTravel,
});

export const homeRegion = enumFact({
  id: "homeRegion",
  label: { fr: "région de l'établissement", en: "home institution's region" },
  the: { fr: "la région de l'établissement", en: "the home institution's region" },
  paths: [],
  get: (ctx) => ctx.institution.region,
  values: FRENCH_REGIONS,
});

const AGREEMENT_FACT = "hostHasAgreement";

/**
 * Whether the host is a catalogue partner with the given agreement. A destination typed by
 * hand has no agreement (ARCHITECTURE §4.1), so this is false there, not unknown.
 *
 * @example
 * isTrue(hostHasAgreement("erasmus", { fr: "accord interinstitutionnel Erasmus+", en: "Erasmus+ inter-institutional agreement" }))
 */
export const hostHasAgreement = (agreement: string, name: Text): BooleanFact =>
  booleanFact({
    id: `${AGREEMENT_FACT}:${agreement}`,
    label: {
      fr: `établissement d'accueil partenaire (${name.fr})`,
      en: `host is a partner (${name.en})`,
    },
    says: {
      yes: {
        fr: `l'établissement d'accueil est partenaire de l'école (${name.fr})`,
        en: `the host is a partner of the school (${name.en})`,
      },
      no: {
        fr: `l'établissement d'accueil n'est pas partenaire de l'école (${name.fr})`,
        en: `the host is not a partner of the school (${name.en})`,
      },
    },
    paths: ["mobility.host.partner"],
    get: (ctx) => ctx.host.agreements.includes(agreement),
  });

/** A French ground of fewer opportunities (rulebook §0). */
export type FewerOpportunitiesGround = "high-echelon" | "disability" | "qpv" | "zrr";

/**
 * The grounds, in the rulebook's order: whether each holds (undefined when not answered) and the
 * field that answers it. A CROUS échelon 6 or 7 is known false for a student known not to hold
 * a grant.
 */
const GROUNDS: readonly {
  readonly ground: FewerOpportunitiesGround;
  readonly holds: (s: Situation["student"]) => boolean | undefined;
  readonly path: string;
}[] = [
  {
    ground: "high-echelon",
    holds: (s) => {
      const echelon = s?.crous?.echelon;
      if (echelon !== undefined) return echelon === "6" || echelon === "7";
      return s?.crous?.boursier === false ? false : undefined;
    },
    path: crousEchelon.paths[0] as string,
  },
  {
    ground: "disability",
    holds: (s) => s?.fewerOpportunities?.disability,
    path: disability.paths[0] as string,
  },
  { ground: "qpv", holds: (s) => s?.fewerOpportunities?.qpv, path: qpv.paths[0] as string },
  { ground: "zrr", holds: (s) => s?.fewerOpportunities?.zrr, path: zrr.paths[0] as string },
];

/**
 * The grounds of fewer opportunities that hold for the student, in the rulebook's order: what a
 * scheme asks proofs for (one each, any one being enough).
 */
export const fewerOpportunitiesGrounds = (
  ctx: EvaluationContext,
): readonly FewerOpportunitiesGround[] => {
  const s = student(ctx);
  return GROUNDS.filter((g) => g.holds(s) === true).map((g) => g.ground);
};

/**
 * Whether a student has fewer opportunities (see {@link fewerOpportunities}), from the student's
 * answers alone: what a ranked allocation reads of each candidate without evaluating a scheme.
 *
 * @example
 * fewerOpportunitiesOf({ fewerOpportunities: { qpv: true } }) // true
 */
export const fewerOpportunitiesOf = (s: Situation["student"]): boolean | undefined => {
  const answers = GROUNDS.map((g) => g.holds(s));
  if (answers.includes(true)) return true;
  return answers.includes(undefined) ? undefined : false;
};

/**
 * Fewer opportunities, the French criteria (rulebook §0): CROUS échelon 6 or 7, or disability,
 * or QPV, or ZRR. True as soon as one holds; false when all are known to be false; otherwise
 * unknown, naming only the answers still missing.
 */
export const fewerOpportunities = booleanFact({
  id: "fewerOpportunities",
  label: {
    fr: "moins d'opportunités (échelon 6-7, handicap, QPV ou ZRR)",
    en: "fewer opportunities (échelon 6-7, disability, QPV or ZRR)",
  },
  says: {
    yes: {
      fr: "vous relevez des « moins d'opportunités » (échelon 6 ou 7, handicap, QPV ou ZRR)",
      en: "you have fewer opportunities (échelon 6 or 7, disability, QPV or ZRR)",
    },
    no: {
      fr: "vous ne relevez pas des « moins d'opportunités » (échelon 6 ou 7, handicap, QPV ou ZRR)",
      en: "you do not have fewer opportunities (échelon 6 or 7, disability, QPV or ZRR)",
    },
  },
  paths: GROUNDS.map((g) => g.path),
  get: (ctx) => fewerOpportunitiesOf(student(ctx)),
  missing: (ctx) => {
    const s = student(ctx);
    return GROUNDS.filter((g) => g.holds(s) === undefined).map((g) => g.path);
  },
});

/** The situation fields of the declared costs, from the kinds: a new kind is reported too. */
const COST_PATHS: readonly string[] = COST_KINDS.map((k) => `mobility.costs.${k}`);

/** No cost field answered at all. */
const noCostGiven = (c: NonNullable<Situation["mobility"]["costs"]>): boolean =>
  COST_KINDS.every((k) => c[k] === undefined);

/** The sum of the declared costs; unknown when no cost at all is declared. */
export const declaredCosts = numberFact({
  id: "declaredCosts",
  label: { fr: "frais déclarés", en: "declared costs" },
  the: { fr: "le total des frais déclarés", en: "the total of the declared costs" },
  unit: "cents",
  paths: COST_PATHS,
  get: (ctx) => {
    const c = ctx.situation.mobility.costs;
    if (!c || noCostGiven(c)) return undefined;
    return COST_KINDS.reduce((sum, k) => sum + (c[k] ?? 0), 0);
  },
});

/**
 * How many costs the student declared with a positive amount; unknown when no cost at all is
 * given (the alumni aid's `costs` criterion, rulebook §5).
 */
export const declaredCostCount = numberFact({
  id: "declaredCostCount",
  label: {
    fr: "frais du séjour déclarés (transport, visa, assurance, installation)",
    en: "declared costs of the stay (transport, visa, insurance, installation)",
  },
  the: {
    fr: "le nombre de frais du séjour déclarés (transport, visa, assurance, installation)",
    en: "the number of costs of the stay declared (transport, visa, insurance, installation)",
  },
  ask: {
    fr: "les frais de votre séjour (transport, visa, assurance, installation)",
    en: "the costs of your stay (transport, visa, insurance, installation)",
  },
  unit: "count",
  paths: COST_PATHS,
  get: (ctx) => {
    const c = ctx.situation.mobility.costs;
    if (!c || noCostGiven(c)) return undefined;
    return COST_KINDS.filter((k) => (c[k] ?? 0) > 0).length;
  },
});

/**
 * The domain's facts: what the situation says and what the engine derives from it, for every
 * scheme. A plugin's own facts are not here: it declares them in its `facts`, and the registry
 * lists both (`Registry.facts`).
 */
export const STANDARD_FACTS: readonly Fact[] = [
  programmeLevel,
  programmeMode,
  gapYear,
  residenceRegion,
  crousBoursier,
  crousEchelon,
  quotientFamilial,
  nonTaxable,
  disability,
  qpv,
  zrr,
  mobilityKind,
  framework,
  hostCountry,
  fundedDays,
  academicYear,
  distanceKm,
  greenTravel,
  homeRegion,
  fewerOpportunities,
  declaredCosts,
  declaredCostCount,
];

/**
 * The facts of a personnel member's teaching or training stay (rulebook §10): a scheme for the
 * personnel declares those it reads in its `facts`, so that the simulator asks them only where such
 * a scheme is registered.
 */
export const PERSONNEL_FACTS: readonly Fact[] = [
  personnelRole,
  personnelActivity,
  activityDays,
  teachingHours,
];

/** Whether a plugin may read `fact` without declaring it: a standard fact, or one of {@link hostHasAgreement}. */
export const isStandardFact = (fact: Fact): boolean =>
  STANDARD_FACTS.includes(fact) || fact.id.startsWith(`${AGREEMENT_FACT}:`);
