import { z } from "zod";
import type { IsoDate } from "./calendar-date.ts";
import type { Criterion } from "./conditions/criterion.ts";
import { PluginOptionsInvalid } from "./errors.ts";
import type { EvaluationContext } from "./evaluation-context.ts";
import type { Fact } from "./facts.ts";
import { type Confidence, type DatedParameters, type Figure, inForce } from "./figures.ts";
import { KEBAB_CASE } from "./ids.ts";
import type { Amount } from "./money.ts";
import { participantCriterion } from "./participant-criterion.ts";
import { periodCriterion } from "./period-criterion.ts";
import type { CostKind, Participant, Situation } from "./situation.ts";
import type { Lang, Text } from "./text.ts";

/** What an estimate line pays for, so that other schemes of a plan can take it into account. */
export type Covers = CostKind | "living";

/**
 * One line of an estimate: what it is, its exact amount and its basis in words. The basis holds
 * amounts, so it is written in the report's language only (`lang`, see {@link PluginArgs}).
 *
 * @example
 * { id: "individual-support", label: { fr: "Soutien individuel", en: "Individual support" },
 *   amount: prorata(29200, 150, 30), basis: monthlyBasis(29200, 150, lang), covers: "living" }
 */
export interface EstimateLine {
  readonly id: string;
  readonly label: Text;
  readonly amount: Amount;
  /** In the report's language: "292 € × 150/30 jours". */
  readonly basis: string;
  readonly covers?: Covers;
}

/** What a plugin's `estimate` returns; the engine rounds the total once and picks the language. */
export interface EstimateDraft {
  readonly lines: readonly EstimateLine[];
  /** The weakest confidence of the figures used (see `weakest`). */
  readonly confidence: Confidence;
  /**
   * What the estimate leaves out and why ("+€250/month if you have fewer opportunities"), in the
   * report's language.
   */
  readonly notes?: readonly string[];
}

/** When the student gives a document: before leaving, or once back from the stay. */
export const DOCUMENT_DUES = ["before-departure", "after-return"] as const;
export type DocumentDue = (typeof DOCUMENT_DUES)[number];

/**
 * A document of the checklist.
 *
 * @example
 * const report: DocumentItem = { id: "stay-report", label: { fr: "Rapport de séjour", en: "Stay report" }, due: "after-return" };
 */
export interface DocumentItem {
  readonly id: string;
  readonly label: Text;
  /**
   * When it is due. Most documents are asked before departure: only those the stay itself
   * produces (attendance certificate, reports) say `"after-return"`.
   */
  readonly due?: DocumentDue;
}

/**
 * A worked example of a scheme's rules, for its public rule page: a situation the API
 * evaluates with the engine when the page is asked for, so that the verdict, the amount and its
 * lines shown are always those the rules in force give (never amounts written by hand). Its
 * title describes the situation briefly; it has no `asOf`: it is evaluated on the API's today.
 *
 * @example
 * const berlin: WorkedExample = {
 *   title: { fr: "Un semestre à TU Berlin", en: "A semester at TU Berlin" },
 *   situation: { mobility: { host: { partner: "tu-berlin" }, start: "2027-02-01", end: "2027-06-30" } },
 * };
 */
export interface WorkedExample {
  readonly title: Text;
  readonly situation: Omit<Situation, "asOf">;
}

/** The parameters of a plugin: named, dated figures. */
export type Parameters = Readonly<Record<string, Figure>>;

/**
 * What `estimate`, `documents` and `inPlan` receive. A text with amounts in it is written in
 * `lang` only: its words side by side, its amounts formatted once, in the language read.
 *
 * @example
 * const rate = formatMoney(29200, lang);
 * const basis = { fr: `${rate} par mois`, en: `${rate} a month` }[lang];
 */
export interface PluginArgs<O, P extends Parameters> {
  readonly ctx: EvaluationContext;
  /** The language of the report. */
  readonly lang: Lang;
  readonly options: O;
  readonly parameters: P;
}

