import {
  atMost,
  BANK_DETAILS,
  between,
  CONFIGURED_SOURCE,
  type Criterion,
  criterion,
  type DatedParameters,
  type DocumentItem,
  defineFundingPlugin,
  exclusiveWithOption,
  type Figure,
  FRANCE_AND_OVERSEAS,
  facts,
  formatQuantity,
  IsoDateSchema,
  inForce,
  isTrue,
  type Lang,
  monthlyBasis,
  noneOf,
  oneOf,
  optionFigure,
  prorata,
  stayProof,
  type Text,
  weakest,
} from "@envol/domain";
import { z } from "zod";
import { amiExamples } from "./ami-examples.ts";
import { amiDaysAfterStay } from "./ami-facts.ts";

/** The figures of one period: the mobility's start date picks the period in force (rulebook §6). */
export type AmiParameters = {
  readonly minFundedDays: Figure<number>;
  readonly maxFundedDays: Figure<number>;
  readonly lifetimeCapDays: Figure<number>;
  readonly monthlyRate: Figure<number>;
};

const RATE_SOURCE =
  "Arrêté du 19 juillet 2018, art. 4 (legifrance.gouv.fr/loda/article_lc/LEGIARTI000037260758); " +
  "OpenFisca-France parameters/prestations_sociales/education/mobilite/internationale/montant.yaml; " +
  "service-public.fr F380 (funding-research.md §6.1)";

const MONTHLY_RATE: Figure<number> = {
  value: 40_000,
  since: "2018-07-19",
  source: RATE_SOURCE,
  confidence: "official",
  label: { fr: "Montant mensuel", en: "Monthly amount" },
  unit: "cents",
};

const days = (value: number, since: string, source: string, label: Text): Figure<number> => ({
  value,
  since,
  source,
  confidence: "official",
  label,
  unit: "days",
});

const MIN_LABEL = { fr: "Durée financée minimale", en: "Least funded days" };
const MAX_LABEL = { fr: "Durée financée maximale", en: "Most funded days" };
const CAP_LABEL = { fr: "Plafond sur toute la scolarité", en: "Lifetime cap" };

/**
 * 2 to 9 months, 9 months over all studies. The rulebook dates this period from the 2018 decree;
 * OpenFisca-France records the values from 2020-06-18 (circulaire du 8-6-2020, annexe 9).
 */
const SINCE_2018: DatedParameters<AmiParameters> = {
  since: "2018-07-19",
  parameters: {
    minFundedDays: days(
      60,
      "2018-07-19",
      "2 months: OpenFisca-France …/internationale/duree_sejour/mois_min.yaml (circulaire du 8-10-2021, BO ESR n°38) (funding-research.md §6.1 AMI-5)",
      MIN_LABEL,
    ),
    maxFundedDays: days(
      270,
      "2018-07-19",
      "9 months: OpenFisca-France …/internationale/duree_sejour/mois_max.yaml (BO n°26 du 1er juillet 2021, ESRS2117943C) (funding-research.md §6.1 AMI-5)",
      MAX_LABEL,
    ),
    lifetimeCapDays: days(
      270,
      "2018-07-19",
      "9 months over all higher education: OpenFisca-France aide_mobilite_internationale_eligibilite (unmodelled conditions); service-public.fr F380 before 2024 (funding-research.md §6.1 AMI-6)",
      CAP_LABEL,
    ),
    monthlyRate: MONTHLY_RATE,
  },
};

/** 1 to 10 months, 10 months over all studies, for mobilities from 2024-07-01 (BO ESR 2024 n°26). */
const SINCE_2024: DatedParameters<AmiParameters> = {
  since: "2024-07-01",
  parameters: {
    minFundedDays: days(
      30,
      "2024-07-01",
      "1 month from 2024-07-01: BO ESR 2024 n°26, ESRS2413977C; OpenFisca-France …/duree_sejour/mois_min.yaml; service-public.fr F380 (funding-research.md §6.1 AMI-5)",
      MIN_LABEL,
    ),
    // OpenFisca-France dates the 10-month maximum from 2024-06-18 (the circular's date); the
    // rulebook lets the mobility's start date pick, with one change on 2024-07-01
    maxFundedDays: days(
      300,
      "2024-07-01",
      "10 months: BO ESR 2024 n°26, ESRS2413977C; OpenFisca-France …/duree_sejour/mois_max.yaml; service-public.fr F380 (funding-research.md §6.1 AMI-5)",
      MAX_LABEL,
    ),
    lifetimeCapDays: days(
      300,
      "2024-07-01",
      "'ne peut pas dépasser un total de 10 mois': service-public.fr F380; decouvrirlemonde.jeunes.gouv.fr (AMI 210) (funding-research.md §6.1 AMI-6)",
      CAP_LABEL,
    ),
    monthlyRate: MONTHLY_RATE,
  },
};

