import {
  type Condition,
  criterion,
  custom,
  defineFundingPlugin,
  exclusiveWithOption,
  type Figure,
  facts,
  oneOf,
  optionFigure,
} from "@envol/domain";
import {
  callYear,
  erasmusCountryGroup,
  FULL_RATE_DAYS,
  holdsEche,
  KA131_DESTINATIONS,
  STAFF_DAYS_ORDER_ISSUE,
  STAFF_FACTS,
  STAFF_FIGURES_SINCE,
  STAFF_GREEN_EXTRA_DAYS,
  STAFF_TRAVEL_DAYS,
  staffDaysInOrder,
  staffDocuments,
  staffDurationCriterion,
  staffEcheCriterion,
  staffEstimate,
  staffPeriodFigures,
  staffTeachingHoursCriterion,
  TAPER_PERCENT,
} from "@envol/erasmus-common";
import { z } from "zod";
import { erasmusStaffExamples } from "./erasmus-staff-examples.ts";

// ---------------------------------------------------------------- figures (rulebook §10)

const RATE_GROUP_1: Figure<number> = {
  value: 18_000,
  since: STAFF_FIGURES_SINCE,
  source:
    "rulebook §10: hfoev.bremen.de, staff mobility from Call 2024, 180 € a day for days 1-14 " +
    "and 70 % of it for days 15-60 in group 1 countries",
  confidence: "secondary",
  label: { fr: "Taux journalier, pays du groupe 1", en: "Daily rate, group 1 countries" },
  unit: "cents",
};

const RATE_GROUP_2: Figure<number> = {
  value: 16_000,
  since: STAFF_FIGURES_SINCE,
  source:
    "rulebook §10: the last published German grid (tuiasi.ro, KA103), carried into Call 2024 " +
    "until the office confirms the agency's figure",
  confidence: "assumed",
  label: { fr: "Taux journalier, pays du groupe 2", en: "Daily rate, group 2 countries" },
  unit: "cents",
};

const RATE_GROUP_3: Figure<number> = {
  ...RATE_GROUP_2,
  value: 14_000,
  label: { fr: "Taux journalier, pays du groupe 3", en: "Daily rate, group 3 countries" },
};

const FULL_RATE_DAYS_FIGURE: Figure<number> = {
  value: FULL_RATE_DAYS,
  since: STAFF_FIGURES_SINCE,
  source: "rulebook §10: hfoev.bremen.de, the daily rate in full for days 1-14",
  confidence: "secondary",
  label: { fr: "Jours d'activité payés au taux plein", en: "Activity days paid at the full rate" },
  unit: "days",
};

const TAPER: Figure<number> = {
  value: TAPER_PERCENT,
  since: STAFF_FIGURES_SINCE,
  source: "rulebook §10: hfoev.bremen.de, 70 % of the daily rate for days 15-60",
  confidence: "secondary",
  label: {
    fr: "Part du taux journalier après le 14e jour",
    en: "Share of the daily rate after day 14",
  },
  unit: "percent",
};

const MIN_DAYS: Figure<number> = {
  value: 2,
  since: STAFF_FIGURES_SINCE,
  source:
    "rulebook §10: 2 to 60 activity days, travel excluded (Erasmus+ Programme Guide, staff " +
    "mobility; to be confirmed by the office)",
  confidence: "assumed",
  label: { fr: "Durée minimale de l'activité", en: "Minimum activity duration" },
  unit: "days",
};

const MAX_DAYS: Figure<number> = {
  ...MIN_DAYS,
  value: 60,
  label: { fr: "Durée maximale de l'activité", en: "Maximum activity duration" },
};

/** How KA131 pays a stay's days, with its bounds; the travel days are the staff schemes' own. */
const DAYS = {
  fullRateDays: FULL_RATE_DAYS_FIGURE,
  taperPercent: TAPER,
  minDays: MIN_DAYS,
  maxDays: MAX_DAYS,
};

// ---------------------------------------------------------------- options

const activityDays = z.number().int().min(MIN_DAYS.value).max(MAX_DAYS.value);

