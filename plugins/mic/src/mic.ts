import {
  ATTENDANCE_CERTIFICATE,
  atMost,
  between,
  cents,
  criterion,
  type DocumentItem,
  defineFundingPlugin,
  type EstimateLine,
  type EvaluationContext,
  exclusiveWithOption,
  type FewerOpportunitiesGround,
  type Figure,
  facts,
  formatInteger,
  formatMoney,
  isTrue,
  KEBAB_CASE,
  type Lang,
  monthlyBasis,
  oneOf,
  optionFigure,
  PROGRAMME_LEVELS,
  prorata,
  type Text,
  weakest,
} from "@envol/domain";
import {
  callYear,
  ERASMUS_FACTS,
  erasmusDaysAfterStay,
  holdsEche,
  KA171_DESTINATION,
  type TravelBand,
  travelBand,
  travelBandConfidence,
  travelBandRange,
  travelBandsFigure,
} from "@envol/erasmus-common";
import { z } from "zod";
import { micExamples } from "./mic-examples.ts";

// ---------------------------------------------------------------- figures (rulebook §3)

/** KA171 exists from the 2021-2027 programme (Call 2021), which replaced KA107. */
const KA171_SINCE = "2021-07-01";

const MONTHLY_RATE: Figure<number> = {
  value: 70_000,
  since: KA171_SINCE,
  source:
    "rulebook §3; funding-research.md §3.3: 700 €/month for outgoing students (ehu.eus, KA107 " +
    "2019 call; inclusivemobility.eu, German agency 'other countries 700 €'). A 2023 uplift to " +
    "about 786 € is possible (funding-research.md §11.3): to be confirmed by the office",
  confidence: "assumed",
  label: {
    fr: "Taux mensuel KA171 (étudiant sortant)",
    en: "KA171 monthly rate (outgoing student)",
  },
  unit: "cents",
};

const FEWER_OPPORTUNITIES_TOP_UP: Figure<number> = {
  value: 25_000,
  since: KA171_SINCE,
  source:
    "rulebook §3; funding-research.md §3.3 and §2.5: +250 €/month for fewer opportunities " +
    "(Erasmus+ Programme Guide, recalled; kozminski.edu.pl, uni-wuerzburg.de for KA131)",
  confidence: "assumed",
  label: {
    fr: "Complément mensuel « moins d'opportunités »",
    en: "Monthly fewer-opportunities top-up",
  },
  unit: "cents",
};

const MIN_DAYS: Figure<number> = {
  value: 60,
  since: KA171_SINCE,
  source:
    "rulebook §3; funding-research.md §3.2 MIC-5: long-term stays of 2 to 12 months (ppke.hu, erasmus.uth.gr)",
  confidence: "secondary",
  label: { fr: "Durée financée minimale", en: "Minimum funded duration" },
  unit: "days",
};

const MAX_DAYS: Figure<number> = {
  ...MIN_DAYS,
  value: 360,
  label: { fr: "Durée financée maximale", en: "Maximum funded duration" },
};

const CYCLE_CAP_DAYS: Figure<number> = {
  value: 360,
  since: KA171_SINCE,
  source:
    "rulebook §3 (same counter as Erasmus+ §2); funding-research.md §3.2 MIC-7 and §2.2 ER-8: " +
    "12 months per study cycle (imt-bs.eu, hs-bremerhaven.de); sharing it with KA131 is inferred",
  confidence: "assumed",
  label: { fr: "Plafond Erasmus+ par cycle d'études", en: "Erasmus+ cap per study cycle" },
  unit: "days",
};

/** The distance bands of the call in force; the estimate reads them through `travelBand`. */
const TRAVEL_BANDS_2024: Figure<readonly TravelBand[]> = travelBandsFigure(2024);

// ---------------------------------------------------------------- options

// Upper bounds of the figures in cents, far above any KA171 rate (70 € to 700 € a month): no
// evaluation multiplies past the exact range of an amount, and a slip of the keyboard (a rate in
// cents typed twice) is refused naming the option instead of being saved from a date.
/** The highest monthly rate accepted: 3 000 € a month. */
const MAX_MONTHLY_RATE_CENTS = 300_000;
/** The highest monthly top-up accepted: 1 000 € a month. */
const MAX_MONTHLY_TOP_UP_CENTS = 100_000;

/**
 * Every field defaulted to the rulebook's figure (§3), so an institution changes it in its
 * configuration, never in this file.
 */