const DEFAULT_PERIODS = [SINCE_2018, SINCE_2024] as const;

const PeriodSchema = z
  .strictObject({
    since: IsoDateSchema,
    minFundedDays: z.number().int().min(1),
    maxFundedDays: z.number().int().min(1),
    lifetimeCapDays: z.number().int().min(1),
    monthlyRateCents: z.number().int().positive(),
  })
  .refine((p) => p.minFundedDays <= p.maxFundedDays, {
    message: "must not be more than maxFundedDays",
    path: ["minFundedDays"],
  });

export type AmiPeriodOption = z.output<typeof PeriodSchema>;

const asOption = ({ since, parameters: p }: DatedParameters<AmiParameters>): AmiPeriodOption => ({
  since,
  minFundedDays: p.minFundedDays.value,
  maxFundedDays: p.maxFundedDays.value,
  lifetimeCapDays: p.lifetimeCapDays.value,
  monthlyRateCents: p.monthlyRate.value,
});

/**
 * Options: the periods of figures, defaulted to the rulebook's two. The figures are national,
 * but when the ministry changes them an institution adds a period in configuration (restating
 * the whole list) rather than waiting for a release. Strict, so a misspelt option stops start-up
 * naming it instead of being ignored.
 */
export const amiOptions = z.strictObject({
  periods: z
    .array(PeriodSchema)
    .min(1)
    .refine((ps) => new Set(ps.map((p) => p.since)).size === ps.length, {
      message: "two periods start on the same date",
    })
    .default(DEFAULT_PERIODS.map(asOption)),
  /** The AMI combines with every other aid (funding-research.md §6.1, §7). */
  exclusiveWith: exclusiveWithOption("ami"),
});

export type AmiOptions = z.output<typeof amiOptions>;

/**
 * A configured figure keeps the rulebook's date, source and confidence when it equals the
 * default in force on the period's start; otherwise it is the institution's own, from then on.
 */
const figure = (byDefault: Figure<number>, value: number, since: string): Figure<number> => {
  const f = optionFigure(byDefault, value);
  return f.source === CONFIGURED_SOURCE ? { ...f, since } : f;
};

const parameters = (options: AmiOptions): DatedParameters<AmiParameters>[] =>
  options.periods.map((o) => {
    const d = inForce(DEFAULT_PERIODS, o.since).parameters;
    return {
      since: o.since,
      parameters: {
        minFundedDays: figure(d.minFundedDays, o.minFundedDays, o.since),
        maxFundedDays: figure(d.maxFundedDays, o.maxFundedDays, o.since),
        lifetimeCapDays: figure(d.lifetimeCapDays, o.lifetimeCapDays, o.since),
        monthlyRate: figure(d.monthlyRate, o.monthlyRateCents, o.since),
      },
    };
  });

/** Rulebook §6, in its order, with the bounds of the period in force. */
const criteria = (_options: AmiOptions, p: AmiParameters): Criterion[] => [
  criterion("boursier", isTrue(facts.crousBoursier), {
    fr: "Boursier du CROUS",
    en: "CROUS grant holder",
  }),
  criterion("level", oneOf(facts.programmeLevel, ["bachelor", "master", "engineering"]), {
    fr: "Niveau d'études",
    en: "Programme level",
  }),
  criterion("destination", noneOf(facts.hostCountry, FRANCE_AND_OVERSEAS), {
    fr: "Séjour à l'étranger",
    en: "Stay abroad",
  }),
  criterion("duration", between(facts.fundedDays, p.minFundedDays.value, p.maxFundedDays.value), {
    fr: "Durée du séjour",
    en: "Length of the stay",
  }),
  criterion("lifetime-cap", atMost(amiDaysAfterStay, p.lifetimeCapDays.value), {
    fr: "Plafond sur toute la scolarité",
    en: "Lifetime cap",
  }),
];

// The checklist's items (funding-research.md §6.1): `documents` picks among them.

