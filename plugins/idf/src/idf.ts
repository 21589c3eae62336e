import {
  atLeast,
  BANK_DETAILS,
  CONFIGURED_SOURCE,
  type Criterion,
  cents,
  compare,
  criterion,
  type DatedParameters,
  type DocumentItem,
  defineFundingPlugin,
  exclusiveWithOption,
  type Figure,
  FRANCE_AND_OVERSEAS,
  facts,
  formatMoney,
  formatQuantity,
  HOUSEHOLD_TAX_NOTICE,
  isAcademicYear,
  isFalse,
  type Lang,
  meansTest,
  monthlyBasis,
  noneOf,
  oneOf,
  optionFigure,
  prorata,
  QF_CEILING_CENTS,
  roundHalfUp,
  stayProof,
  type Text,
  weakest,
} from "@envol/domain";
import { z } from "zod";
import { idfExamples } from "./idf-examples.ts";

/** INSEE code of Île-de-France: the scheme is for the Region's institutions (funding-research §1.2 IDF-1a). */
const ILE_DE_FRANCE = "11";

/** The Region's allowed monthly range, 250–450 € (aides-territoires; iledefrance.fr, 13 Feb 2019; medjouel 2017). */
const MONTHLY_RATE_MIN_CENTS = 25_000;
const MONTHLY_RATE_MAX_CENTS = 45_000;
/** The highest annual cap an option may set: 20 000 €. */
const MAX_ANNUAL_CAP_CENTS = 2_000_000;
/** The highest quotient familial ceiling an option may set: 100 000 €. */
const MAX_QF_CEILING_CENTS = 10_000_000;

/**
 * The rulebook's estimate is secondary (rulebook §1): the school picks the rate, and the
 * scheme's 2025-26 status is unconfirmed (funding-research §1.8), so even a rate the school
 * configured does not make the estimate official.
 */
const SCHEME_CONFIDENCE = "secondary";

const MONTHLY_RATE: Figure<number> = {
  value: MONTHLY_RATE_MAX_CENTS,
  since: "2016-07-01",
  source:
    "Région Île-de-France, Bourses Mobilité IDF: 250–450 €/month, the school choosing the rate " +
    "(aides-territoires.beta.gouv.fr/aides/c8af-dispositif-bourses-mobilite-ile-de-france-_-i/; " +
    "iledefrance.fr, 13 Feb 2019); 450 € is the ceiling, stored by aides-jeunes (montant 450) " +
    "and paid flat by some schools (funding-research.md §1.4)",
  confidence: "secondary",
  label: { fr: "Taux mensuel", en: "Monthly rate" },
  unit: "cents",
};

const MAX_FUNDED_DAYS: Figure<number> = {
  value: 300,
  since: "2016-07-01",
  source:
    "1 to 10 months per academic year: aides-territoires; iledefrance.fr, 13 Feb 2019; aides-jeunes " +
    "region-ile-de-france-bourses-mobilite-etudiants-dut-licence-master.yml (funding-research.md §1.3)",
  confidence: "official",
  label: { fr: "Durée financée maximale par année", en: "Most funded days per year" },
  unit: "days",
};

const MIN_FUNDED_DAYS: Figure<number> = {
  value: 30,
  since: "2016-07-01",
  source:
    "at least one consecutive month abroad: iledefrance.fr 2017 page (copy on medjouel.com); " +
    "decouvrirlemonde.jeunes.gouv.fr (funding-research.md §1.2 IDF-9)",
  confidence: "official",
  label: { fr: "Durée financée minimale", en: "Least funded days" },
  unit: "days",
};

const ANNUAL_CAP: Figure<number> = {
  value: 450_000,
  since: "2016-07-01",
  source:
    "derived: 10 months × 450 € per academic year (rulebook §1; funding-research.md §1.4, 'Cap')",
  confidence: "secondary",
  label: { fr: "Plafond par année universitaire", en: "Cap per academic year" },
  unit: "cents",
};

const QF_CEILING: Figure<number> = {
  value: QF_CEILING_CENTS,
  since: "2016-07-01",
  source:
    "household not taxable or quotient familial ≤ 19 190 €: aides-jeunes (quotient_familial <= 19190); " +
    "aides-territoires; iledefrance.fr 2017 page (funding-research.md §1.2 IDF-10)",
  confidence: "official",
  label: { fr: "Plafond de quotient familial", en: "Family quotient ceiling" },
  unit: "cents",
};