export const micOptions = z
  .object({
    /** The KA171 monthly rate, in cents. */
    monthlyRateCents: z
      .number()
      .int()
      .positive()
      .max(MAX_MONTHLY_RATE_CENTS)
      .default(MONTHLY_RATE.value),
    /** The monthly top-up for fewer opportunities (rulebook §0 criteria), in cents. */
    fewerOpportunitiesTopUpCents: z
      .number()
      .int()
      .nonnegative()
      .max(MAX_MONTHLY_TOP_UP_CENTS)
      .default(FEWER_OPPORTUNITIES_TOP_UP.value),
    /** Programme levels the school's KA171 project covers (KA171 agreements name study cycles). */
    levels: z
      .array(z.enum(PROGRAMME_LEVELS))
      .min(1)
      .default([...PROGRAMME_LEVELS]),
    /** The partner-catalogue agreement that names a host in the school's KA171 project. */
    projectAgreement: z
      .string()
      .regex(KEBAB_CASE, "must be a kebab-case agreement id such as ka171")
      .default("ka171"),
    // Long-term student mobility lasts 2 to 12 months (funding-research.md §3.2 MIC-5): a school
    // may narrow the window, not widen it.
    minDays: z.number().int().min(60).max(360).default(MIN_DAYS.value),
    maxDays: z.number().int().min(60).max(360).default(MAX_DAYS.value),
    // 12 months per cycle, 24 in one-cycle programmes (funding-research.md §2.2 ER-8).
    cycleCapDays: z.number().int().positive().max(720).default(CYCLE_CAP_DAYS.value),
    /** Schemes not combinable with this one: one EU grant per period; FITEC by school policy. */
    exclusiveWith: exclusiveWithOption("mic", ["erasmus", "fitec"]),
  })
  .refine((o) => o.minDays <= o.maxDays, {
    path: ["maxDays"],
    message: "must be at least minDays",
  });

export type MicOptions = z.output<typeof micOptions>;

// ---------------------------------------------------------------- words

const AND_MORE: Text = { fr: "et plus", en: "and more" };

/**
 * "tranche 500–1 999 km (890 km aller), tarif standard". The distance shows rounded down, as the
 * band is chosen (`travelBand`), so a 7 999.6 km stay does not read "8 000 km".
 */
const travelBasis = (distanceKm: number, callYear: number, green: boolean, lang: Lang): string => {
  const { fromKm, toKm } = travelBandRange(distanceKm, callYear);
  const range =
    toKm === undefined
      ? `${formatInteger(fromKm, lang)} km ${AND_MORE[lang]}`
      : `${formatInteger(fromKm, lang)}–${formatInteger(toKm, lang)} km`;
  const km = formatInteger(Math.floor(distanceKm), lang);
  return {
    fr: `tranche ${range} (${km} km aller), tarif ${green ? "voyage bas carbone" : "standard"}`,
    en: `band ${range} (${km} km one way), ${green ? "green travel" : "standard"} rate`,
  }[lang];
};

// ---------------------------------------------------------------- documents

const LEARNING_AGREEMENT: DocumentItem = {
  id: "learning-agreement",
  label: { fr: "Contrat pédagogique (Learning Agreement)", en: "Learning Agreement" },
};

const TRAINEESHIP_AGREEMENT: DocumentItem = {
  id: "traineeship-agreement",
  label: {
    fr: "Contrat pédagogique de stage (Learning Agreement for Traineeships) et convention de stage",
    en: "Learning Agreement for Traineeships and internship agreement",
  },
};

const GRANT_AGREEMENT: DocumentItem = {
  id: "grant-agreement",
  label: { fr: "Contrat de mobilité Erasmus+ signé", en: "Signed Erasmus+ grant agreement" },
};

/** The visa, which the KA171 destinations, all outside Europe, add to the Erasmus+ documents. */
const VISA: DocumentItem = {
  id: "visa",
  label: {
    fr: "Visa ou titre de séjour du pays d'accueil",
    en: "Visa or residence permit of the host country",
  },
};

/** The EU survey every participant answers at the end of the stay. */
const PARTICIPANT_REPORT: DocumentItem = {
  id: "participant-report",
  label: { fr: "Rapport du participant (EU Survey)", en: "Participant report (EU Survey)" },
  due: "after-return",
};

const GREEN_TRAVEL_PROOF: DocumentItem = {
  id: "green-travel-proof",
  label: {
    fr: "Billets ou déclaration sur l'honneur du voyage bas carbone",
    en: "Tickets or sworn statement for green travel",
  },
};

/** The reminder while the student has not said whether a fewer-opportunities ground applies. */
const FEWER_OPPORTUNITIES_REMINDER: readonly DocumentItem[] = [
  {
    id: "fewer-opportunities-proof",
    label: {
      fr: "Justificatif « moins d'opportunités », s'il s'applique (notification CROUS échelon 6 ou 7, MDPH ou ALD, adresse en QPV ou ZRR)",
      en: "Proof of fewer opportunities, if it applies (CROUS notice at level 6 or 7, disability or long-term illness, address in a QPV or ZRR)",
    },
  },
];

