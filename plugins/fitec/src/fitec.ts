import {
  atLeast,
  booleanFact,
  CountryCodeSchema,
  cents,
  countryName,
  criterion,
  type DocumentItem,
  defineFundingPlugin,
  type EvaluationContext,
  exclusiveWithOption,
  type Figure,
  facts,
  formatMoney,
  isTrue,
  joinWords,
  KEBAB_CASE,
  type Lang,
  lumpSumBasis,
  type NamedSet,
  oneOf,
  optionFigure,
  type Text,
  weakest,
} from "@envol/domain";
import { z } from "zod";
import { fitecExamples } from "./fitec-examples.ts";

// ---------------------------------------------------------------- figures (rulebook §4)

/**
 * No per-student FITEC figure is public (funding-research.md §4.2): the amounts are the
 * rulebook's defaults, taken from the sister agronomy programme BRAFAGRI, for stays from the
 * academic year 2024-2025 (rulebook §0: the earliest set; an earlier stay is ineligible on `period`).
 */
const DEFAULTS_SINCE = "2024-07-01";

const BRAFAGRI_SOURCE =
  "rulebook §4; funding-research.md §4.2-4.3: no public FITEC figure, placeholder from the " +
  "sister programme BRAFAGRI/CHILFAGRI (european-funding-guide.eu: 2 000 € per semester + 900 € " +
  "travel for French students); to be confirmed by the office";

/** A FITEC programme: the partner country, its name and the catalogue agreement naming its projects. */
interface FitecProgramme {
  readonly country: string;
  readonly name: string;
  readonly agreement: string;
}

const PROGRAMMES: Figure<readonly FitecProgramme[]> = {
  value: [
    { country: "BR", name: "BRAFITEC", agreement: "brafitec" },
    { country: "AR", name: "ARFITEC", agreement: "arfitec" },
    { country: "MX", name: "MEXFITEC", agreement: "mexfitec" },
  ],
  // MEXFITEC, the youngest running programme, started in 2008 (CHILFITEC ran 2009-2013 and ended).
  since: "2008-01-01",
  source:
    "rulebook §4; funding-research.md §4.1: BRAFITEC since 1999, ARFITEC since 2007, MEXFITEC " +
    "since 2008, CHILFITEC ended in 2013 (fr.wikipedia 'FITEC'; mapping-he.eu)",
  confidence: "secondary",
  label: {
    fr: "Programmes FITEC et pays partenaires",
    en: "FITEC programmes and partner countries",
  },
  format: (programmes, lang) =>
    programmes.map((p) => `${p.name} (${countryName(p.country, lang)})`).join(", "),
};

const TRAVEL_LUMP_SUM: Figure<number> = {
  value: 90_000,
  since: DEFAULTS_SINCE,
  source: BRAFAGRI_SOURCE,
  confidence: "assumed",
  label: { fr: "Forfait voyage", en: "Travel lump sum" },
  unit: "cents",
};

const SEMESTER_STIPEND: Figure<number> = {
  value: 200_000,
  since: DEFAULTS_SINCE,
  source: BRAFAGRI_SOURCE,
  confidence: "assumed",
  label: { fr: "Allocation par semestre", en: "Allowance per semester" },
  unit: "cents",
};

const MIN_DAYS: Figure<number> = {
  value: 120,
  since: DEFAULTS_SINCE,
  source:
    "rulebook §4; funding-research.md §4.1 and §4.3 FIT-6: at least one semester (the " +
    "programme aims at two, mapping-he.eu; students often go for one, brafisat.fr)",
  confidence: "assumed",
  label: { fr: "Durée financée minimale", en: "Minimum funded duration" },
  unit: "days",
};

const ONE_SEMESTER_MAX_DAYS: Figure<number> = {
  value: 180,
  since: DEFAULTS_SINCE,
  source: "rulebook §4: one semester up to 180 funded days, two beyond",
  confidence: "assumed",
  label: { fr: "Durée maximale d'un semestre", en: "Longest stay counted as one semester" },
  unit: "days",
};

