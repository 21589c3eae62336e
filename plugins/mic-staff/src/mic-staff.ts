import {
  allOf,
  between,
  type Condition,
  criterion,
  defineFundingPlugin,
  exclusiveWithOption,
  type Figure,
  FRANCE_AND_OVERSEAS,
  facts,
  isTrue,
  KEBAB_CASE,
  noneOf,
  optionFigure,
} from "@envol/domain";
import {
  FULL_RATE_DAYS,
  formatTravelBands,
  holdsEche,
  KA131_DESTINATIONS,
  STAFF_FIGURES_SINCE,
  staffDocuments,
  staffEstimate,
  staffTeachingHours,
  TAPER_PERCENT,
  TRAVEL_BANDS,
  type TravelBand,
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

const TRAVEL_DAYS: Figure<number> = {
  value: 2,
  since: STAFF_FIGURES_SINCE,
  source: "rulebook §10: one travel day before the activity and one after, paid at the daily rate",
  confidence: "assumed",
  label: { fr: "Jours de voyage payés", en: "Travel days paid" },
  unit: "days",
};

const GREEN_EXTRA_DAYS: Figure<number> = {
  value: 4,
  since: STAFF_FIGURES_SINCE,
  source:
    "rulebook §10: up to 4 more travel days with green travel; Envol assumes the 4 unless the " +
    "school sets fewer",
  confidence: "assumed",
  label: {
    fr: "Jours de voyage en plus avec un voyage bas carbone",
    en: "Extra travel days with green travel",
  },
  unit: "days",
};

const TRAVEL_BANDS_2024: Figure<readonly TravelBand[]> = {
  value: TRAVEL_BANDS.at(2024),
  since: STAFF_FIGURES_SINCE,
  source:
    "rulebook §0 and §10; funding-research.md §9, Call 2024 onwards: 10-2 999 km rows vu.nl " +
    "(official, its staff page), 28 € and 1 735 € endpoints mfja.fr, 580 / 785 / 1 188 € " +
    "recalled from the 2024 Programme Guide (to be confirmed)",
  confidence: "assumed",
  label: {
    fr: "Forfaits voyage par distance (appels 2024 et suivants)",
    en: "Travel support by distance (Calls 2024 onwards)",
  },
  format: formatTravelBands,
};

// ---------------------------------------------------------------- options

const activityDays = z.number().int().min(MIN_DAYS.value).max(MAX_DAYS.value);

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
    dailyRateCents: z.number().int().positive().default(DAILY_RATE.value),
    /** The partner-catalogue agreement that names a host in the school's KA171 project. */
    projectAgreement: z
      .string()
      .regex(KEBAB_CASE, "must be a kebab-case agreement id such as ka171")
      .default("ka171"),
    /** The activity days a stay may last: a school may narrow the programme's 5-60, not widen it. */
    minDays: activityDays.default(MIN_DAYS.value),
    maxDays: activityDays.default(MAX_DAYS.value),
    /** Travel days paid on top of the activity days (one before, one after). */
    travelDays: z.number().int().min(0).max(2).default(TRAVEL_DAYS.value),
    /** Extra travel days paid with green travel (up to 4). */
    greenExtraTravelDays: z.number().int().min(0).max(4).default(GREEN_EXTRA_DAYS.value),
    /** One EU staff grant per stay: KA171 or KA131, never both. */
    exclusiveWith: exclusiveWithOption("mic-staff", ["erasmus-staff"]),
  })
  .refine((o) => o.minDays <= o.maxDays, {
    path: ["maxDays"],
    message: "must be at least minDays",
  });

export type MicStaffOptions = z.output<typeof micStaffOptions>;

/**
 * Abroad and outside the KA131 countries, i.e. Regions 1-12 (rulebook §3 and §10).
 * KA131_DESTINATIONS already leaves France out, so France is excluded separately.
 */
const abroadOutsideErasmusEurope: Condition = allOf(
  noneOf(facts.hostCountry, FRANCE_AND_OVERSEAS),
  noneOf(facts.hostCountry, KA131_DESTINATIONS),
);

/** The FITEC programmes' countries (rulebook §4), whose teaching missions Envol does not model. */
const FITEC_COUNTRIES: ReadonlySet<string> = new Set(["BR", "AR", "MX"]);

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
        fullRateDays: FULL_RATE_DAYS_FIGURE,
        taperPercent: TAPER,
        minDays: optionFigure(MIN_DAYS, o.minDays),
        maxDays: optionFigure(MAX_DAYS, o.maxDays),
        travelDays: optionFigure(TRAVEL_DAYS, o.travelDays),
        greenExtraDays: optionFigure(GREEN_EXTRA_DAYS, o.greenExtraTravelDays),
        travelBands: TRAVEL_BANDS_2024,
      },
    },
  ],
  // the personnel facts its criteria read (the hours through `staffTeachingHours`), and the ECHE
  facts: () => [facts.personnelActivity, facts.activityDays, facts.teachingHours, holdsEche],
  criteria: (o, p) => [
    criterion("eche", isTrue(holdsEche), {
      fr: "Charte Erasmus de l'établissement",
      en: "Home institution's Erasmus Charter",
    }),
    criterion("destination", abroadOutsideErasmusEurope, {
      fr: "Pays hors Europe Erasmus+",
      en: "Country outside Erasmus+ Europe",
    }),
    criterion(
      "host",
      isTrue(
        facts.hostHasAgreement(o.projectAgreement, {
          fr: "projet KA171 de l'école",
          en: "the school's KA171 project",
        }),
      ),
      { fr: "Partenaire du projet KA171", en: "KA171 project partner" },
    ),
    criterion("duration", between(facts.activityDays, p.minDays.value, p.maxDays.value), {
      fr: "Durée de l'activité",
      en: "Activity duration",
    }),
    criterion("teaching-hours", staffTeachingHours, {
      fr: "Heures d'enseignement",
      en: "Teaching hours",
    }),
  ],
  estimate: ({ ctx, lang, parameters: p }) => {
    const draft = staffEstimate(ctx, lang, p);
    if (!FITEC_COUNTRIES.has(ctx.host.country)) return draft;
    const fitec = {
      fr: "Les missions d'enseignement BRAFITEC, ARFITEC et MEXFITEC ne sont pas prises en compte : aucun montant public ; renseignez-vous auprès du service des relations internationales.",
      en: "BRAFITEC, ARFITEC and MEXFITEC teaching missions are not taken into account: no public figures; ask the international relations office.",
    }[lang];
    return { ...draft, notes: [...(draft.notes ?? []), fitec] };
  },
  documents: ({ ctx }) => staffDocuments(ctx),
  exclusive: (o) => o.exclusiveWith,
  examples: micStaffExamples,
});
