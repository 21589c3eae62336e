/**
 * `@envol/domain`: the pure core of Envol. No I/O and no implicit clock: "today" is always an
 * argument. Plugins, the API, the CLI and the web app import from here.
 */
export * from "./academic-year.ts";
export * from "./allocation/allocate.ts";
export * from "./allocation/ordinal.ts";
export * from "./allocation/priority-rules.ts";
export * from "./allocation/rank.ts";
export * from "./allocation/rank-explanation.ts";
export * from "./allocation/requeue-plan.ts";
export * from "./application-lifecycle.ts";
export * from "./basis.ts";
export * from "./calendar-date.ts";
export * from "./calls.ts";
export * from "./checklist.ts";
export * from "./conditions/condition.ts";
export * from "./conditions/criterion.ts";
export { describeCondition } from "./conditions/describe.ts";
export * from "./countries.ts";
export * from "./dated-options.ts";
export * from "./distance.ts";
export * from "./document-request-message.ts";
export * from "./engine.ts";
export * from "./errors.ts";
export * from "./evaluation-context.ts";
export * as facts from "./facts.ts";
export {
  type BooleanFact,
  booleanFact,
  type EnumFact,
  enumFact,
  type Fact,
  type FewerOpportunitiesGround,
  formatQuantity,
  isStandardFact,
  type NumberFact,
  numberFact,
  PERSONNEL_FACTS,
  STANDARD_FACTS,
  type Unit,
} from "./facts.ts";
export * from "./figures.ts";
export * from "./funded-days.ts";
export * from "./funding-plan.ts";
export * from "./grant-agreement.ts";
export * from "./ids.ts";
export * from "./institution.ts";
export * from "./issue-text.ts";
export * from "./long-date.ts";
export * from "./means-test.ts";
export * from "./money.ts";
export * from "./money-moves/decision-plan.ts";
export * from "./money-moves/grant-review.ts";
export * from "./money-moves/ledger-explanation.ts";
export * from "./money-moves/move-plan.ts";
export * from "./money-moves/payment-changed.ts";
export * from "./money-moves/recalculation-plan.ts";
export * from "./money-moves/remaining.ts";
export * from "./notifications.ts";
export * from "./participant-criterion.ts";
export * from "./partner-catalogue.ts";
export * from "./period-criterion.ts";
export * from "./plugin.ts";
export * from "./regions.ts";
export * from "./registry.ts";
export * from "./request-words.ts";
export * from "./scheme-catalogue.ts";
export * from "./scheme-rules.ts";
export * from "./simulation-report.ts";
export * from "./situation.ts";
export * from "./situation-validation.ts";
export * from "./text.ts";
export * from "./text-limits.ts";
export * from "./what-if/what-if.ts";
