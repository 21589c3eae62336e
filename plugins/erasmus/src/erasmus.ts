import {
  ATTENDANCE_CERTIFICATE,
  allOf,
  anyOf,
  atMost,
  between,
  criterion,
  type DatedParameters,
  type DocumentItem,
  defineFundingPlugin,
  type EvaluationContext,
  exclusiveWithOption,
  type FewerOpportunitiesGround,
  type Figure,
  facts,
  isTrue,
  oneOf,
  optionFigure,
  PROGRAMME_LEVELS,
  type ProgrammeLevel,
  type Text,
} from "@envol/domain";
import {
  ERASMUS_FACTS,
  erasmusDaysAfterStay,
  holdsEche,
  KA131_DESTINATIONS,
} from "@envol/erasmus-common";
import { z } from "zod";
import { estimateErasmus } from "./erasmus-estimate.ts";
import { erasmusExamples } from "./erasmus-examples.ts";
import {
  CYCLE_CAP_DAYS,
  ELIGIBLE_LEVELS,
  FEWER_OPPORTUNITIES_TOP_UP,
  GREEN_TOP_UP,
  INTERNSHIP_TOP_UP,
  MAX_DAYS,
  MIN_DAYS,
  RATE_GROUP_1,
  RATE_GROUP_2,
  RATE_GROUP_3,
  TRAVEL_BANDS_2024,
  TRAVEL_SUPPORT,
  TRAVEL_SUPPORT_POLICIES,
  type TravelSupportPolicy,
} from "./erasmus-figures.ts";

const rateCents = z.number().int().nonnegative();
// the agency's "2 à 12 mois" for long-term stays (funding-research.md §2.2 ER-6)
const durationDays = z.number().int().min(60).max(360);

/**
 * Options: every field defaulted to the rulebook's figure (rulebook §2), so an institution
 * changes them in configuration.
 *
 * @example
 * erasmus.configure({ rateGroup1Cents: 32_700, travelSupport: "all" })
 */
export const erasmusOptions = z
  .object({
    /** Programme levels the school sends; the programme admits all four. */
    levels: z
      .array(z.enum(PROGRAMME_LEVELS))
      .min(1)
      .default([...ELIGIBLE_LEVELS.value]),
    /** The school's monthly study rates by Erasmus+ country group, in cents. */
    rateGroup1Cents: rateCents.default(RATE_GROUP_1.value),
    rateGroup2Cents: rateCents.default(RATE_GROUP_2.value),
    rateGroup3Cents: rateCents.default(RATE_GROUP_3.value),
    internshipTopUpCents: rateCents.default(INTERNSHIP_TOP_UP.value),
    fewerOpportunitiesTopUpCents: rateCents.default(FEWER_OPPORTUNITIES_TOP_UP.value),
    travelSupport: z.enum(TRAVEL_SUPPORT_POLICIES).default(TRAVEL_SUPPORT.value),
    greenTopUpCents: rateCents.default(GREEN_TOP_UP.value),
    minDays: durationDays.default(MIN_DAYS.value),
    maxDays: durationDays.default(MAX_DAYS.value),
    // 12 months per cycle, 24 for one-cycle programmes (funding-research.md §2.2 ER-8)
    cycleCapDays: z.number().int().min(60).max(720).default(CYCLE_CAP_DAYS.value),
    /** Schemes paid from the same EU budget for the same period (one EU grant per period). */
    exclusiveWith: exclusiveWithOption("erasmus", ["mic"]),
  })
  .superRefine((o, ctx) => {
    if (o.minDays > o.maxDays)
      ctx.addIssue({
        code: "custom",
        path: ["minDays"],
        message: `must be at most maxDays (${o.maxDays})`,
      });
  });

export type ErasmusOptions = z.output<typeof erasmusOptions>;

/** The figures in force, named as `estimate` and `criteria` read them. */
export type ErasmusParameters = {
  readonly levels: Figure<readonly ProgrammeLevel[]>;
  readonly rateGroup1: Figure<number>;
  readonly rateGroup2: Figure<number>;
  readonly rateGroup3: Figure<number>;
  readonly internshipTopUp: Figure<number>;
  readonly fewerOpportunitiesTopUp: Figure<number>;
  readonly travelSupport: Figure<TravelSupportPolicy>;
  readonly greenTopUp: Figure<number>;
  readonly travelBands: Figure<string>;
  readonly minDays: Figure<number>;
  readonly maxDays: Figure<number>;
  readonly cycleCapDays: Figure<number>;
};