/** Another scheme chosen in the same plan, as a scheme's `inPlan` sees it. */
export interface PlanPeer {
  readonly scheme: string;
  /** Its name, to explain an adjustment ("travel already paid by Erasmus+ Europe"). */
  readonly name: Text;
  readonly amountCents: number;
  readonly lines: readonly {
    readonly id: string;
    readonly amountCents: number;
    readonly covers: Covers | undefined;
  }[];
}

/** A scheme's amount inside a plan, when it depends on the other schemes chosen. */
export interface PlanShare {
  readonly amount: Amount;
  /**
   * How it was computed from the other schemes, in the report's language: "min(800 €, 920 € −
   * 417 € de voyage déjà payé)".
   */
  readonly basis: string;
}

/**
 * An option value the plugin accepts but the office should look at again (a rate outside the
 * funder's published range): the start-up logs it, naming the plugin and the option.
 *
 * @example
 * { option: "rates.0.group1Cents", message: "250 € a month for group 1 from call 2024 is outside the range 292 €–674 €" }
 */
export interface OptionWarning {
  /** The option's path, as a PluginOptionsInvalid issue names it: "rates.0.group1Cents". */
  readonly option: string;
  readonly message: string;
}

/** An {@link OptionWarning} with the plugin it came from, as the configuration check reports it. */
export interface ConfigurationWarning extends OptionWarning {
  readonly plugin: string;
}

/**
 * A funding plugin as its author writes it (ARCHITECTURE §2.3).
 *
 * @typeParam S the zod schema of its options; every field has a default (the rulebook's figure)
 * @typeParam P its parameters: named figures with their date, source and confidence
 */
export interface FundingPluginDefinition<S extends z.ZodType, P extends Parameters> {
  /** Stable kebab-case id, the same as the folder name and the package tail. */
  readonly id: string;
  readonly name: Text;
  readonly funder: Text;
  readonly url: string;
  readonly summary: Text;
  /**
   * Who the scheme funds: students (the default) or the school's personnel (rulebook §10). The
   * engine adds the criterion `participant`, unmet for the other kind of participant.
   */
  readonly participant?: Participant;
  readonly options: S;
  /**
   * The figures in force, by period: the mobility's start date picks the period. Most schemes
   * have a single period; the AMI changed in 2024. A stay starting before the earliest period
   * is ineligible on the criterion `period`, which every scheme gets (rulebook §0).
   */
  readonly parameters: (options: z.output<S>) => readonly DatedParameters<P>[];
  /**
   * Reads options an earlier release stored (those in force when a grant was approved, kept for
   * its recalculation) in the shape `options` has today, when the plugin changed that shape.
   * Options already in today's shape come back unchanged. Only stored options go through it: an
   * institution's configuration in an old shape is an error that names the field.
   */
  readonly storedOptions?: (stored: unknown) => unknown;
  /** The criteria, with the rulebook's ids, built from the condition vocabulary (`participant` and `period` are added). */
  readonly criteria: (options: z.output<S>, parameters: P) => readonly Criterion[];
  /**
   * The facts of its own its criteria read, beyond the domain's standard facts: the registry
   * lists them with those (`Registry.facts`, the situation fields a scheme may ask for), and the
   * conformance suite checks that none is left out.
   *
   * @example
   * facts: () => [erasmusDaysAfterStay]
   */
  readonly facts?: (options: z.output<S>) => readonly Fact[];
  /** The standalone amount, as explained lines. Called for eligible and incomplete verdicts. */
  readonly estimate: (args: PluginArgs<z.output<S>, P>) => EstimateDraft;
  /** The document checklist for this situation. */
  readonly documents: (args: PluginArgs<z.output<S>, P>) => readonly DocumentItem[];
  /**
   * Schemes this one cannot be combined with for the same period (symmetric in the plan); each
   * must be a registered scheme. Read from an option declared with {@link exclusiveWithOption}.
   *
   * @example
   * exclusive: (options) => options.exclusiveWith
   */
  readonly exclusive?: (options: z.output<S>) => readonly string[];
  /**
   * The configuration check beyond the schema: values that are valid but worth a warning at
   * start-up (the registry's `warn`), never a refusal.
   *
   * @example
   * warnings: (options) => options.rateCents > 60_000 ? [{ option: "rateCents", message: "above the funder's maximum of 600 €" }] : []
   */
  readonly warnings?: (options: z.output<S>) => readonly OptionWarning[];
  /**
   * The amount when the plan also holds `peers` (the alumni aid subtracts travel the others
   * pay). It may only lower the standalone amount; such schemes are computed last.
   */
  readonly inPlan?: (
    args: PluginArgs<z.output<S>, P> & { readonly peers: readonly PlanPeer[] },
  ) => PlanShare;
  /**
   * Worked examples for the scheme's public rule page (ADR 015), evaluated by the API; the
   * conformance suite checks that each is a valid situation the engine can evaluate.
   *
   * @example
   * examples: erasmusExamples
   */
  readonly examples?: readonly WorkedExample[];
}