const PARTNER_YEARS: Figure<readonly string[]> = {
  value: ["2024-2025", "2025-2026", "2026-2027", "2027-2028"],
  since: "2024-07-01",
  source:
    "rulebook §0 (Télécom Paris, IDF partner 2024-2025 to 2027-2028; to confirm with the Region's " +
    "call results); the rule: aides-territoires, Règlement de l'AAP 2020-2021 (funding-research.md §1.2 IDF-2)",
  confidence: "assumed",
  label: { fr: "Années où l'établissement est partenaire", en: "Years the school is a partner" },
};

const RESIDENCE_REQUIRED: Figure<boolean> = {
  value: false,
  since: "2016-07-01",
  source:
    "aides-jeunes tests regions ['11'] ('étudiants résidant en Île-de-France') but the official pages " +
    "only say 'étudiants franciliens' (funding-research.md §1.2 IDF-1b): off until the office confirms",
  confidence: "assumed",
  label: { fr: "Résidence en Île-de-France exigée", en: "Residence in Île-de-France required" },
  format: (required, lang) => ({ fr: required ? "oui" : "non", en: required ? "yes" : "no" })[lang],
};

/**
 * Options: every field defaulted to the rulebook's figure, so an institution changes it in
 * configuration. Strict, so a misspelt option stops start-up naming it instead of being ignored.
 */
export const idfOptions = z
  .strictObject({
    /** The school's monthly rate, within the Region's range. */
    monthlyRateCents: z
      .number()
      .int()
      .min(MONTHLY_RATE_MIN_CENTS)
      .max(MONTHLY_RATE_MAX_CENTS)
      .default(MONTHLY_RATE.value),
    /** Funded days paid at most; a month counts 30 days and an academic year holds 12. */
    maxFundedDays: z.number().int().min(30).max(360).default(MAX_FUNDED_DAYS.value),
    minFundedDays: z.number().int().min(1).max(360).default(MIN_FUNDED_DAYS.value),
    // upper bounds far above the Region's figures (4 500 € a year, a quotient ceiling of
    // 19 190 €): no sum leaves the exact range of an amount, and a figure typed wrong is refused
    // naming the option instead of being saved from a date
    annualCapCents: z
      .number()
      .int()
      .nonnegative()
      .max(MAX_ANNUAL_CAP_CENTS)
      .default(ANNUAL_CAP.value),
    qfCeilingCents: z
      .number()
      .int()
      .nonnegative()
      .max(MAX_QF_CEILING_CENTS)
      .default(QF_CEILING.value),
    /** The academic years for which the Region selected the school. */
    partnerYears: z
      .array(
        z.string().refine((year): boolean => isAcademicYear(year), {
          message: "must be an academic year written YYYY-YYYY, such as 2026-2027",
        }),
      )
      .default([...PARTNER_YEARS.value]),
    requireResidence: z.boolean().default(RESIDENCE_REQUIRED.value),
    /** No exclusivity is known (funding-research.md §1.5); wizbii's 9-month limit is too vague to model. */
    exclusiveWith: exclusiveWithOption("idf"),
  })
  .refine((o) => o.minFundedDays <= o.maxFundedDays, {
    message: "must not be more than maxFundedDays",
    path: ["minFundedDays"],
  });

export type IdfOptions = z.output<typeof idfOptions>;

/** The figures in force, each with its date, source and confidence. */
export type IdfParameters = {
  readonly monthlyRate: Figure<number>;
  readonly maxFundedDays: Figure<number>;
  readonly minFundedDays: Figure<number>;
  readonly annualCap: Figure<number>;
  readonly qfCeiling: Figure<number>;
  readonly partnerYears: Figure<readonly string[]>;
  readonly residenceRequired: Figure<boolean>;
};

const parameters = (options: IdfOptions): DatedParameters<IdfParameters>[] => [
  {
    since: MONTHLY_RATE.since,
    parameters: {
      monthlyRate: optionFigure(MONTHLY_RATE, options.monthlyRateCents),
      maxFundedDays: optionFigure(MAX_FUNDED_DAYS, options.maxFundedDays),
      minFundedDays: optionFigure(MIN_FUNDED_DAYS, options.minFundedDays),
      annualCap: optionFigure(ANNUAL_CAP, options.annualCapCents),
      qfCeiling: optionFigure(QF_CEILING, options.qfCeilingCents),
      partnerYears: optionFigure<readonly string[]>(PARTNER_YEARS, options.partnerYears),
      residenceRequired: optionFigure(RESIDENCE_REQUIRED, options.requireResidence),
    },
  },
];

