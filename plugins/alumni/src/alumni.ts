import {
  type Amount,
  anyOf,
  COST_KINDS,
  type CostKind,
  type CustomOutcome,
  cents,
  criterion,
  custom,
  type DocumentItem,
  defineFundingPlugin,
  EUROPE,
  type EvaluationContext,
  exclusiveWithOption,
  type Figure,
  FRANCE_AND_OVERSEAS,
  facts,
  formatMoney,
  HOUSEHOLD_TAX_NOTICE,
  isTrue,
  type Lang,
  max,
  meansTest,
  min,
  noneOf,
  oneOf,
  optionFigure,
  type PlanPeer,
  QF_CEILING_CENTS,
  sub,
  sum,
  type Text,
  weakest,
  ZERO,
} from "@envol/domain";
import { z } from "zod";
import { alumniExamples } from "./alumni-examples.ts";

/**
 * The figures of rulebook §5. The aid has no public figures at all (funding-research.md §5.1,
 * §11 point 7): the caps are the rulebook's placeholders, for stays from the academic year
 * 2024-2025 (rulebook §0: the earliest set; an earlier stay is ineligible on `period`), so every
 * one is `assumed` until the international relations office confirms it.
 */
const SINCE = "2024-07-01";

const CAP_EUROPE: Figure<number> = {
  value: 80_000,
  since: SINCE,
  source:
    "rulebook.md §5 (placeholder cap in Europe); funding-research.md §5.2 proposed model, CAP default 800 EUR inside Europe [I]",
  confidence: "assumed",
  label: { fr: "Plafond en Europe", en: "Cap in Europe" },
  unit: "cents",
};

const CAP_OUTSIDE_EUROPE: Figure<number> = {
  value: 150_000,
  since: SINCE,
  source:
    "rulebook.md §5 (placeholder cap outside Europe); funding-research.md §5.2 proposed model, CAP default 1 500 EUR outside Europe [I]",
  confidence: "assumed",
  label: { fr: "Plafond hors d'Europe", en: "Cap outside Europe" },
  unit: "cents",
};

/**
 * The Île-de-France ceiling (19 190 €, [V] in funding-research.md §1 IDF-10, aides-jeunes
 * `quotient_familial <= 19190`) applied to the alumni aid: that reuse is the research's
 * proposal (§5.2 ALU-2 [I]), hence `assumed` here.
 */
const QF_CEILING: Figure<number> = {
  value: QF_CEILING_CENTS,
  since: SINCE,
  source:
    "rulebook.md §0 means test and §5; funding-research.md §5.2 ALU-2 [I] reusing §1 IDF-10 (aides-jeunes region-ile-de-france-bourses-mobilite-etudiants-dut-licence-master.yml, quotient_familial <= 19190)",
  confidence: "assumed",
  label: { fr: "Plafond de quotient familial", en: "Family quotient ceiling" },
  unit: "cents",
};

// Upper bounds, far above the rulebook's figures (caps of 800 € and 1 500 €, a quotient ceiling
// of 19 190 €): no evaluation sums past the exact range of an amount, and a figure typed wrong is
// refused naming the option instead of being saved from a date.
/** The highest cap accepted: 10 000 € a stay. */
const MAX_CAP_CENTS = 1_000_000;
/** The highest quotient familial ceiling accepted: 100 000 €. */
const MAX_QF_CEILING_CENTS = 10_000_000;

/** Options: every field defaulted to the rulebook's figure, so an institution changes it in configuration. */
export const alumniOptions = z.object({
  /** Quotient familial ceiling of the means test, in cents (rulebook §0). */
  qfCeilingCents: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_QF_CEILING_CENTS)
    .default(QF_CEILING.value),
  /** Cap for a destination in Europe (EU27, associated countries, Regions 13 and 14), in cents. */
  capEuropeCents: z.number().int().nonnegative().max(MAX_CAP_CENTS).default(CAP_EUROPE.value),
  /** Cap for any other destination abroad, in cents. */
  capOutsideEuropeCents: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_CAP_CENTS)
    .default(CAP_OUTSIDE_EUROPE.value),
  /** Schemes this aid cannot be combined with: none in rulebook §5. */
  exclusiveWith: exclusiveWithOption("alumni"),
});

export type AlumniOptions = z.output<typeof alumniOptions>;

type AlumniParameters = {
  readonly qfCeiling: Figure<number>;
  readonly capEurope: Figure<number>;
  readonly capOutsideEurope: Figure<number>;
};

