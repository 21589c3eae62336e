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
  noneOf,
  type OptionWarning,
  oneOf,
  optionFigure,
  PROGRAMME_LEVELS,
  type ProgrammeLevel,
  type Text,
} from "@envol/domain";
import {
  callStart,
  ERASMUS_FACTS,
  erasmusDaysAfterStay,
  holdsEche,
  KA131_DESTINATIONS,
  type TravelBand,
} from "@envol/erasmus-common";
import { z } from "zod";
import { estimateErasmus } from "./erasmus-estimate.ts";
import { erasmusExamples } from "./erasmus-examples.ts";
import {
  CYCLE_CAP_DAYS,
  ELIGIBLE_LEVELS,
  FEWER_OPPORTUNITIES_TOP_UP,
  FIRST_CALL,
  INTERNSHIP_TOP_UP,
  MAX_DAYS,
  MIN_DAYS,
  RATE_GROUP_1,
  RATE_GROUP_2,
  RATE_GROUP_3,
  RATE_RANGES,
  TRAVEL_BANDS_2024,
  TRAVEL_SUPPORT_BY_CALL,
  TRAVEL_SUPPORT_POLICIES,
  type TravelSupportPolicy,
} from "./erasmus-figures.ts";
import { erasmusStoredOptions } from "./erasmus-stored-options.ts";

// A monthly figure in cents, at most 3 000 € a month: far above any Erasmus+ rate or top-up
// (150 € to 700 €), so no evaluation multiplies past the exact range of an amount, and a figure
// typed wrong is refused naming the option instead of being saved from a date.
const MAX_MONTHLY_CENTS = 300_000;
const rateCents = z.number().int().nonnegative().max(MAX_MONTHLY_CENTS);
// the agency's "2 à 12 mois" for long-term stays (funding-research.md §2.2 ER-6)
const durationDays = z.number().int().min(60).max(360);

/**
 * A list of entries each in force from its call year (`fromCall`) until the next entry's: the
 * first is Call 2024's, the years rise. A call year is the year its stays' academic year starts
 * in (Call 2025: stays from 1 July 2025).
 */
const byCall = <E extends z.ZodObject<{ fromCall: z.ZodNumber }>>(entry: E) =>
  z
    .array(entry)
    .min(1)
    .superRefine((entries, ctx) => {
      const calls = entries.map((e) => (e as { fromCall: number }).fromCall);
      calls.forEach((fromCall, i) => {
        const before = calls[i - 1];
        if (i === 0 && fromCall !== FIRST_CALL)
          ctx.addIssue({
            code: "custom",
            path: [i, "fromCall"],
            message: `the first entry must be from call ${FIRST_CALL}, Envol's earliest Erasmus+ figures`,
          });
        if (before !== undefined && fromCall <= before)
          ctx.addIssue({
            code: "custom",
            path: [i, "fromCall"],
            message: `must be a later call than the entry before it (${before})`,
          });
      });
    });

const callYearField = z.number().int().min(FIRST_CALL).max(2100);

/** Who receives travel support from one call on. */
const travelSupportEntry = z.strictObject({
  fromCall: callYearField,
  policy: z.enum(TRAVEL_SUPPORT_POLICIES),
});

/** The school's monthly study rates by Erasmus+ country group from one call on, in cents. */
const ratesEntry = z.strictObject({
  fromCall: callYearField,
  group1Cents: rateCents,
  group2Cents: rateCents,
  group3Cents: rateCents,
});

/**
 * Options: every field defaulted to the rulebook's figure (rulebook §2), so an institution
 * changes them in configuration. `rates` and `travelSupport` are dated by call: each entry holds
 * from its call year until the next entry's.
 *
 * @example
 * erasmus.configure({
 *   rates: [{ fromCall: 2024, group1Cents: 32_700, group2Cents: 27_600, group3Cents: 27_600 }],
 *   travelSupport: [{ fromCall: 2024, policy: "all" }],
 * })
 */
