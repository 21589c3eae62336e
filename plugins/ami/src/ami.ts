import {
  atLeast,
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
  not,
  oneOf,
  optionFigure,
  prorata,
  stayProof,
  type Text,
  weakest,
} from "@envol/domain";
import { z } from "zod";
import { amiExamples } from "./ami-examples.ts";
import { amiMonthsTotal, stayWholeMonths } from "./ami-facts.ts";
import { amiStoredOptions } from "./ami-stored-options.ts";

/**
 * The figures of one period: the mobility's start date picks the period in force (rulebook §6).
 * The stay's bounds and the lifetime cap are in whole months, as the ministry states them.
 */
export type AmiParameters = {
  readonly minMonths: Figure<number>;
  readonly maxMonths: Figure<number>;
  readonly lifetimeCapMonths: Figure<number>;
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

const months = (value: number, since: string, source: string, label: Text): Figure<number> => ({
  value,
  since,
  source,
  confidence: "official",
  label,
  unit: "months",
});

const MIN_LABEL = { fr: "Durée minimale du séjour", en: "Shortest stay" };
const MAX_LABEL = { fr: "Durée maximale du séjour", en: "Longest stay" };
const CAP_LABEL = { fr: "Plafond sur toute la scolarité", en: "Lifetime cap" };

/**
 * 2 to 9 whole months, 9 months over all studies. The rulebook dates this period from the 2018
 * decree; OpenFisca-France records the bounds from 2020-06-18 (circulaire du 8-6-2020, annexe 9).
 */
const SINCE_2018: DatedParameters<AmiParameters> = {
  since: "2018-07-19",
  parameters: {
    minMonths: months(
      2,
      "2018-07-19",
      "2 months: OpenFisca-France …/internationale/duree_sejour/mois_min.yaml (circulaire du 8-10-2021, BO ESR n°38) (funding-research.md §6.1 AMI-5)",
      MIN_LABEL,
    ),
    maxMonths: months(
      9,
      "2018-07-19",
      "9 months: OpenFisca-France …/internationale/duree_sejour/mois_max.yaml (BO n°26 du 1er juillet 2021, ESRS2117943C) (funding-research.md §6.1 AMI-5)",
      MAX_LABEL,
    ),
    lifetimeCapMonths: months(
      9,
      "2018-07-19",
      "9 months over all higher education: OpenFisca-France aide_mobilite_internationale_eligibilite (unmodelled conditions); service-public.fr F380 before 2024 (funding-research.md §6.1 AMI-6)",
      CAP_LABEL,
    ),
    monthlyRate: MONTHLY_RATE,
  },
};

/** 1 to 10 whole months, 10 months over all studies, for mobilities from 2024-07-01 (BO ESR 2024 n°26). */
const SINCE_2024: DatedParameters<AmiParameters> = {
  since: "2024-07-01",
  parameters: {
    minMonths: months(
      1,
      "2024-07-01",
      "1 month from 2024-07-01: BO ESR 2024 n°26, ESRS2413977C; OpenFisca-France …/duree_sejour/mois_min.yaml; service-public.fr F380 (funding-research.md §6.1 AMI-5)",
      MIN_LABEL,
    ),
    // OpenFisca-France dates the 10-month maximum from 2024-06-18 (the circular's date); the
    // rulebook lets the mobility's start date pick, with one change on 2024-07-01
    maxMonths: months(
      10,
      "2024-07-01",
      "10 months: BO ESR 2024 n°26, ESRS2413977C; OpenFisca-France …/duree_sejour/mois_max.yaml; service-public.fr F380 (funding-research.md §6.1 AMI-5)",
      MAX_LABEL,
    ),
    lifetimeCapMonths: months(
      10,
      "2024-07-01",
      "'ne peut pas dépasser un total de 10 mois': service-public.fr F380; decouvrirlemonde.jeunes.gouv.fr (AMI 210) (funding-research.md §6.1 AMI-6)",
      CAP_LABEL,
    ),
    monthlyRate: MONTHLY_RATE,
  },
};

const DEFAULT_PERIODS = [SINCE_2018, SINCE_2024] as const;

// Upper bounds, above every figure the ministry has set (400 € a month, 9 then 10 months): a
// stay funded at most an academic year (12 months), at most 60 months over all studies, at most
// 2 000 € a month; so no evaluation multiplies past the exact range of an amount, and a figure
// typed wrong is refused naming the option instead of being saved from a date.
const MAX_STAY_MONTHS = 12;
const MAX_LIFETIME_MONTHS = 60;
const MAX_MONTHLY_RATE_CENTS = 200_000;

const PeriodSchema = z
  .strictObject({
    since: IsoDateSchema,
    minMonths: z.number().int().min(1).max(MAX_STAY_MONTHS),
    maxMonths: z.number().int().min(1).max(MAX_STAY_MONTHS),
    lifetimeCapMonths: z.number().int().min(1).max(MAX_LIFETIME_MONTHS),
    monthlyRateCents: z.number().int().positive().max(MAX_MONTHLY_RATE_CENTS),
  })
  .refine((p) => p.minMonths <= p.maxMonths, {
    message: "must not be more than maxMonths",
    path: ["minMonths"],
  });

export type AmiPeriodOption = z.output<typeof PeriodSchema>;

const asOption = ({ since, parameters: p }: DatedParameters<AmiParameters>): AmiPeriodOption => ({
  since,
  minMonths: p.minMonths.value,
  maxMonths: p.maxMonths.value,
  lifetimeCapMonths: p.lifetimeCapMonths.value,
  monthlyRateCents: p.monthlyRate.value,
});

/**
 * Options: the periods of figures, defaulted to the rulebook's two. The figures are national,
 * but when the ministry changes them an institution adds a period in configuration (restating
 * the whole list) rather than waiting for a release. Strict, so a misspelt option (or a period
 * still written in days, `minFundedDays`) stops start-up naming it instead of being ignored.
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
        minMonths: figure(d.minMonths, o.minMonths, o.since),
        maxMonths: figure(d.maxMonths, o.maxMonths, o.since),
        lifetimeCapMonths: figure(d.lifetimeCapMonths, o.lifetimeCapMonths, o.since),
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
  // the stay is part of the curriculum: an exchange under an agreement, or an internship under
  // its agreement; a free mover's stay is not (service-public F380, aides-jeunes' conditions)
  criterion(
    "framework",
    oneOf(facts.framework, ["inter-institution-agreement", "internship-agreement"]),
    { fr: "Séjour intégré au cursus", en: "Part of the curriculum" },
  ),
  criterion("destination", noneOf(facts.hostCountry, FRANCE_AND_OVERSEAS), {
    fr: "Séjour à l'étranger",
    en: "Stay abroad",
  }),
  // whole months, the days after the last one dropped, as OpenFisca-France counts them
  criterion("duration", between(stayWholeMonths, p.minMonths.value, p.maxMonths.value), {
    fr: "Durée du séjour",
    en: "Length of the stay",
  }),
  // the cap limits the amount (estimate); it excludes the stay only when nothing is left
  criterion("lifetime-cap", not(atLeast(amiMonthsTotal, p.lifetimeCapMonths.value)), {
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
const lifetimeCapNote = (capMonths: number, lang: Lang): string => {
  const cap = formatQuantity(capMonths, "months", lang);
  return {
    fr: `Suppose que vous n'avez encore perçu aucun mois d'AMI : les mois déjà perçus réduisent ce montant (${cap} au plus sur toute la scolarité). Indiquez combien de mois vous avez déjà reçus.`,
    en: `Assumes you have not received any AMI month yet: months already received reduce this amount (${cap} at most over all studies). Tell us how many months you already received.`,
  }[lang];
};

/** What limits the days paid, when something does: the lifetime cap or the longest stay. */
type Limit =
  | { readonly by: "lifetime-cap"; readonly received: number; readonly cap: number }
  | { readonly by: "longest-stay"; readonly max: number };

/** The words after the basis: "(plafond : 10 mois − 5 mois déjà perçus)". */
const limitBasis = (limit: Limit, lang: Lang): string => {
  const m = (n: number) => formatQuantity(n, "months", lang);
  if (limit.by === "longest-stay")
    return { fr: `(au plus ${m(limit.max)} par séjour)`, en: `(at most ${m(limit.max)} a stay)` }[
      lang
    ];
  return {
    fr: `(plafond : ${m(limit.cap)} − ${m(limit.received)} déjà perçus)`,
    en: `(cap: ${m(limit.cap)} − ${m(limit.received)} already received)`,
  }[lang];
};

/** The note that says the amount is capped, and by what. */
const limitNote = (limit: Limit, paidDays: number, fundedDays: number, lang: Lang): string => {
  const m = (n: number) => formatQuantity(n, "months", lang);
  const d = (n: number) => formatQuantity(n, "days", lang);
  if (limit.by === "longest-stay") {
    const beyond = fundedDays - paidDays;
    const unpaid =
      beyond === 1
        ? { fr: "le jour au-delà n'est pas payé", en: "the day beyond is not paid" }
        : {
            fr: `les ${d(beyond)} au-delà ne sont pas payés`,
            en: `the ${d(beyond)} beyond are not paid`,
          };
    return {
      fr: `Montant plafonné à ${m(limit.max)}, le plus long séjour aidé : ${unpaid.fr}.`,
      en: `Amount capped at ${m(limit.max)}, the longest stay the aid pays: ${unpaid.en}.`,
    }[lang];
  }
  return {
    fr: `Montant plafonné : vous avez déjà perçu ${m(limit.received)} d'AMI sur les ${m(limit.cap)} possibles de toute la scolarité ; il en reste ${d(paidDays)} pour ce séjour de ${d(fundedDays)} financés.`,
    en: `Amount capped: you already received ${m(limit.received)} of AMI out of the ${m(limit.cap)} allowed over all studies; ${d(paidDays)} ${paidDays === 1 ? "is" : "are"} left for this stay of ${d(fundedDays)} funded.`,
  }[lang];
};

/**
 * The days paid (rulebook §6): `min(fundedDays, capDays − amiMonthsTotal × 30)`, a month counting
 * 30 days (a fractional month received, to the hundredth), and never more than the longest stay,
 * which the rulebook's formula leaves implicit because its cap equals its maximum. The days
 * after the last whole month are paid: the whole months decide eligibility only (README,
 * "Whole months and the amount").
 */
const daysPaid = (
  fundedDays: number,
  received: number | undefined,
  p: AmiParameters,
): { days: number; limit: Limit | undefined } => {
  const maxDays = p.maxMonths.value * 30;
  const cap = p.lifetimeCapMonths.value;
  // months received are read to the hundredth, so the days left are exact to the hundredth
  const leftDays = Math.max(0, (cap * 100 - Math.round((received ?? 0) * 100)) * 30) / 100;
  const days = Math.min(fundedDays, maxDays, leftDays);
  if (days === fundedDays) return { days, limit: undefined };
  return leftDays < maxDays
    ? { days, limit: { by: "lifetime-cap", received: received ?? 0, cap } }
    : { days, limit: { by: "longest-stay", max: p.maxMonths.value } };
};

/**
 * Aide à la mobilité internationale (rulebook §6): the Ministry of Higher Education's monthly
 * aid for CROUS grant holders who study or intern abroad as part of their curriculum, paid by
 * the home institution. Its figures changed for mobilities starting on or after 2024-07-01.
 *
 * @example
 * const configured = ami.configure();
 * configured.periodFor("2024-06-30").since // "2018-07-19": 2 to 9 whole months
 * configured.periodFor("2024-07-01").since // "2024-07-01": 1 to 10 whole months
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
  storedOptions: amiStoredOptions,
  parameters,
  facts: () => [amiMonthsTotal, stayWholeMonths],
  criteria,
  estimate: ({ ctx, lang, parameters: p }) => {
    const rate = p.monthlyRate.value;
    const received = amiMonthsTotal.get(ctx);
    const { days, limit } = daysPaid(ctx.fundedDays, received, p);
    const basis = monthlyBasis(rate, days, lang);
    const notes = [MOST_THIS_STAY[lang]];
    if (limit) notes.push(limitNote(limit, days, ctx.fundedDays, lang));
    if (received === undefined) notes.push(lifetimeCapNote(p.lifetimeCapMonths.value, lang));
    return {
      confidence: weakest(p.monthlyRate.confidence, p.maxMonths.confidence),
      lines: [
        {
          id: "monthly-aid",
          label: { fr: "Aide mensuelle", en: "Monthly aid" },
          // days to the hundredth: a whole numerator over 3 000
          amount: prorata(rate, Math.round(days * 100), 3000),
          basis: limit ? `${basis} ${limitBasis(limit, lang)}` : basis,
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