const COST_LABELS: Record<CostKind, Text> = {
  transport: { fr: "transport", en: "transport" },
  visa: { fr: "visa ou titre de séjour", en: "visa or residence permit" },
  insurance: { fr: "assurance", en: "insurance" },
  installation: { fr: "installation", en: "installation" },
};

/** The costs the student declared with a positive amount, in the rulebook's order. */
const declaredCosts = (ctx: EvaluationContext): { kind: CostKind; cents: number }[] => {
  const costs = ctx.situation.mobility.costs;
  const out: { kind: CostKind; cents: number }[] = [];
  if (!costs) return out;
  for (const kind of COST_KINDS) {
    const value = costs[kind];
    if (value !== undefined && value > 0) out.push({ kind, cents: value });
  }
  return out;
};

/**
 * Rulebook §5, `costs`: the declared costs add up to more than 0; unknown when none is given,
 * unmet when all those given are 0 ("no cost to cover"). A custom condition because the
 * vocabulary would word it as a threshold ("the total must reach 0.01 €, 0.01 € more"), where
 * the student simply has nothing for the aid to pay.
 */
const costsToCover = custom({
  describe: {
    fr: "les frais de votre séjour (transport, visa, assurance, installation)",
    en: "the costs of your stay (transport, visa, insurance, installation)",
  },
  rule: {
    fr: "les frais déclarés (transport, visa, assurance, installation) font plus de 0 €",
    en: "the declared costs (transport, visa, insurance, installation) add up to more than €0",
  },
  evaluate: (ctx): CustomOutcome => {
    const total = facts.declaredCosts.get(ctx);
    if (total === undefined)
      return {
        status: "unknown",
        missing: facts.declaredCosts.paths,
        reason: { fr: "Aucun frais déclaré", en: "No cost declared" },
      };
    if (total > 0)
      return {
        status: "met",
        reason: {
          fr: `Vos frais déclarés s'élèvent à ${formatMoney(total, "fr")} : l'aide les couvre jusqu'à son plafond`,
          en: `Your declared costs add up to ${formatMoney(total, "en")}: the aid covers them up to its cap`,
        },
      };
    return {
      status: "unmet",
      reason: {
        fr: `Aucun frais à couvrir : vos frais déclarés s'élèvent à ${formatMoney(0, "fr")}`,
        en: `No cost to cover: your declared costs add up to ${formatMoney(0, "en")}`,
      },
      hint: {
        fr: "L'aide rembourse des frais réels : déclarez ce que le séjour vous coûte (transport, visa, assurance, installation)",
        en: "The aid pays real costs: declare what the stay costs you (transport, visa, insurance, installation)",
      },
    };
  },
});

/** A cap and the words that say which one it is. */
interface Cap {
  readonly figure: Figure<number>;
  readonly where: Text;
}

const IN_EUROPE: Text = { fr: "plafond en Europe", en: "cap in Europe" };
const OUTSIDE_EUROPE: Text = { fr: "plafond hors d'Europe", en: "cap outside Europe" };

/**
 * The cap for the destination: Europe as rulebook §0 defines it for caps, else the world cap.
 * The figure and its words together, so the destination is looked up once.
 */
const capFor = (ctx: EvaluationContext, p: AlumniParameters): Cap =>
  EUROPE.codes.has(ctx.host.country)
    ? { figure: p.capEurope, where: IN_EUROPE }
    : { figure: p.capOutsideEurope, where: OUTSIDE_EUROPE };

/** "920 € de frais déclarés : transport 300 € + assurance 120 € + installation 500 €". */
const costsPhrase = (ctx: EvaluationContext, totalCents: number, lang: Lang): string => {
  const total = formatMoney(totalCents, lang);
  const parts = declaredCosts(ctx)
    .map((c) => `${COST_LABELS[c.kind][lang]} ${formatMoney(c.cents, lang)}`)
    .join(" + ");
  return {
    fr: `${total} de frais déclarés : ${parts}`,
    en: `${total} of declared costs: ${parts}`,
  }[lang];
};

/** The travel each other scheme of the plan pays (its lines with `covers: "transport"`). */
const travelPaidBy = (peers: readonly PlanPeer[]): { name: Text; cents: number }[] =>
  peers.flatMap((peer) => {
    const paid = peer.lines
      .filter((l) => l.covers === "transport" && l.amountCents > 0)
      .reduce((total, l) => total + l.amountCents, 0);
    return paid > 0 ? [{ name: peer.name, cents: paid }] : [];
  });

const IN_PLAN_NOTE: Text = {
  fr: "Dans le plan, le voyage déjà payé par les autres aides est déduit des frais.",
  en: "In the plan, travel already paid by the other grants is deducted from the costs.",
};

