import {
  between,
  criterion,
  defineFundingPlugin,
  exclusiveWithOption,
  type Figure,
  facts,
  isTrue,
  oneOf,
  optionFigure,
  type Text,
  when,
} from "@envol/domain";
import {
  callYear,
  erasmusCountryGroup,
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

const rateCents = z.number().int().positive();
const activityDays = z.number().int().min(MIN_DAYS.value).max(MAX_DAYS.value);

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
    travelDays: z.number().int().min(0).max(2).default(TRAVEL_DAYS.value),
    /** Extra travel days paid with green travel (up to 4). */
    greenExtraTravelDays: z.number().int().min(0).max(4).default(GREEN_EXTRA_DAYS.value),
    /** One EU staff grant per stay: KA131 or KA171, never both. */
    exclusiveWith: exclusiveWithOption("erasmus-staff", ["mic-staff"]),
  })
  .refine((o) => o.minDays <= o.maxDays, {
    path: ["maxDays"],
    message: "must be at least minDays",
  });

export type ErasmusStaffOptions = z.output<typeof erasmusStaffOptions>;

const ERASMUS_AGREEMENT: Text = {
  fr: "accord interinstitutionnel Erasmus+",
  en: "Erasmus+ inter-institutional agreement",
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
  criteria: (_o, p) => [
    criterion("eche", isTrue(holdsEche), {
      fr: "Charte Erasmus de l'établissement",
      en: "Home institution's Erasmus Charter",
    }),
    criterion("destination", oneOf(facts.hostCountry, KA131_DESTINATIONS), {
      fr: "Pays de destination",
      en: "Destination country",
    }),
    // teaching at a partner under an Erasmus+ agreement; training at any organisation
    criterion(
      "host",
      when(
        oneOf(facts.personnelActivity, ["teaching"]),
        isTrue(facts.hostHasAgreement("erasmus", ERASMUS_AGREEMENT)),
      ),
      { fr: "Établissement d'accueil", en: "Host" },
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
    // the destination criterion holds here, so the host's country has a group
    const group = erasmusCountryGroup(ctx.host.country, callYear(ctx));
    const dailyRate = { 1: p.rateGroup1, 2: p.rateGroup2, 3: p.rateGroup3 }[group ?? 3];
    return staffEstimate(ctx, lang, { ...p, dailyRate });
  },
  documents: ({ ctx }) => staffDocuments(ctx),
  exclusive: (o) => o.exclusiveWith,
  examples: erasmusStaffExamples,
});
