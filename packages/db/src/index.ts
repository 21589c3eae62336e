export * from "./allocations.ts";
export * from "./applications.ts";
export * from "./audit-chain.ts";
export * from "./audit-log.ts";
export * from "./audit-trail.ts";
export * from "./backup.ts";
export * from "./budgets.ts";
export * from "./calls.ts";
export * from "./data-dir-lock.ts";
export * from "./database.ts";
export * from "./database-unavailable.ts";
export * from "./documents.ts";
export * from "./errors.ts";
export * from "./grants.ts";
export * from "./layers.ts";
export * from "./outbox-store.ts";
export { type OverlappingRequestRow, STANDING_STATES } from "./overlapping-requests.ts";
export * from "./partner-keys.ts";
export * from "./partners.ts";
export * from "./pglite-backup.ts";
export * from "./pglite-data-dir.ts";
export * from "./rate-limits.ts";
export {
  MAX_QUEUE_OFFSET,
  QUEUE_COUNT_LIMIT,
  QUEUE_SORTS,
  QUEUE_VIEW_NAMES,
  type QueueSort,
  type QueueView,
  queueBatch,
  queuePage,
} from "./request-queue.ts";
export * as schema from "./schema/index.ts";
export * from "./scheme-options.ts";
export * from "./schemes.ts";
export * from "./seed.ts";
export * from "./sessions.ts";
export * from "./transact.ts";
export * from "./users.ts";
export * from "./views.ts";
export * from "./what-if-population.ts";