/**
 * What every estimate says (rulebook §5): the caps are guesses until the office sets them
 * (no public figures, "the UI says so"), and the budget is limited, so staff rank requests.
 */
const standingNotes = (p: AlumniParameters, lang: Lang): readonly string[] => {
  const budget = {
    fr: "L'aide dépend d'un budget limité : les demandes sont classées selon le besoin.",
    en: "The aid has a limited budget: requests are ranked by need.",
  }[lang];
  if (weakest(p.capEurope.confidence, p.capOutsideEurope.confidence) !== "assumed") return [budget];
  const eu = formatMoney(p.capEurope.value, lang);
  const world = formatMoney(p.capOutsideEurope.value, lang);
  return [
    {
      fr: `Montant indicatif : les plafonds (${eu} en Europe, ${world} hors d'Europe) sont des hypothèses à confirmer par le service des relations internationales.`,
      en: `Indicative amount: the caps (${eu} in Europe, ${world} outside Europe) are assumptions the international relations office must confirm.`,
    }[lang],
    budget,
  ];
};

// The checklist's items: `documents` picks among them.

/** The means proof of a CROUS grant holder, whom rulebook §0 admits whatever the household. */
const CROUS_NOTIFICATION: DocumentItem = {
  id: "crous-notification",
  label: { fr: "Notification définitive de bourse du CROUS", en: "CROUS grant notification" },
};

/** The means proof while it is unknown whether the student holds a CROUS grant. */
const MEANS_PROOF: DocumentItem = {
  id: "means-proof",
  label: {
    fr: "Notification de bourse du CROUS, ou à défaut dernier avis d'imposition du foyer",
    en: "CROUS grant notification, or else the household's latest tax notice",
  },
};

const receipt = (kind: CostKind): DocumentItem => ({
  id: `receipt-${kind}`,
  label: {
    fr: `Facture ou devis : ${COST_LABELS[kind].fr}`,
    en: `Receipt or quote: ${COST_LABELS[kind].en}`,
  },
});

/** The receipt for each cost the student declared. */
const RECEIPTS: Readonly<Record<CostKind, DocumentItem>> = {
  transport: receipt("transport"),
  visa: receipt("visa"),
  insurance: receipt("insurance"),
  installation: receipt("installation"),
};

/** The receipts while no cost is declared yet. */
const ALL_RECEIPTS: DocumentItem = {
  id: "receipts",
  label: {
    fr: "Factures ou devis des frais engagés (transport, visa, assurance, installation)",
    en: "Receipts or quotes for the costs (transport, visa, insurance, installation)",
  },
};

const BANK_DETAILS: DocumentItem = {
  id: "bank-details",
  label: { fr: "Relevé d'identité bancaire (RIB)", en: "Bank details (RIB)" },
};

/**
 * Télécom Paris alumni mobility aid (rulebook §5): a one-off aid from the school and its alumni
 * (since 2013) for students with few resources, paying the real costs of going abroad
 * (transport, visa, insurance, installation) up to a cap. In a plan it is computed last: the
 * travel the other schemes already pay is subtracted from the costs first.
 */