/** Rulebook §4 pays at most two semesters (the programme's target length, funding-research.md §4.1). */
const MAX_SEMESTERS = 2;

// ---------------------------------------------------------------- options

// Upper bounds, far above the programmes' figures (900 € of travel, 2 000 € a semester): no
// evaluation multiplies past the exact range of an amount, and a figure typed wrong is refused
// naming the option instead of being saved from a date. A stay is at most an academic year.
/** The highest travel lump sum accepted: 5 000 €. */
const MAX_TRAVEL_LUMP_SUM_CENTS = 500_000;
/** The highest allowance per semester accepted: 10 000 €. */
const MAX_SEMESTER_STIPEND_CENTS = 1_000_000;
/** The longest stay a day option may name: an academic year of funded days. */
const MAX_STAY_DAYS = 360;

/**
 * Every field defaulted to the rulebook's figure (§4), so an institution changes it in its
 * configuration, never in this file.
 */
export const fitecOptions = z.object({
  /** The programmes the school takes part in, one per partner country. */
  programmes: z
    .array(
      z.object({
        country: CountryCodeSchema,
        name: z.string().min(1),
        agreement: z
          .string()
          .regex(KEBAB_CASE, "must be a kebab-case agreement id such as brafitec"),
      }),
    )
    .min(1)
    .default(PROGRAMMES.value.map((p) => ({ ...p })))
    .refine((ps) => new Set(ps.map((p) => p.country)).size === ps.length, {
      message: "must name each country once",
    }),
  /** The travel lump sum, in cents. */
  travelLumpSumCents: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_TRAVEL_LUMP_SUM_CENTS)
    .default(TRAVEL_LUMP_SUM.value),
  /** The allowance per semester, in cents. */
  semesterStipendCents: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_SEMESTER_STIPEND_CENTS)
    .default(SEMESTER_STIPEND.value),
  /** The shortest funded stay, in funded days. */
  minDays: z.number().int().positive().max(MAX_STAY_DAYS).default(MIN_DAYS.value),
  /** Up to this many funded days a stay counts one semester; beyond, two. */
  oneSemesterMaxDays: z
    .number()
    .int()
    .positive()
    .max(MAX_STAY_DAYS)
    .default(ONE_SEMESTER_MAX_DAYS.value),
  /** Schemes not combinable with this one for the same stay (school policy, research §7). */
  exclusiveWith: exclusiveWithOption("fitec", ["mic"]),
});

export type FitecOptions = z.output<typeof fitecOptions>;

// ---------------------------------------------------------------- words

const countries = (programmes: readonly FitecProgramme[], lang: Lang): string =>
  joinWords(
    programmes.map((p) => countryName(p.country, lang)),
    lang,
    "or",
  );

/** The programmes' countries as a named set, so reasons read "a FITEC country (Brazil, …)". */
const fitecCountries = (programmes: readonly FitecProgramme[]): NamedSet => ({
  name: {
    fr: `un pays d'un programme FITEC (${countries(programmes, "fr")})`,
    en: `a FITEC programme country (${countries(programmes, "en")})`,
  },
  codes: new Set(programmes.map((p) => p.country)),
});

const programmeOf = (
  programmes: readonly FitecProgramme[],
  ctx: EvaluationContext,
): FitecProgramme | undefined => programmes.find((p) => p.country === ctx.host.country);

/**
 * The host is a partner in an accepted project of its own country's programme (rulebook §4): a
 * BRAFITEC agreement only counts in Brazil, and so on. A derived fact (facts.ts allows them)
 * rather than `anyOf(allOf(oneOf(hostCountry, [BR]), isTrue(hostHasAgreement("brafitec"))), …)`:
 * that form decides the same, but an unmet reason then lists every alternative, six clauses
 * about Brazil, Argentina and Mexico for a host in Germany; this one reads as one sentence.
 */