/** A period of a configured plugin, with its criteria built once. */
export interface ConfiguredPeriod {
  readonly since: IsoDate;
  readonly parameters: Parameters;
  readonly criteria: readonly Criterion[];
}

/**
 * A plugin with validated options, ready for the registry. Its functions are closed over the
 * options so the engine needs no generics.
 */
export interface ConfiguredPlugin {
  readonly id: string;
  readonly name: Text;
  readonly funder: Text;
  readonly url: string;
  readonly summary: Text;
  /** Who the scheme funds (see {@link FundingPluginDefinition.participant}). */
  readonly participant: Participant;
  /** The options it was configured with (the latest, when its options changed from a date). */
  readonly options: unknown;
  /**
   * The options in force for a stay starting on `start`: what an approval stores, so that a
   * recalculation uses them (the same as `options` unless they changed from a date, ADR 020).
   */
  readonly optionsFor: (start: IsoDate) => unknown;
  readonly periods: readonly ConfiguredPeriod[];
  /** Its own facts, as declared (see {@link FundingPluginDefinition.facts}). */
  readonly facts: readonly Fact[];
  readonly exclusive: readonly string[];
  /** What the configuration check found worth a warning in its options (none by default). */
  readonly warnings: readonly ConfigurationWarning[];
  /** Its worked examples, as declared (see {@link FundingPluginDefinition.examples}). */
  readonly examples: readonly WorkedExample[];
  readonly periodFor: (start: IsoDate) => ConfiguredPeriod;
  readonly estimate: (ctx: EvaluationContext, period: ConfiguredPeriod) => EstimateDraft;
  readonly documents: (ctx: EvaluationContext, period: ConfiguredPeriod) => readonly DocumentItem[];
  readonly inPlan:
    | ((ctx: EvaluationContext, period: ConfiguredPeriod, peers: readonly PlanPeer[]) => PlanShare)
    | undefined;
}

/**
 * Whether a value read back from storage is an object of fields: what a plugin's
 * `storedOptions` checks before it renames any of them.
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A plugin definition plus `configure`, which validates options and returns a {@link ConfiguredPlugin}. */
export interface FundingPlugin<S extends z.ZodType, P extends Parameters>
  extends FundingPluginDefinition<S, P> {
  /** @throws PluginOptionsInvalid naming the plugin and each bad field */
  readonly configure: (options?: z.input<S>) => ConfiguredPlugin;
}

/**
 * The option naming the schemes a plugin cannot be combined with: kebab-case scheme ids, never
 * the plugin's own; the registry checks at start-up that each names a registered scheme.
 *
 * @example
 * options: z.object({ exclusiveWith: exclusiveWithOption("erasmus", ["mic"]) }),
 * exclusive: (options) => options.exclusiveWith,
 */