/** Rulebook §1, in its order; `residence` only when the institution asks for it. */
const criteria = (_options: IdfOptions, p: IdfParameters): Criterion[] => [
  criterion("home-region", oneOf(facts.homeRegion, [ILE_DE_FRANCE]), {
    fr: "Établissement francilien",
    en: "School in Île-de-France",
  }),
  criterion("partner-year", oneOf(facts.academicYear, p.partnerYears.value), {
    fr: "Année partenaire de la Région",
    en: "Region partner year",
  }),
  criterion("level", oneOf(facts.programmeLevel, ["bachelor", "master", "engineering"]), {
    fr: "Niveau d'études",
    en: "Programme level",
  }),
  criterion("mode", oneOf(facts.programmeMode, ["initial"]), {
    fr: "Formation initiale",
    en: "Initial education",
  }),
  criterion("gap-year", isFalse(facts.gapYear), {
    fr: "Hors année de césure",
    en: "Not a gap year",
  }),
  criterion(
    "framework",
    oneOf(facts.framework, ["inter-institution-agreement", "internship-agreement"]),
    { fr: "Accord ou convention", en: "Agreement" },
  ),
  criterion("destination", noneOf(facts.hostCountry, FRANCE_AND_OVERSEAS), {
    fr: "Séjour à l'étranger",
    en: "Stay abroad",
  }),
  criterion("duration", atLeast(facts.fundedDays, p.minFundedDays.value), {
    fr: "Durée minimale",
    en: "Minimum duration",
  }),
  criterion("means", meansTest(p.qfCeiling.value), { fr: "Ressources", en: "Means test" }),
  // only when the office confirms the Region checks the student's own residence (IDF-1b)
  ...(p.residenceRequired.value
    ? [
        criterion("residence", oneOf(facts.residenceRegion, [ILE_DE_FRANCE]), {
          fr: "Résidence en Île-de-France",
          en: "Residence in Île-de-France",
        }),
      ]
    : []),
];

// The estimate's texts hold amounts: they are written in the report's language only.

/** The note when the stay is longer than the Region pays for. */
const paidDaysNote = (paidDays: number, fundedDays: number, lang: Lang): string => {
  const paid = formatQuantity(paidDays, "days", lang);
  const all = formatQuantity(fundedDays, "days", lang);
  return {
    fr: `Seuls ${paid} sur ${all} sont financés : la Région paie au plus ${paid} par année universitaire.`,
    en: `Only ${paid} of ${all} are funded: the Region pays for ${paid} at most per academic year.`,
  }[lang];
};

/**
 * The note while the school has not configured its rate: the estimate then takes the default
 * figure, the Region's ceiling, so the note's amounts are the rulebook's constants.
 */
const CEILING_NOTE: Text = {
  fr: `Estimé au plafond de la Région, ${formatMoney(MONTHLY_RATE_MAX_CENTS, "fr")} par mois : l'école fixe son taux entre ${formatMoney(MONTHLY_RATE_MIN_CENTS, "fr")} et ${formatMoney(MONTHLY_RATE_MAX_CENTS, "fr")} selon vos ressources et vous l'annonce avant le départ.`,
  en: `Estimated at the Region's ceiling of ${formatMoney(MONTHLY_RATE_MAX_CENTS, "en")} a month: the school sets its rate between ${formatMoney(MONTHLY_RATE_MIN_CENTS, "en")} and ${formatMoney(MONTHLY_RATE_MAX_CENTS, "en")} from your resources and tells you before you leave.`,
};

/** The note when the computed grant is above the annual cap. */
const capNote = (computedCents: number, capCents: number, lang: Lang): string => {
  const computed = formatMoney(computedCents, lang);
  const cap = formatMoney(capCents, lang);
  return {
    fr: `Le calcul (${computed}) dépasse le plafond de ${cap} par année universitaire : la bourse est ramenée au plafond, une bourse déjà reçue cette année comptant aussi.`,
    en: `The computed amount (${computed}) exceeds the cap of ${cap} per academic year: the grant is lowered to the cap, and a grant already received this year counts too.`,
  }[lang];
};

/** The basis of a capped grant: "min(4 000 €, 450 € × 360/30 jours)". */
const cappedBasis = (capCents: number, basis: string, lang: Lang): string =>
  `min(${formatMoney(capCents, lang)}, ${basis})`;

// The checklist's items (funding-research.md §1.7): `documents` picks among them.

/** The means proof when the household is not taxable. */
const NON_TAXABLE_NOTICE: DocumentItem = {
  id: "tax-notice",
  label: { fr: "Avis de non-imposition du foyer", en: "Household's non-taxable notice" },
};

