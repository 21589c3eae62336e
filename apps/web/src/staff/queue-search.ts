/**
 * `/staff/queue`'s search parameters as the route reads them, in the first screen's bundle: the
 * parameters the queue knows, as text (the router parses `?page=2` and `?partner=123` as
 * numbers), the page as a number. Which values make sense (a known state, an academic year the
 * API takes…) is `filtersFromSearch`'s to say, with the domain's rules, in the staff chunk.
 * The budgets, calls and planner routes read theirs with it too (`academicYear`, `scheme`): one
 * reader in the first screen rather than one per page keeps it within its budget.
 */
export type QueueSearch = {
  readonly view?: string;
  readonly state?: string;
  readonly search?: string;
  readonly scheme?: string;
  readonly academicYear?: string;
  readonly destination?: string;
  readonly partner?: string;
  readonly participant?: string;
  readonly sort?: string;
  readonly page?: number;
};

const TEXT_FIELDS = [
  "view",
  "state",
  "search",
  "scheme",
  "academicYear",
  "destination",
  "partner",
  "participant",
  "sort",
] as const;

export const queueSearch = (search: Readonly<Record<string, unknown>>): QueueSearch => {
  const kept: Record<string, string | number> = {};
  for (const field of TEXT_FIELDS) {
    const value = search[field];
    if (typeof value === "string" ? value !== "" : typeof value === "number")
      kept[field] = String(value);
  }
  const page = Number(search.page);
  if (Number.isSafeInteger(page) && page >= 1) kept.page = page;
  return kept;
};