const ERASMUS_AGREEMENT: Text = {
  fr: "accord interinstitutionnel Erasmus+",
  en: "Erasmus+ inter-institutional agreement",
};

/**
 * What proves fewer opportunities for this student: one proof per French criterion that holds
 * (rulebook §0; funding-research.md §2.10 lists the CROUS notice, MDPH/ALD proof and QPV/ZRR
 * address). Any one of them is enough.
 */
const GROUND_PROOFS: Readonly<Record<FewerOpportunitiesGround, Text>> = {
  "high-echelon": {
    fr: "notification de bourse CROUS (échelon 6 ou 7)",
    en: "CROUS grant notice (échelon 6 or 7)",
  },
  disability: { fr: "justificatif MDPH ou ALD", en: "MDPH or long-term illness certificate" },
  qpv: { fr: "justificatif de domicile en QPV", en: "proof of address in a QPV" },
  zrr: { fr: "justificatif de domicile en ZRR", en: "proof of address in a ZRR" },
};

const fewerOpportunitiesProofs = (ctx: EvaluationContext): Text[] =>
  facts.fewerOpportunitiesGrounds(ctx).map((g) => GROUND_PROOFS[g]);

const LEARNING_AGREEMENT: DocumentItem = {
  id: "learning-agreement",
  label: {
    fr: "Contrat pédagogique (Learning Agreement for Studies)",
    en: "Learning Agreement for Studies",
  },
};

const TRAINEESHIP_AGREEMENT: DocumentItem = {
  id: "traineeship-agreement",
  label: {
    fr: "Contrat de stage Erasmus+ (Learning Agreement for Traineeships) et convention de stage",
    en: "Learning Agreement for Traineeships and the internship agreement (convention de stage)",
  },
};

const GRANT_AGREEMENT: DocumentItem = {
  id: "grant-agreement",
  label: { fr: "Contrat de bourse Erasmus+ signé", en: "Signed Erasmus+ grant agreement" },
};

/** The EU survey every participant answers at the end of the stay. */
const PARTICIPANT_REPORT: DocumentItem = {
  id: "participant-report",
  label: {
    fr: "Rapport du participant (questionnaire UE en fin de séjour)",
    en: "Participant report (EU survey at the end of the stay)",
  },
  due: "after-return",
};

/** Green travel is declared on a sworn statement or shown by tickets (wikis.ec.europa.eu/x/UINTC). */
const GREEN_TRAVEL_PROOF: DocumentItem = {
  id: "green-travel-proof",
  label: {
    fr: "Déclaration sur l'honneur ou billets du voyage bas carbone",
    en: "Sworn statement or tickets for the green journey",
  },
};

/**
 * Erasmus+ Europe, KA131 long-term student mobility (rulebook §2): the European Union funds,
 * through the Agence Erasmus+ France, a monthly grant for a study period at a partner
 * university or a traineeship in another programme or associated country, 2 to 12 months; the
 * sending school sets the rates and pays.
 *
 * @example
 * // the institution configuration lists it, with the school's own figures
 * const configured = erasmus.configure({ rateGroup1Cents: 32_700, travelSupport: "all" });
 */