const inProjectOfItsCountry = (programmes: readonly FitecProgramme[]): facts.BooleanFact => {
  const list = (lang: Lang) =>
    programmes.map((p) => `${p.name} – ${countryName(p.country, lang)}`).join(", ");
  return booleanFact({
    id: "hostInFitecProjectOfItsCountry",
    label: {
      fr: `établissement d'accueil dans un projet FITEC de l'école pour son pays (${list("fr")})`,
      en: `host in one of the school's FITEC projects for its country (${list("en")})`,
    },
    says: {
      yes: {
        fr: `l'établissement d'accueil participe à un projet FITEC de l'école pour son pays (${list("fr")})`,
        en: `the host takes part in one of the school's FITEC projects for its country (${list("en")})`,
      },
      no: {
        fr: `l'établissement d'accueil ne participe à aucun projet FITEC de l'école pour son pays (${list("fr")})`,
        en: `the host takes part in none of the school's FITEC projects for its country (${list("en")})`,
      },
    },
    // a typed destination has no agreement (ARCHITECTURE §4.1), so this is never unknown
    paths: ["mobility.host.partner"],
    get: (ctx) => {
      const programme = programmeOf(programmes, ctx);
      return programme !== undefined && ctx.host.agreements.includes(programme.agreement);
    },
  });
};

/** The language the host country's courses are taught in, for the certificate (research §4.3). */
const LANGUAGE: Readonly<Record<string, Text>> = {
  BR: { fr: "portugais", en: "Portuguese" },
  AR: { fr: "espagnol", en: "Spanish" },
  MX: { fr: "espagnol", en: "Spanish" },
};

/** The language certificate for each host country whose language is known. */
const LANGUAGE_CERTIFICATES: Readonly<Record<string, DocumentItem>> = Object.fromEntries(
  Object.entries(LANGUAGE).map(([country, language]) => [
    country,
    {
      id: "language-certificate",
      label: {
        fr: `Attestation de niveau en ${language.fr} exigé par le projet`,
        en: `Certificate of the level of ${language.en} the project requires`,
      },
    } satisfies DocumentItem,
  ]),
);

/** The language certificate when the host country's language is not in the table. */
const ANY_LANGUAGE_CERTIFICATE: DocumentItem = {
  id: "language-certificate",
  label: {
    fr: "Attestation du niveau de langue exigé par le projet",
    en: "Certificate of the language level the project requires",
  },
};

const ACCEPTANCE_LETTER: DocumentItem = {
  id: "acceptance-letter",
  label: {
    fr: "Lettre d'acceptation de l'université d'accueil",
    en: "Host university's acceptance letter",
  },
};

const VISA: DocumentItem = {
  id: "visa",
  label: { fr: "Visa d'études du pays d'accueil", en: "Student visa for the host country" },
};

// ---------------------------------------------------------------- the plugin

/**
 * BRAFITEC, ARFITEC and MEXFITEC (rulebook §4): French ministries and the partner country fund
 * engineering students exchanged within accepted school-to-school projects in Brazil, Argentina
 * and Mexico, coordinated by CDEFI. A travel lump sum plus an allowance per semester.
 *
 * @example
 * const configured = fitec.configure({ semesterStipendCents: 250_000 });
 */
