export * from "./applications.ts";
export * from "./audit.ts";
export * from "./budgets.ts";
export * from "./grant-reviews.ts";
export * from "./outbox.ts";
export * from "./partners.ts";
export * from "./rate-limits.ts";
export * from "./users.ts";