export const erasmus = defineFundingPlugin({
  id: "erasmus",
  name: { fr: "Erasmus+ Europe", en: "Erasmus+ Europe" },
  funder: {
    fr: "Union européenne, via l'Agence Erasmus+ France / Éducation Formation",
    en: "European Union, through the Agence Erasmus+ France / Éducation Formation",
  },
  url: "https://agence.erasmusplus.fr/bourse-erasmus-aide-financiere/bourse-erasmus-enseignement-superieur/",
  summary: {
    fr: "Une bourse mensuelle pour étudier ou faire un stage de 2 à 12 mois dans un pays européen du programme, avec des compléments pour les stages et les étudiants ayant moins d'opportunités.",
    en: "A monthly grant to study or do a traineeship for 2 to 12 months in a European programme country, with top-ups for traineeships and for students with fewer opportunities.",
  },
  options: erasmusOptions,
  parameters: (o): DatedParameters<ErasmusParameters>[] => [
    {
      since: RATE_GROUP_1.since,
      parameters: {
        levels: optionFigure<readonly ProgrammeLevel[]>(ELIGIBLE_LEVELS, o.levels),
        rateGroup1: optionFigure(RATE_GROUP_1, o.rateGroup1Cents),
        rateGroup2: optionFigure(RATE_GROUP_2, o.rateGroup2Cents),
        rateGroup3: optionFigure(RATE_GROUP_3, o.rateGroup3Cents),
        internshipTopUp: optionFigure(INTERNSHIP_TOP_UP, o.internshipTopUpCents),
        fewerOpportunitiesTopUp: optionFigure(
          FEWER_OPPORTUNITIES_TOP_UP,
          o.fewerOpportunitiesTopUpCents,
        ),
        travelSupport: optionFigure(TRAVEL_SUPPORT, o.travelSupport),
        greenTopUp: optionFigure(GREEN_TOP_UP, o.greenTopUpCents),
        travelBands: TRAVEL_BANDS_2024,
        minDays: optionFigure(MIN_DAYS, o.minDays),
        maxDays: optionFigure(MAX_DAYS, o.maxDays),
        cycleCapDays: optionFigure(CYCLE_CAP_DAYS, o.cycleCapDays),
      },
    },
  ],
  facts: () => ERASMUS_FACTS,
  criteria: (_o, p) => [
    criterion("eche", isTrue(holdsEche), {
      fr: "Charte Erasmus de l'établissement",
      en: "Home institution's Erasmus Charter",
    }),
    criterion("level", oneOf(facts.programmeLevel, p.levels.value), {
      fr: "Niveau d'études",
      en: "Programme level",
    }),
    criterion("destination", oneOf(facts.hostCountry, KA131_DESTINATIONS), {
      fr: "Pays de destination",
      en: "Destination country",
    }),
    criterion(
      "agreement",
      anyOf(
        allOf(
          oneOf(facts.mobilityKind, ["study"]),
          isTrue(facts.hostHasAgreement("erasmus", ERASMUS_AGREEMENT)),
        ),
        allOf(
          oneOf(facts.mobilityKind, ["internship"]),
          oneOf(facts.framework, ["internship-agreement"]),
        ),
      ),
      {
        fr: "Accord Erasmus+ ou convention de stage",
        en: "Erasmus+ agreement or internship agreement",
      },
    ),
    criterion("duration", between(facts.fundedDays, p.minDays.value, p.maxDays.value), {
      fr: "Durée du séjour",
      en: "Length of stay",
    }),
    criterion("cycle-cap", atMost(erasmusDaysAfterStay, p.cycleCapDays.value), {
      fr: "Plafond par cycle d'études",
      en: "Cap per study cycle",
    }),
  ],
  estimate: ({ ctx, lang, parameters }) => estimateErasmus(ctx, parameters, lang),
  documents: ({ ctx }) => {
    const kind = ctx.situation.mobility.kind;
    const docs: DocumentItem[] = [];
    // kind unknown: the student needs one of the two, and the checklist says which for what
    if (kind !== "internship") docs.push(LEARNING_AGREEMENT);
    if (kind !== "study") docs.push(TRAINEESHIP_AGREEMENT);
    docs.push(GRANT_AGREEMENT, ATTENDANCE_CERTIFICATE, PARTICIPANT_REPORT);
    // true only when one of its criteria holds, so there is always at least one proof to name
    if (facts.fewerOpportunities.get(ctx) === true) {
      const proof = fewerOpportunitiesProofs(ctx);
      docs.push({
        id: "fewer-opportunities-proof",
        label: {
          fr: `Justificatif pour le complément moins d'opportunités : ${proof.map((t) => t.fr).join(" ou ")}`,
          en: `Proof for the fewer-opportunities top-up: ${proof.map((t) => t.en).join(" or ")}`,
        },
      });
    }
    if (facts.greenTravel.get(ctx) === true) docs.push(GREEN_TRAVEL_PROOF);
    return docs;
  },
  exclusive: (o) => o.exclusiveWith,
  examples: erasmusExamples,
});