export const fitec = defineFundingPlugin({
  id: "fitec",
  name: { fr: "BRAFITEC / ARFITEC / MEXFITEC", en: "BRAFITEC / ARFITEC / MEXFITEC" },
  funder: {
    fr: "Ministères français de l'Europe et des Affaires étrangères et de l'Enseignement supérieur, avec le pays partenaire ; coordination CDEFI",
    en: "French ministries for Europe and Foreign Affairs and for Higher Education, with the partner country; coordinated by CDEFI",
  },
  url: "https://www.cdefi.fr/",
  summary: {
    fr: "Un forfait voyage et une allocation par semestre pour un élève ingénieur échangé dans un projet FITEC de l'école au Brésil, en Argentine ou au Mexique.",
    en: "A travel lump sum and an allowance per semester for an engineering student exchanged within one of the school's FITEC projects in Brazil, Argentina or Mexico.",
  },
  options: fitecOptions,
  parameters: (o) => [
    {
      since: DEFAULTS_SINCE,
      parameters: {
        programmes: optionFigure(PROGRAMMES, o.programmes),
        travelLumpSum: optionFigure(TRAVEL_LUMP_SUM, o.travelLumpSumCents),
        semesterStipend: optionFigure(SEMESTER_STIPEND, o.semesterStipendCents),
        minDays: optionFigure(MIN_DAYS, o.minDays),
        oneSemesterMaxDays: optionFigure(ONE_SEMESTER_MAX_DAYS, o.oneSemesterMaxDays),
      },
    },
  ],
  facts: (o) => [inProjectOfItsCountry(o.programmes)],
  criteria: (_o, p) => [
    criterion("destination", oneOf(facts.hostCountry, fitecCountries(p.programmes.value)), {
      fr: "Pays d'un programme FITEC",
      en: "FITEC programme country",
    }),
    criterion("project", isTrue(inProjectOfItsCountry(p.programmes.value)), {
      fr: "Partenaire d'un projet FITEC",
      en: "FITEC project partner",
    }),
    // CTI-accredited engineering programmes only (funding-research.md §4.1, FIT-4).
    criterion("level", oneOf(facts.programmeLevel, ["engineering"]), {
      fr: "Cycle ingénieur",
      en: "Engineering degree",
    }),
    criterion("kind", oneOf(facts.mobilityKind, ["study"]), {
      fr: "Séjour d'études",
      en: "Study period",
    }),
    criterion("duration", atLeast(facts.fundedDays, p.minDays.value), {
      fr: "Durée",
      en: "Duration",
    }),
  ],
  estimate: ({ ctx, lang, parameters: p }) => {
    const days = ctx.fundedDays;
    const limit = p.oneSemesterMaxDays.value;
    const semesters = days <= limit ? 1 : MAX_SEMESTERS;
    const stipend = p.semesterStipend.value;
    const programme = programmeOf(p.programmes.value, ctx)?.name ?? "FITEC";
    const notes: string[] = [];
    // ARFITEC hosts may add a quarterly allowance of their own (ecoledesponts.fr, research §4.1).
    if (programme === "ARFITEC") {
      notes.push(
        {
          fr: "Non compté : l'allocation trimestrielle que l'université d'accueil peut verser sous conditions dans ARFITEC.",
          en: "Not counted: the quarterly allowance the host university may pay under conditions in ARFITEC.",
        }[lang],
      );
    }
    const perSemester = formatMoney(stipend, lang);
    const within = `${days <= limit ? "≤" : ">"} ${limit}`;
    return {
      confidence: weakest(
        p.travelLumpSum.confidence,
        p.semesterStipend.confidence,
        p.oneSemesterMaxDays.confidence,
      ),
      lines: [
        {
          id: "travel-lump-sum",
          label: { fr: `Forfait voyage ${programme}`, en: `${programme} travel lump sum` },
          amount: cents(p.travelLumpSum.value),
          basis: lumpSumBasis(p.travelLumpSum.value, lang),
          covers: "transport",
        },
        {
          id: "semester-allowance",
          label: { fr: `Allocation ${programme}`, en: `${programme} allowance` },
          amount: cents(stipend * semesters),
          basis: {
            fr: `${perSemester} × ${semesters} semestre${semesters > 1 ? "s" : ""} (${days} jours ${within})`,
            en: `${perSemester} × ${semesters} semester${semesters > 1 ? "s" : ""} (${days} days ${within})`,
          }[lang],
          covers: "living",
        },
      ],
      notes,
    };
  },
  // funding-research.md §4.3: study plan, language certificate, acceptance, visa.
  documents: ({ ctx, parameters: p }) => {
    const programme = programmeOf(p.programmes.value, ctx)?.name ?? "FITEC";
    return [
      // names the programme, which the institution configures
      {
        id: "study-plan",
        label: {
          fr: `Contrat d'études validé par les deux coordinateurs du projet ${programme}`,
          en: `Study plan approved by both coordinators of the ${programme} project`,
        },
      },
      LANGUAGE_CERTIFICATES[ctx.host.country] ?? ANY_LANGUAGE_CERTIFICATE,
      ACCEPTANCE_LETTER,
      VISA,
    ];
  },
  exclusive: (o) => o.exclusiveWith,
  examples: fitecExamples,
});