export const alumni = defineFundingPlugin({
  id: "alumni",
  name: { fr: "Aide à la mobilité des alumni", en: "Alumni mobility aid" },
  funder: {
    fr: "Télécom Paris et ses anciens élèves (Télécom Paris Alumni)",
    en: "Télécom Paris and its alumni (Télécom Paris Alumni)",
  },
  url: "https://www.telecom-paris.fr/",
  summary: {
    fr: "Une aide ponctuelle de l'école et de ses anciens élèves, pour les étudiants aux ressources modestes, qui rembourse les frais réels du départ à l'étranger (transport, visa, assurance, installation) jusqu'à un plafond. Montants provisoires, à confirmer par le service des relations internationales.",
    en: "A one-off aid from the school and its alumni, for students with few resources, that pays the real costs of going abroad (transport, visa, insurance, installation) up to a cap. Provisional amounts, to be confirmed by the international relations office.",
  },
  options: alumniOptions,
  parameters: (options) => [
    {
      since: SINCE,
      parameters: {
        qfCeiling: optionFigure(QF_CEILING, options.qfCeilingCents),
        capEurope: optionFigure(CAP_EUROPE, options.capEuropeCents),
        capOutsideEurope: optionFigure(CAP_OUTSIDE_EUROPE, options.capOutsideEuropeCents),
      } satisfies AlumniParameters,
    },
  ],
  criteria: (_options, p) => [
    // rulebook §0: the alumni aid also accepts any CROUS grant holder, whatever the household
    criterion("means", anyOf(isTrue(facts.crousBoursier), meansTest(p.qfCeiling.value)), {
      fr: "Ressources",
      en: "Means",
    }),
    criterion(
      "framework",
      oneOf(facts.framework, ["inter-institution-agreement", "internship-agreement"]),
      { fr: "Cadre de la mobilité", en: "Mobility framework" },
    ),
    criterion("destination", noneOf(facts.hostCountry, FRANCE_AND_OVERSEAS), {
      fr: "Destination à l'étranger",
      en: "Destination abroad",
    }),
    criterion("costs", costsToCover, { fr: "Frais déclarés", en: "Declared costs" }),
  ],
  estimate: ({ ctx, lang, parameters: p }) => {
    const { figure: cap, where } = capFor(ctx, p);
    const capText = formatMoney(cap.value, lang);
    const general = standingNotes(p, lang);
    const totalCents = facts.declaredCosts.get(ctx);
    // costs all at 0 never get here: the `costs` criterion makes the aid ineligible first
    if (totalCents === undefined) {
      // rulebook §0: an unknown fact is never assumed, so no amount until costs are declared
      return {
        confidence: cap.confidence,
        lines: [],
        notes: [
          {
            fr: `Déclarez vos frais (transport, visa, assurance, installation) : l'aide les rembourse jusqu'à ${capText} (${where.fr}).`,
            en: `Declare your costs (transport, visa, insurance, installation): the aid pays them up to ${capText} (${where.en}).`,
          }[lang],
          ...general,
        ],
      };
    }
    const notes: string[] = [];
    if (totalCents > cap.value) {
      const over = formatMoney(totalCents - cap.value, lang);
      notes.push(
        {
          fr: `${over} de frais au-delà du plafond ne sont pas pris en charge.`,
          en: `${over} of costs above the cap are not covered.`,
        }[lang],
      );
    }
    notes.push(IN_PLAN_NOTE[lang], ...general);
    const costs = costsPhrase(ctx, totalCents, lang);
    return {
      confidence: cap.confidence,
      lines: [
        {
          id: "real-costs",
          label: { fr: "Frais réels plafonnés", en: "Real costs up to the cap" },
          amount: min(cents(cap.value), cents(totalCents)),
          basis: `min(${capText} ${where[lang]}, ${costs})`,
          // no `covers`: the line pays a mix of costs up to a cap, not one kind of cost
        },
      ],
      notes,
    };
  },
  inPlan: ({ ctx, lang, parameters: p, peers }) => {
    const cap = capFor(ctx, p).figure;
    const totalCents = facts.declaredCosts.get(ctx) ?? 0;
    const paid = travelPaidBy(peers);
    const travel: Amount = sum(paid.map((t) => cents(t.cents)));
    // rulebook §5 and §7: subtract the travel already paid first, then cap
    const left = sub(cents(totalCents), travel);
    const amount = min(cents(cap.value), max(ZERO, left));
    const capText = formatMoney(cap.value, lang);
    const total = formatMoney(totalCents, lang);
    const costs = { fr: `${total} de frais déclarés`, en: `${total} of declared costs` }[lang];
    if (paid.length === 0)
      return {
        amount,
        basis: {
          fr: `min(${capText}, ${costs}) ; aucun voyage payé par les autres aides du plan`,
          en: `min(${capText}, ${costs}); no travel paid by the other grants of the plan`,
        }[lang],
      };
    const list = paid.map((t) => `${t.name[lang]} ${formatMoney(t.cents, lang)}`).join(" + ");
    const remaining = {
      fr: `${costs} − voyage déjà payé : ${list}`,
      en: `${costs} − travel already paid: ${list}`,
    }[lang];
    // below zero when the others pay more travel than the costs declared
    const kept = left.n < 0 ? `max(0, ${remaining})` : remaining;
    return { amount, basis: `min(${capText}, ${kept})` };
  },
  documents: ({ ctx }): DocumentItem[] => {
    const boursier = facts.crousBoursier.get(ctx);
    const means =
      boursier === true
        ? CROUS_NOTIFICATION
        : boursier === false
          ? HOUSEHOLD_TAX_NOTICE
          : MEANS_PROOF;
    const declared = declaredCosts(ctx);
    const receipts = declared.length > 0 ? declared.map((c) => RECEIPTS[c.kind]) : [ALL_RECEIPTS];
    return [means, ...receipts, BANK_DETAILS];
  },
  exclusive: (options) => options.exclusiveWith,
  examples: alumniExamples,
});