const CROUS_NOTIFICATION: DocumentItem = {
  id: "crous-notification",
  label: {
    fr: "Notification définitive de bourse du CROUS",
    en: "CROUS grant notification (final award)",
  },
};

const MOBILITY_PROJECT: DocumentItem = {
  id: "mobility-project",
  label: {
    fr: "Projet d'études ou de stage à l'étranger",
    en: "Study or internship project abroad",
  },
};

/** The attendance certificates the school checks before it pays. */
const ATTENDANCE_CERTIFICATE: DocumentItem = {
  id: "attendance-certificate",
  label: {
    fr: "Attestations de présence dans l'établissement ou l'organisme d'accueil",
    en: "Certificates of attendance from the host",
  },
};

/**
 * Every estimate's first note, the same each time: the school decides how many monthly payments
 * it grants (service-public F380).
 */
const MOST_THIS_STAY: Text = {
  fr: `Montant maximal pour ce séjour : l'établissement décide du nombre de mensualités (durée, éloignement, coût de la vie) selon les crédits AMI qu'il reçoit.`,
  en: `The most this stay can receive: the school decides how many monthly payments to grant (length, distance, cost of living) within the AMI credits it receives.`,
};

/** The assumption made while the AMI months already received are unknown. */
const lifetimeCapNote = (capDays: number, lang: Lang): string => {
  const cap = formatQuantity(capDays, "days", lang);
  return {
    fr: `Suppose que vos mois d'AMI déjà perçus et ce séjour ne dépassent pas ${cap} en tout ; indiquez combien de mois vous avez déjà reçus.`,
    en: `Assumes the AMI months you already received and this stay stay within ${cap} in all; tell us how many months you already received.`,
  }[lang];
};

/**
 * Aide à la mobilité internationale (rulebook §6): the Ministry of Higher Education's monthly
 * aid for CROUS grant holders who study or intern abroad as part of their curriculum, paid by
 * the home institution. Its figures changed for mobilities starting on or after 2024-07-01.
 *
 * @example
 * const configured = ami.configure();
 * configured.periodFor("2024-06-30").since // "2018-07-19": 60 to 270 days
 * configured.periodFor("2024-07-01").since // "2024-07-01": 30 to 300 days
 */
export const ami = defineFundingPlugin({
  id: "ami",
  name: { fr: "Aide à la mobilité internationale (AMI)", en: "International mobility aid (AMI)" },
  funder: {
    fr: "Ministère de l'Enseignement supérieur et de la Recherche",
    en: "French Ministry of Higher Education and Research",
  },
  url: "https://www.service-public.fr/particuliers/vosdroits/F380",
  summary: {
    fr: "400 € par mois pour les boursiers du CROUS qui partent étudier ou faire un stage à l'étranger dans leur cursus : de 1 à 10 mois, et 10 mois au plus sur toute la scolarité (séjours depuis le 1er juillet 2024).",
    en: "€400 a month for CROUS grant holders who study or intern abroad as part of their curriculum: 1 to 10 months, and 10 months at most over all studies (stays from 1 July 2024).",
  },
  options: amiOptions,
  parameters,
  facts: () => [amiDaysAfterStay],
  criteria,
  estimate: ({ ctx, lang, parameters: p }) => {
    const rate = p.monthlyRate.value;
    const paidDays = Math.min(ctx.fundedDays, p.maxFundedDays.value);
    const notes = [MOST_THIS_STAY[lang]];
    if (amiDaysAfterStay.get(ctx) === undefined) {
      notes.push(lifetimeCapNote(p.lifetimeCapDays.value, lang));
    }
    return {
      confidence: weakest(p.monthlyRate.confidence, p.maxFundedDays.confidence),
      lines: [
        {
          id: "monthly-aid",
          label: { fr: "Aide mensuelle", en: "Monthly aid" },
          amount: prorata(rate, paidDays, 30),
          basis: monthlyBasis(rate, paidDays, lang),
          covers: "living",
        },
      ],
      notes,
    };
  },
  // the application file (funding-research.md §6.1): the CROUS grant notice, the study or
  // internship project with its proof, and attendance certificates the school checks to pay
  documents: ({ ctx }) => [
    CROUS_NOTIFICATION,
    MOBILITY_PROJECT,
    stayProof(facts.mobilityKind.get(ctx)),
    ATTENDANCE_CERTIFICATE,
    BANK_DETAILS,
  ],
  exclusive: (options) => options.exclusiveWith,
  examples: amiExamples,
});