/** The means proof when the household is taxable. */
const TAX_NOTICE: DocumentItem = {
  id: "tax-notice",
  label: { fr: "Dernier avis d'imposition du foyer", en: "Household's latest tax notice" },
};

/** Only when the institution requires residence in Île-de-France (IDF-1b). */
const RESIDENCE_PROOF: DocumentItem = {
  id: "residence-proof",
  label: {
    fr: "Justificatif de domicile en Île-de-France",
    en: "Proof of residence in Île-de-France",
  },
};

/** The stay report that releases the last instalment (funding-research.md §1.6). */
const STAY_REPORT: DocumentItem = {
  id: "stay-report",
  label: {
    fr: "Rapport de séjour (pour le dernier versement)",
    en: "Stay report (for the last instalment)",
  },
  due: "after-return",
};

/** The kind of stay, from the framework when the student did not say (a convention is an internship). */
const stayKind = (kind: string | undefined, framework: string | undefined) =>
  kind ??
  (framework === "internship-agreement"
    ? "internship"
    : framework === "inter-institution-agreement"
      ? "study"
      : undefined);

/**
 * Bourse Mobilité Île-de-France (rulebook §1): the Région Île-de-France gives each partner
 * institution a yearly budget; the school selects its students and pays them a monthly grant
 * for a study period or an internship abroad.
 *
 * @example
 * const configured = idf.configure({ monthlyRateCents: 35_000 }); // the school's own rate
 */
export const idf = defineFundingPlugin({
  id: "idf",
  name: { fr: "Bourse Mobilité Île-de-France", en: "Île-de-France mobility grant" },
  funder: { fr: "Région Île-de-France", en: "Île-de-France Region" },
  url: "https://www.iledefrance.fr/laide-la-mobilite-internationale-des-etudiants-une-priorite-de-la-region",
  summary: {
    fr: "Une bourse mensuelle de la Région Île-de-France (250 à 450 € par mois, 10 mois au plus) pour un séjour d'études ou un stage à l'étranger, sous conditions de ressources ; l'école sélectionne et verse.",
    en: "A monthly grant from the Île-de-France Region (€250 to €450 a month, 10 months at most) for a study period or an internship abroad, means-tested; the school selects and pays.",
  },
  options: idfOptions,
  parameters,
  criteria,
  estimate: ({ ctx, lang, parameters: p }) => {
    const rate = p.monthlyRate.value;
    const paidDays = Math.min(ctx.fundedDays, p.maxFundedDays.value);
    const computed = prorata(rate, paidDays, 30);
    const cap = p.annualCap.value;
    // with the default figures 450 € × 300/30 is exactly the cap; it bites only when an
    // institution pays more days or lowers the cap
    const capped = compare(computed, cents(cap)) > 0;
    const basis = monthlyBasis(rate, paidDays, lang);
    const notes: string[] = [];
    if (p.monthlyRate.source !== CONFIGURED_SOURCE) notes.push(CEILING_NOTE[lang]);
    if (paidDays < ctx.fundedDays) notes.push(paidDaysNote(paidDays, ctx.fundedDays, lang));
    if (capped) notes.push(capNote(roundHalfUp(computed), cap, lang));
    return {
      confidence: weakest(
        SCHEME_CONFIDENCE,
        p.monthlyRate.confidence,
        p.maxFundedDays.confidence,
        p.annualCap.confidence,
      ),
      lines: [
        {
          id: "monthly-grant",
          label: { fr: "Bourse mensuelle", en: "Monthly grant" },
          amount: capped ? cents(cap) : computed,
          basis: capped ? cappedBasis(cap, basis, lang) : basis,
          covers: "living",
        },
      ],
      notes,
    };
  },
  // the usual file (funding-research.md §1.7, ensae.fr): resources, bank details, proof of the
  // stay, and the stay report that releases the last instalment (§1.6)
  documents: ({ ctx, options }) => {
    const nonTaxable = facts.nonTaxable.get(ctx);
    return [
      nonTaxable === true
        ? NON_TAXABLE_NOTICE
        : nonTaxable === false
          ? TAX_NOTICE
          : HOUSEHOLD_TAX_NOTICE,
      BANK_DETAILS,
      stayProof(stayKind(facts.mobilityKind.get(ctx), facts.framework.get(ctx))),
      ...(options.requireResidence ? [RESIDENCE_PROOF] : []),
      STAY_REPORT,
    ];
  },
  exclusive: (options) => options.exclusiveWith,
  examples: idfExamples,
});