// A daily rate in cents, at most 1 000 € a day: far above the programme's (140 € to 180 €), so
// no evaluation multiplies past the exact range of an amount, and a figure typed wrong is
// refused naming the option instead of being saved from a date.
const MAX_DAILY_RATE_CENTS = 100_000;
const rateCents = z.number().int().positive().max(MAX_DAILY_RATE_CENTS);

/**
 * Every field defaulted to the rulebook's figure (§10), so an institution changes it in its
 * configuration, never in this file.
 *
 * @example
 * erasmusStaff.configure({ group1DailyRateCents: 17_000, greenExtraTravelDays: 2 })
 */
export const erasmusStaffOptions = z
  .strictObject({
    /** The daily rates by the host country's Erasmus+ group (rulebook §0), in cents. */
    group1DailyRateCents: rateCents.default(RATE_GROUP_1.value),
    group2DailyRateCents: rateCents.default(RATE_GROUP_2.value),
    group3DailyRateCents: rateCents.default(RATE_GROUP_3.value),
    /** The activity days a stay may last: a school may narrow the programme's 2-60, not widen it. */
    minDays: activityDays.default(MIN_DAYS.value),
    maxDays: activityDays.default(MAX_DAYS.value),
    /** Travel days paid on top of the activity days (one before, one after). */
    travelDays: z.number().int().min(0).max(2).default(STAFF_TRAVEL_DAYS.value),
    /** Extra travel days paid with green travel (up to 4). */
    greenExtraTravelDays: z.number().int().min(0).max(4).default(STAFF_GREEN_EXTRA_DAYS.value),
    /** One EU staff grant per stay: KA131 or KA171, never both. */
    exclusiveWith: exclusiveWithOption("erasmus-staff", ["mic-staff"]),
  })
  .refine(staffDaysInOrder, STAFF_DAYS_ORDER_ISSUE);

export type ErasmusStaffOptions = z.output<typeof erasmusStaffOptions>;

/**
 * The criterion `host` (rulebook §10): teaching at a partner under an Erasmus+ agreement,
 * training at any organisation. A rule on the activity, which `when` would write as a template
 * ("Activity: training; the rule applies only when…"): hence `custom`, in plain sentences.
 */
const erasmusStaffHost: Condition = custom({
  describe: {
    fr: "l'activité du séjour (enseignement ou formation)",
    en: "the stay's activity (teaching or training)",
  },
  rule: {
    fr: "une mission d'enseignement se fait chez un partenaire de l'école lié par un accord interinstitutionnel Erasmus+ ; une mobilité de formation, dans tout organisme",
    en: "a teaching assignment is at a partner of the school under an Erasmus+ inter-institutional agreement; a training stay, at any organisation",
  },
  evaluate: (ctx) => {
    const activity = facts.personnelActivity.get(ctx);
    const partner = ctx.host.agreements.includes("erasmus");
    if (activity === undefined && partner) {
      return {
        status: "met",
        reason: {
          fr: "L'établissement d'accueil est partenaire de l'école par un accord interinstitutionnel Erasmus+ : il convient à une mission d'enseignement comme à une mobilité de formation",
          en: "The host is a partner of the school under an Erasmus+ inter-institutional agreement: it suits a teaching assignment as well as a training stay",
        },
      };
    }
    if (activity === undefined) {
      return {
        status: "unknown",
        reason: { fr: "Activité non renseignée", en: "Activity not given" },
        missing: [...facts.personnelActivity.paths],
      };
    }
    if (activity === "training") {
      return {
        status: "met",
        reason: {
          fr: "Une mobilité de formation peut se faire dans tout organisme",
          en: "A training stay may be at any organisation",
        },
      };
    }
    return partner
      ? {
          status: "met",
          reason: {
            fr: "L'établissement d'accueil est partenaire de l'école par un accord interinstitutionnel Erasmus+, comme une mission d'enseignement le demande",
            en: "The host is a partner of the school under an Erasmus+ inter-institutional agreement, as a teaching assignment requires",
          },
        }
      : {
          status: "unmet",
          reason: {
            fr: "Une mission d'enseignement se fait chez un partenaire de l'école lié par un accord interinstitutionnel Erasmus+ ; l'établissement d'accueil ne l'est pas",
            en: "A teaching assignment is at a partner of the school under an Erasmus+ inter-institutional agreement; the host is not one",
          },
          hint: {
            fr: "Choisissez un établissement partenaire lié par un accord Erasmus+, ou une mobilité de formation",
            en: "Choose a partner under an Erasmus+ agreement, or a training stay",
          },
        };
  },
});

