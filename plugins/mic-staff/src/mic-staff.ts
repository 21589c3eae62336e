import {
  type Condition,
  criterion,
  custom,
  defineFundingPlugin,
  exclusiveWithOption,
  type Figure,
  facts,
  KEBAB_CASE,
  optionFigure,
} from "@envol/domain";
import {
  FULL_RATE_DAYS,
  holdsEche,
  KA171_DESTINATION,
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
import { micStaffExamples } from "./mic-staff-examples.ts";

// ---------------------------------------------------------------- figures (rulebook §10)

const DAILY_RATE: Figure<number> = {
  value: 18_000,
  since: STAFF_FIGURES_SINCE,
  source:
    "rulebook §10: 180 € a day, the KA131 group 1 rate (hfoev.bremen.de) assumed for KA171 " +
    "until the office confirms the project's rate",
  confidence: "assumed",
  label: { fr: "Taux journalier KA171", en: "KA171 daily rate" },
  unit: "cents",
};

const FULL_RATE_DAYS_FIGURE: Figure<number> = {
  value: FULL_RATE_DAYS,
  since: STAFF_FIGURES_SINCE,
  source: "rulebook §10: the daily rate in full for days 1-14, as for KA131 (hfoev.bremen.de)",
  confidence: "assumed",
  label: { fr: "Jours d'activité payés au taux plein", en: "Activity days paid at the full rate" },
  unit: "days",
};

const TAPER: Figure<number> = {
  value: TAPER_PERCENT,
  since: STAFF_FIGURES_SINCE,
  source: "rulebook §10: 70 % of the daily rate for days 15-60, as for KA131 (hfoev.bremen.de)",
  confidence: "assumed",
  label: {
    fr: "Part du taux journalier après le 14e jour",
    en: "Share of the daily rate after day 14",
  },
  unit: "percent",
};

const MIN_DAYS: Figure<number> = {
  value: 5,
  since: STAFF_FIGURES_SINCE,
  source:
    "rulebook §10: 5 to 60 activity days for KA171 staff mobility, travel excluded (Erasmus+ " +
    "Programme Guide; to be confirmed by the office)",
  confidence: "assumed",
  label: { fr: "Durée minimale de l'activité", en: "Minimum activity duration" },
  unit: "days",
};

const MAX_DAYS: Figure<number> = {
  ...MIN_DAYS,
  value: 60,
  label: { fr: "Durée maximale de l'activité", en: "Maximum activity duration" },
};

/** How KA171 pays a stay's days, with its bounds; the travel days are the staff schemes' own. */
const DAYS = {
  fullRateDays: FULL_RATE_DAYS_FIGURE,
  taperPercent: TAPER,
  minDays: MIN_DAYS,
  maxDays: MAX_DAYS,
};

// ---------------------------------------------------------------- options

const activityDays = z.number().int().min(MIN_DAYS.value).max(MAX_DAYS.value);

// The daily rate in cents, at most 1 000 € a day: far above the programme's (180 €), so no
// evaluation multiplies past the exact range of an amount, and a figure typed wrong is refused
// naming the option instead of being saved from a date.
const MAX_DAILY_RATE_CENTS = 100_000;

/**
 * Every field defaulted to the rulebook's figure (§10), so an institution changes it in its
 * configuration, never in this file.
 *
 * @example
 * micStaff.configure({ dailyRateCents: 16_000 })
 */
export const micStaffOptions = z
  .strictObject({
    /** The KA171 daily rate, in cents. */
    dailyRateCents: z.number().int().positive().max(MAX_DAILY_RATE_CENTS).default(DAILY_RATE.value),
    /** The partner-catalogue agreement that names a host in the school's KA171 project. */
    projectAgreement: z
      .string()
      .regex(KEBAB_CASE, "must be a kebab-case agreement id such as ka171")
      .default("ka171"),
    /** The activity days a stay may last: a school may narrow the programme's 5-60, not widen it. */
    minDays: activityDays.default(MIN_DAYS.value),
    maxDays: activityDays.default(MAX_DAYS.value),
    /** Travel days paid on top of the activity days (one before, one after). */
    travelDays: z.number().int().min(0).max(2).default(STAFF_TRAVEL_DAYS.value),
    /** Extra travel days paid with green travel (up to 4). */
    greenExtraTravelDays: z.number().int().min(0).max(4).default(STAFF_GREEN_EXTRA_DAYS.value),
    /** One EU staff grant per stay: KA171 or KA131, never both. */
    exclusiveWith: exclusiveWithOption("mic-staff", ["erasmus-staff"]),
  })
  .refine(staffDaysInOrder, STAFF_DAYS_ORDER_ISSUE);

export type MicStaffOptions = z.output<typeof micStaffOptions>;

/** The FITEC programmes' agreements (rulebook §4), whose teaching missions Envol does not model. */
const FITEC_AGREEMENTS: readonly string[] = ["brafitec", "arfitec", "mexfitec"];

const FITEC_NOT_MODELLED = {
  fr: "les missions d'enseignement BRAFITEC, ARFITEC et MEXFITEC de ce partenaire ne sont pas prises en compte (aucun montant public) : renseignez-vous auprès du service des relations internationales",
  en: "this partner's BRAFITEC, ARFITEC and MEXFITEC teaching missions are not taken into account (no public figures): ask the international relations office",
};

/**
 * The criterion `host` (rulebook §10): the host is a partner named in the school's KA171
 * project. A teacher going to a partner with a FITEC agreement is told, in the reason, that
 * FITEC teaching missions are not modelled (rulebook §10 "say so"), a training stay is not.
 */
const micStaffHost = (agreement: string): Condition =>
  custom({
    describe: {
      fr: "l'établissement d'accueil, partenaire du projet KA171 de l'école",
      en: "the host, a partner of the school's KA171 project",
    },
    rule: {
      fr: "l'établissement d'accueil est un partenaire du projet KA171 de l'école",
      en: "the host is a partner of the school's KA171 project",
    },
    evaluate: (ctx) => {
      const partner = ctx.host.agreements.includes(agreement);
      const fitec =
        facts.personnelActivity.get(ctx) === "teaching" &&
        ctx.host.agreements.some((a) => FITEC_AGREEMENTS.includes(a));
      const withFitec = (text: { fr: string; en: string }) =>
        fitec
          ? {
              fr: `${text.fr} ; ${FITEC_NOT_MODELLED.fr}`,
              en: `${text.en}; ${FITEC_NOT_MODELLED.en}`,
            }
          : text;
      return partner
        ? {
            status: "met",
            reason: withFitec({
              fr: "L'établissement d'accueil est partenaire du projet KA171 de l'école",
              en: "The host is a partner of the school's KA171 project",
            }),
          }
        : {
            status: "unmet",
            reason: withFitec({
              fr: "L'établissement d'accueil n'est pas partenaire du projet KA171 de l'école",
              en: "The host is not a partner of the school's KA171 project",
            }),
            hint: {
              fr: "Choisissez un établissement partenaire du projet KA171 de l'école",
              en: "Choose a partner of the school's KA171 project",
            },
          };
    },
  });

// ---------------------------------------------------------------- the plugin

/**
 * Erasmus+ international staff mobility (KA171), rulebook §10: the European Union's external
 * policy funds pay the school's teaching and administrative personnel a daily allowance and a
 * travel lump sum to teach or train at a partner of the school's KA171 project outside the
 * Erasmus+ countries, for 5 to 60 activity days.
 *
 * @example
 * const configured = micStaff.configure({ dailyRateCents: 16_000 });
 */
export const micStaff = defineFundingPlugin({
  id: "mic-staff",
  name: {
    fr: "Erasmus+ mobilité internationale du personnel (KA171)",
    en: "Erasmus+ international staff mobility (KA171)",
  },
  funder: {
    fr: "Union européenne (fonds de l'action extérieure), par l'Agence Erasmus+ France",
    en: "European Union (external policy funds), through the Agence Erasmus+ France",
  },
  url: "https://erasmus-plus.ec.europa.eu/fr/programme-guide/part-b/key-action-1/mobility-projects-for-higher-education-students-and-staff",
  summary: {
    fr: "Un soutien journalier et un forfait voyage pour les enseignants et le personnel administratif de l'école qui enseignent ou se forment chez un partenaire du projet KA171, hors d'Europe, de 5 à 60 jours.",
    en: "A daily allowance and a travel lump sum for the school's teaching and administrative personnel teaching or training at a partner of the KA171 project, outside Europe, for 5 to 60 days.",
  },
  participant: "personnel",
  options: micStaffOptions,
  // Call 2024's figures are the earliest Envol has (rulebook §0): an earlier stay is ineligible
  // on `period`, never priced with them
  parameters: (o) => [
    {
      since: STAFF_FIGURES_SINCE,
      parameters: {
        dailyRate: optionFigure(DAILY_RATE, o.dailyRateCents),
        ...staffPeriodFigures(o, DAYS),
      },
    },
  ],
  // the personnel facts its criteria read (the hours through `staffTeachingHours`), and the ECHE
  // the personnel facts its custom criteria read, and the ECHE
  facts: () => [...STAFF_FACTS, holdsEche],
  criteria: (o, p) => [
    staffEcheCriterion,
    criterion("destination", KA171_DESTINATION, {
      fr: "Pays hors Europe Erasmus+",
      en: "Country outside Erasmus+ Europe",
    }),
    criterion("host", micStaffHost(o.projectAgreement), {
      fr: "Partenaire du projet KA171",
      en: "KA171 project partner",
    }),
    staffDurationCriterion(p),
    staffTeachingHoursCriterion,
  ],
  estimate: ({ ctx, lang, parameters: p }) => staffEstimate(ctx, lang, p),
  documents: ({ ctx }) => staffDocuments(ctx),
  exclusive: (o) => o.exclusiveWith,
  examples: micStaffExamples,
});