/** The CROUS grant notice for each échelon that counts as fewer opportunities. */
const CROUS_NOTICES: Readonly<Record<"6" | "7", DocumentItem>> = {
  "6": {
    id: "crous-notice",
    label: { fr: "Notification de bourse CROUS (échelon 6)", en: "CROUS grant notice (level 6)" },
  },
  "7": {
    id: "crous-notice",
    label: { fr: "Notification de bourse CROUS (échelon 7)", en: "CROUS grant notice (level 7)" },
  },
};

/** The proof of each other ground: QPV, quartier prioritaire; ZRR, zone de revitalisation rurale. */
const GROUND_PROOFS: Readonly<
  Record<Exclude<FewerOpportunitiesGround, "high-echelon">, DocumentItem>
> = {
  disability: {
    id: "disability-proof",
    label: {
      fr: "Justificatif de handicap ou d'affection de longue durée (MDPH, ALD)",
      en: "Proof of disability or long-term illness",
    },
  },
  qpv: {
    id: "qpv-proof",
    label: { fr: "Justificatif de domicile en QPV", en: "Proof of address in a QPV" },
  },
  zrr: {
    id: "zrr-proof",
    label: { fr: "Justificatif de domicile en ZRR", en: "Proof of address in a ZRR" },
  },
};

/**
 * The proof for each fewer-opportunities ground the student declared (funding-research.md
 * §2.10), or a reminder when the question is still open.
 */
const fewerOpportunitiesProofs = (ctx: EvaluationContext): readonly DocumentItem[] => {
  const fewer = facts.fewerOpportunities.get(ctx);
  if (fewer === false) return [];
  if (fewer === undefined) return FEWER_OPPORTUNITIES_REMINDER;
  return facts
    .fewerOpportunitiesGrounds(ctx)
    .map((g) =>
      g === "high-echelon"
        ? CROUS_NOTICES[facts.crousEchelon.get(ctx) === "7" ? "7" : "6"]
        : GROUND_PROOFS[g],
    );
};

// ---------------------------------------------------------------- the plugin

/**
 * Erasmus+ international credit mobility (KA171), rulebook §3: the European Union's external
 * policy funds pay a monthly grant and a travel lump sum to a student going to a partner of the
 * school's KA171 project outside the Erasmus+ countries (Regions 1-12).
 *
 * @example
 * const configured = mic.configure({ monthlyRateCents: 78_600 });
 */