export const exclusiveWithOption = (self: string, defaults: readonly string[] = []) =>
  z
    .array(z.string().regex(KEBAB_CASE, "must be a kebab-case scheme id such as erasmus"))
    .refine((ids) => !ids.includes(self), `must not name ${self} itself`)
    .default([...defaults]);

/**
 * Defines a funding plugin: a plain object, listed explicitly in the institution's
 * configuration; nothing is discovered by scanning folders.
 *
 * @example
 * export const demo = defineFundingPlugin({
 *   id: "demo", name: { fr: "Démo", en: "Demo" }, funder: { fr: "École", en: "School" }, url: "https://example.org",
 *   summary: { fr: "Une aide de démonstration.", en: "A demonstration grant." },
 *   options: z.object({ amountCents: z.number().int().default(50000) }),
 *   parameters: (o) => [{ since: "2024-01-01", parameters: { amount: { value: o.amountCents, since: "2024-01-01",
 *     source: "demo", confidence: "assumed", label: { fr: "Montant", en: "Amount" }, unit: "cents" } } }],
 *   criteria: () => [criterion("destination", noneOf(hostCountry, FRANCE_AND_OVERSEAS))],
 *   estimate: ({ parameters, lang }) => ({ confidence: "assumed", lines: [{ id: "lump-sum", label: { fr: "Forfait", en: "Lump sum" },
 *     amount: cents(parameters.amount.value as number), basis: lumpSumBasis(parameters.amount.value as number, lang) }] }),
 *   documents: () => [],
 * });
 * const configured = demo.configure({ amountCents: 60000 });
 */
export const defineFundingPlugin = <S extends z.ZodType, P extends Parameters>(
  definition: FundingPluginDefinition<S, P>,
): FundingPlugin<S, P> => ({
  ...definition,
  configure: (raw) => {
    // a misspelt option is an error that names it, not a default silently kept
    const schema =
      definition.options instanceof z.ZodObject ? definition.options.strict() : definition.options;
    const parsed = schema.safeParse(raw ?? {});
    if (!parsed.success) {
      throw new PluginOptionsInvalid({
        plugin: definition.id,
        issues: parsed.error.issues.map((i) => ({
          path: i.path.map(String).join("."),
          message: i.message,
        })),
      });
    }
    const options = parsed.data as z.output<S>;
    const dated = definition.parameters(options);
    // a stay before the earliest figures is ineligible on `period`, never priced with later ones
    const period = periodCriterion(dated.map((p) => p.since).sort()[0] ?? "");
    const participant = definition.participant ?? "student";
    const funds = participantCriterion(participant);
    const periods = dated.map((p) => ({
      since: p.since,
      parameters: p.parameters,
      criteria: [funds, ...definition.criteria(options, p.parameters), period],
    }));
    const parametersOf = (period: ConfiguredPeriod) => period.parameters as P;
    const inPlan = definition.inPlan;
    return {
      id: definition.id,
      name: definition.name,
      funder: definition.funder,
      url: definition.url,
      summary: definition.summary,
      participant,
      options,
      optionsFor: () => options,
      periods,
      facts: definition.facts?.(options) ?? [],
      exclusive: definition.exclusive?.(options) ?? [],
      warnings: (definition.warnings?.(options) ?? []).map((w) => ({
        plugin: definition.id,
        ...w,
      })),
      examples: definition.examples ?? [],
      periodFor: (start) => inForce(periods, start),
      estimate: (ctx, period) =>
        definition.estimate({ ctx, lang: ctx.lang, options, parameters: parametersOf(period) }),
      documents: (ctx, period) =>
        definition.documents({ ctx, lang: ctx.lang, options, parameters: parametersOf(period) }),
      inPlan: inPlan
        ? (ctx, period, peers) =>
            inPlan({ ctx, lang: ctx.lang, options, parameters: parametersOf(period), peers })
        : undefined,
    };
  },
});