export const erasmusOptions = z
  .object({
    /** Programme levels the school sends; the programme admits all four. */
    levels: z
      .array(z.enum(PROGRAMME_LEVELS))
      .min(1)
      .default([...ELIGIBLE_LEVELS.value]),
    /** The school's monthly study rates by country group, by call (one school's Call 2024 grid). */
    rates: byCall(ratesEntry).default([
      {
        fromCall: FIRST_CALL,
        group1Cents: RATE_GROUP_1.value,
        group2Cents: RATE_GROUP_2.value,
        group3Cents: RATE_GROUP_3.value,
      },
    ]),
    internshipTopUpCents: rateCents.default(INTERNSHIP_TOP_UP.value),
    fewerOpportunitiesTopUpCents: rateCents.default(FEWER_OPPORTUNITIES_TOP_UP.value),
    /** Who receives the distance-band travel support, by call (rulebook §2). */
    travelSupport: byCall(travelSupportEntry).default(
      TRAVEL_SUPPORT_BY_CALL.map((t) => ({ fromCall: t.fromCall, policy: t.figure.value })),
    ),
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
  readonly travelBands: Figure<readonly TravelBand[]>;
  readonly minDays: Figure<number>;
  readonly maxDays: Figure<number>;
  readonly cycleCapDays: Figure<number>;
};

/** The entry of a dated-by-call list in force for `call`: the last one from that call or before. */
const entryFor = <E extends { readonly fromCall: number }>(
  entries: readonly E[],
  call: number,
): E => entries.filter((e) => e.fromCall <= call).at(-1) ?? (entries[0] as E);

/**
 * A figure of the rulebook's by call, or the institution's own value: a configured value is
 * dated from the call of the option's entry that sets it (a rate set from Call 2024 still reads
 * "since 2024-07-01" in the periods after).
 */
const callFigure = <T>(byDefault: Figure<T>, value: T, call: number): Figure<T> => {
  const figure = optionFigure(byDefault, value);
  return figure === byDefault ? figure : { ...figure, since: callStart(call) };
};

/**
 * The figures in force from each call year an option's entry starts (rulebook §2): by default
 * Call 2024 (travel for fewer opportunities only) and Call 2025 onwards (travel for all).
 */
const erasmusParameters = (o: ErasmusOptions): DatedParameters<ErasmusParameters>[] => {
  const calls = [...new Set([...o.rates, ...o.travelSupport].map((e) => e.fromCall))].sort(
    (a, b) => a - b,
  );
  return calls.map((call) => {
    const rates = entryFor(o.rates, call);
    const travelEntry = entryFor(o.travelSupport, call);
    const travel = travelEntry.policy;
    const travelByDefault = entryFor(TRAVEL_SUPPORT_BY_CALL, call).figure;
    return {
      since: callStart(call),
      parameters: {
        levels: optionFigure<readonly ProgrammeLevel[]>(ELIGIBLE_LEVELS, o.levels),
        rateGroup1: callFigure(RATE_GROUP_1, rates.group1Cents, rates.fromCall),
        rateGroup2: callFigure(RATE_GROUP_2, rates.group2Cents, rates.fromCall),
        rateGroup3: callFigure(RATE_GROUP_3, rates.group3Cents, rates.fromCall),
        internshipTopUp: optionFigure(INTERNSHIP_TOP_UP, o.internshipTopUpCents),
        fewerOpportunitiesTopUp: optionFigure(
          FEWER_OPPORTUNITIES_TOP_UP,
          o.fewerOpportunitiesTopUpCents,
        ),
        travelSupport: callFigure(travelByDefault, travel, travelEntry.fromCall),
        travelBands: TRAVEL_BANDS_2024,
        minDays: optionFigure(MIN_DAYS, o.minDays),
        maxDays: optionFigure(MAX_DAYS, o.maxDays),
        cycleCapDays: optionFigure(CYCLE_CAP_DAYS, o.cycleCapDays),
      },
    };
  });
};

const GROUPS = [1, 2, 3] as const;

/**
 * The configuration check (rulebook §2, issue #13 item 6): a school's monthly rate outside the
 * warning band of its call (`RATE_RANGES`) is worth a line in the start-up log, naming the
 * option and the band; it is no error, since the agency's own range is not known.
 */
const rateWarnings = (o: ErasmusOptions): OptionWarning[] =>
  // every entry is from Call 2024 on (the schema), where the one band of RATE_RANGES applies
  o.rates.flatMap((entry, i) =>
    GROUPS.flatMap((group) => {
      const rate = entry[`group${group}Cents`];
      const { minCents, maxCents } = RATE_RANGES.groups[group];
      if (rate >= minCents && rate <= maxCents) return [];
      const euros = (c: number) => `${c / 100} €`;
      return [
        {
          option: `rates.${i}.group${group}Cents`,
          message:
            `${euros(rate)} a month for group ${group} from call ${entry.fromCall} is outside ` +
            `the range ${euros(minCents)}–${euros(maxCents)} (an assumed band: the French ` +
            "agency's range for the call was not found; plugins/erasmus/README.md, rate ranges)",
        },
      ];
    }),
  );

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
 * const configured = erasmus.configure({ travelSupport: [{ fromCall: 2024, policy: "all" }] });
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
  storedOptions: erasmusStoredOptions,
  parameters: erasmusParameters,
  warnings: rateWarnings,
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
          // a free mover comes without the agreement, even to a partner (rulebook §2)
          noneOf(facts.framework, ["free-mover"]),
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