export const mic = defineFundingPlugin({
  id: "mic",
  name: {
    fr: "Erasmus+ mobilité internationale de crédits (KA171)",
    en: "Erasmus+ international credit mobility (KA171)",
  },
  funder: {
    fr: "Union européenne (fonds de l'action extérieure), par l'Agence Erasmus+ France",
    en: "European Union (external policy funds), through the Agence Erasmus+ France",
  },
  url: "https://erasmus-plus.ec.europa.eu/fr/programme-guide/part-b/key-action-1/mobility-projects-for-higher-education-students-and-staff",
  summary: {
    fr: "Une bourse mensuelle et un forfait voyage pour étudier ou faire un stage chez un partenaire du projet KA171 de l'école, hors d'Europe.",
    en: "A monthly grant and a travel lump sum to study or intern at a partner of the school's KA171 project, outside Europe.",
  },
  options: micOptions,
  parameters: (o) => {
    const common = {
      monthlyRate: optionFigure(MONTHLY_RATE, o.monthlyRateCents),
      fewerOpportunitiesTopUp: optionFigure(
        FEWER_OPPORTUNITIES_TOP_UP,
        o.fewerOpportunitiesTopUpCents,
      ),
      minDays: optionFigure(MIN_DAYS, o.minDays),
      maxDays: optionFigure(MAX_DAYS, o.maxDays),
      cycleCapDays: optionFigure(CYCLE_CAP_DAYS, o.cycleCapDays),
    };
    // Call 2024's figures are the earliest Envol has (rulebook §0): an earlier stay is
    // ineligible on `period`, never priced with them
    return [
      { since: TRAVEL_BANDS_2024.since, parameters: { ...common, travelBands: TRAVEL_BANDS_2024 } },
    ];
  },
  facts: () => ERASMUS_FACTS,
  criteria: (o, p) => [
    criterion("eche", isTrue(holdsEche), { fr: "Charte Erasmus", en: "Erasmus Charter" }),
    criterion("level", oneOf(facts.programmeLevel, o.levels), {
      fr: "Niveau d'études",
      en: "Programme level",
    }),
    criterion("destination", KA171_DESTINATION, {
      fr: "Pays hors Europe Erasmus+",
      en: "Country outside Erasmus+ Europe",
    }),
    criterion(
      "project-partner",
      isTrue(
        facts.hostHasAgreement(o.projectAgreement, {
          fr: "projet KA171 de l'école",
          en: "the school's KA171 project",
        }),
      ),
      { fr: "Partenaire du projet KA171", en: "KA171 project partner" },
    ),
    criterion("duration", between(facts.fundedDays, p.minDays.value, p.maxDays.value), {
      fr: "Durée",
      en: "Duration",
    }),
    criterion("cycle-cap", atMost(erasmusDaysAfterStay, p.cycleCapDays.value), {
      fr: "Plafond par cycle",
      en: "Cap per study cycle",
    }),
  ],
  estimate: ({ ctx, lang, parameters: p }) => {
    const days = ctx.fundedDays;
    const fewer = facts.fewerOpportunities.get(ctx);
    const base = p.monthlyRate.value;
    const topUp = p.fewerOpportunitiesTopUp.value;
    const rate = fewer === true ? base + topUp : base;
    const lines: EstimateLine[] = [
      {
        id: "individual-support",
        label:
          fewer === true
            ? {
                fr: `Soutien individuel (${formatMoney(base, "fr")} + ${formatMoney(topUp, "fr")} « moins d'opportunités »)`,
                en: `Individual support (${formatMoney(base, "en")} + ${formatMoney(topUp, "en")} fewer opportunities)`,
              }
            : { fr: "Soutien individuel", en: "Individual support" },
        amount: prorata(rate, days, 30),
        basis: monthlyBasis(rate, days, lang),
        covers: "living",
      },
    ];
    const notes: string[] = [];
    const used = [p.monthlyRate.confidence];
    if (fewer === true) used.push(p.fewerOpportunitiesTopUp.confidence);
    if (fewer === undefined && topUp > 0) {
      const more = monthlyBasis(topUp, days, lang);
      notes.push(
        {
          fr: `Complément « moins d'opportunités » non compté, faute de réponse : + ${more} si vous êtes boursier échelon 6 ou 7, en situation de handicap, ou résidez en QPV ou en ZRR.`,
          en: `Fewer-opportunities top-up not counted for lack of an answer: + ${more} if you hold a CROUS grant at level 6 or 7, have a disability, or live in a QPV or ZRR.`,
        }[lang],
      );
    }
    // Travel is always part of KA171 (funding-research.md §3.3), green column for green travel.
    if (ctx.distanceKm === undefined) {
      notes.push(
        {
          fr: "Forfait voyage non compté : la distance est inconnue sans les coordonnées de la ville d'accueil.",
          en: "Travel support not counted: the distance is unknown without the host city's coordinates.",
        }[lang],
      );
    } else {
      const band = travelBand(ctx.distanceKm, callYear(ctx));
      const green = ctx.situation.mobility.greenTravel === true;
      lines.push({
        id: "travel",
        label: { fr: "Forfait voyage (aller-retour)", en: "Travel support (round trip)" },
        amount: cents(green ? band.greenCents : band.standardCents),
        basis: travelBasis(ctx.distanceKm, callYear(ctx), green, lang),
        covers: "transport",
      });
      // the row's own confidence, as Erasmus+ reports it: the table's figure is its weakest row
      used.push(travelBandConfidence(band.fromKm, callYear(ctx)));
      if (
        ctx.situation.mobility.greenTravel === undefined &&
        band.greenCents > band.standardCents
      ) {
        const greenAmount = formatMoney(band.greenCents, lang);
        const standard = formatMoney(band.standardCents, lang);
        notes.push(
          {
            fr: `Avec un voyage bas carbone, le forfait voyage serait de ${greenAmount} au lieu de ${standard}.`,
            en: `With green travel, travel support would be ${greenAmount} instead of ${standard}.`,
          }[lang],
        );
      }
    }
    return { lines, confidence: weakest(...used), notes };
  },
  // funding-research.md §3.4 and §2.10: the Erasmus+ documents, plus the visa.
  documents: ({ ctx }) => {
    const internship = facts.mobilityKind.get(ctx) === "internship";
    const docs: DocumentItem[] = [
      internship ? TRAINEESHIP_AGREEMENT : LEARNING_AGREEMENT,
      GRANT_AGREEMENT,
      VISA,
      ATTENDANCE_CERTIFICATE,
      PARTICIPANT_REPORT,
    ];
    docs.push(...fewerOpportunitiesProofs(ctx));
    if (ctx.situation.mobility.greenTravel === true) docs.push(GREEN_TRAVEL_PROOF);
    return docs;
  },
  exclusive: (o) => o.exclusiveWith,
  examples: micExamples,
});