/** The daily rate of the host's country group; a KA131 country without a group is a defect of the tables. */
const dailyRateOf = (
  p: { rateGroup1: Figure<number>; rateGroup2: Figure<number>; rateGroup3: Figure<number> },
  country: string,
  call: number,
): Figure<number> => {
  const group = erasmusCountryGroup(country, call);
  if (group === undefined) {
    throw new Error(`erasmus-staff: no Erasmus+ country group for ${country} in Call ${call}`);
  }
  return { 1: p.rateGroup1, 2: p.rateGroup2, 3: p.rateGroup3 }[group];
};

// ---------------------------------------------------------------- the plugin

/**
 * Erasmus+ staff mobility in Europe (KA131), rulebook §10: the European Union funds, through the
 * Agence Erasmus+ France, the school's teaching and administrative personnel teaching at a
 * partner or training at any organisation in a KA131 country, for 2 to 60 activity days: a daily
 * rate by the host country's group, tapered after day 14, and the travel band.
 *
 * @example
 * const configured = erasmusStaff.configure({ greenExtraTravelDays: 2 });
 */
export const erasmusStaff = defineFundingPlugin({
  id: "erasmus-staff",
  name: {
    fr: "Erasmus+ mobilité du personnel (Europe)",
    en: "Erasmus+ staff mobility (Europe)",
  },
  funder: {
    fr: "Union européenne, via l'Agence Erasmus+ France / Éducation Formation",
    en: "European Union, through the Agence Erasmus+ France / Éducation Formation",
  },
  url: "https://erasmus-plus.ec.europa.eu/fr/programme-guide/part-b/key-action-1/mobility-projects-for-higher-education-students-and-staff",
  summary: {
    fr: "Un soutien journalier et un forfait voyage pour les enseignants et le personnel administratif de l'école qui enseignent chez un partenaire Erasmus+ ou se forment dans un pays européen du programme, de 2 à 60 jours.",
    en: "A daily allowance and a travel lump sum for the school's teaching and administrative personnel teaching at an Erasmus+ partner or training in a European programme country, for 2 to 60 days.",
  },
  participant: "personnel",
  options: erasmusStaffOptions,
  // Call 2024's figures are the earliest Envol has (rulebook §0): an earlier stay is ineligible
  // on `period`, never priced with them
  parameters: (o) => [
    {
      since: STAFF_FIGURES_SINCE,
      parameters: {
        rateGroup1: optionFigure(RATE_GROUP_1, o.group1DailyRateCents),
        rateGroup2: optionFigure(RATE_GROUP_2, o.group2DailyRateCents),
        rateGroup3: optionFigure(RATE_GROUP_3, o.group3DailyRateCents),
        ...staffPeriodFigures(o, DAYS),
      },
    },
  ],
  // the personnel facts its custom criteria read, and the ECHE
  facts: () => [...STAFF_FACTS, holdsEche],
  criteria: (_o, p) => [
    staffEcheCriterion,
    criterion("destination", oneOf(facts.hostCountry, KA131_DESTINATIONS), {
      fr: "Pays de destination",
      en: "Destination country",
    }),
    criterion("host", erasmusStaffHost, { fr: "Établissement d'accueil", en: "Host" }),
    staffDurationCriterion(p),
    staffTeachingHoursCriterion,
  ],
  estimate: ({ ctx, lang, parameters: p }) =>
    staffEstimate(ctx, lang, { ...p, dailyRate: dailyRateOf(p, ctx.host.country, callYear(ctx)) }),
  documents: ({ ctx }) => staffDocuments(ctx),
  exclusive: (o) => o.exclusiveWith,
  examples: erasmusStaffExamples,
});
