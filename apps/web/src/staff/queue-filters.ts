import { isAcademicYear, REQUEST_STATES, type RequestState } from "@envol/domain";

/**
 * The queue's filters, sort and page, kept in the address (`/staff/queue?scheme=idf&page=2`) so
 * that a reload, the back button or a link shared with a colleague show the same queue. The
 * parameters are named as the API names them; what the address holds that makes no sense is
 * dropped rather than sent to the API.
 */

export const QUEUE_SORTS = ["updated-desc", "updated-asc", "start-asc"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const DEFAULT_SORT: QueueSort = "updated-desc";

/** Rows per page. */
export const PAGE_SIZE = 20;

export interface QueueFilters {
  readonly scheme?: string;
  readonly state?: RequestState;
  readonly academicYear?: string;
  /** The host's country, ISO 3166-1 alpha-2. */
  readonly destination?: string;
  /** The host partner's catalogue id. */
  readonly partner?: string;
  readonly sort: QueueSort;
  /** 1 for the first page. */
  readonly page: number;
}

export const NO_FILTERS: QueueFilters = { sort: DEFAULT_SORT, page: 1 };

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const COUNTRY = /^[A-Z]{2}$/;

/** The router parses `?page=2` as a number and `?partner=123` too: every value read as text. */
const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined => {
  const s = text(value);
  return s !== undefined && (values as readonly string[]).includes(s) ? (s as T) : undefined;
};

const matching = (pattern: RegExp, value: unknown): string | undefined => {
  const s = text(value);
  return s !== undefined && pattern.test(s) ? s : undefined;
};

/** The filters in the address's search parameters; a missing or meaningless value is no filter. */
export const filtersFromSearch = (search: Readonly<Record<string, unknown>>): QueueFilters => {
  const year = text(search.academicYear);
  const page = Number(text(search.page));
  const scheme = matching(ID, search.scheme);
  const state = oneOf(REQUEST_STATES, search.state);
  const destination = matching(COUNTRY, search.destination);
  const partner = matching(ID, search.partner);
  return {
    ...(scheme !== undefined && { scheme }),
    ...(state !== undefined && { state }),
    ...(year !== undefined && isAcademicYear(year) && { academicYear: year }),
    ...(destination !== undefined && { destination }),
    ...(partner !== undefined && { partner }),
    sort: oneOf(QUEUE_SORTS, search.sort) ?? DEFAULT_SORT,
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
};

type FilterSearch = {
  scheme?: string;
  state?: RequestState;
  academicYear?: string;
  destination?: string;
  partner?: string;
  sort?: string;
  page?: number;
};

/** The search parameters of some filters: only what differs from the plain queue, for short links. */
export const searchFromFilters = (filters: QueueFilters): FilterSearch => ({
  ...(filters.scheme !== undefined && { scheme: filters.scheme }),
  ...(filters.state !== undefined && { state: filters.state }),
  ...(filters.academicYear !== undefined && { academicYear: filters.academicYear }),
  ...(filters.destination !== undefined && { destination: filters.destination }),
  ...(filters.partner !== undefined && { partner: filters.partner }),
  ...(filters.sort !== DEFAULT_SORT && { sort: filters.sort }),
  ...(filters.page > 1 && { page: filters.page }),
});

/**
 * What the address asks for that the queue does not apply (`state=approuvé`, `destination=de`),
 * as `name=value`, to say so rather than drop it silently. A value the plain queue has anyway
 * (the default sort, the first page) is not one.
 */
export const ignoredSearch = (search: Readonly<Record<string, unknown>>): string[] => {
  const kept: Record<string, unknown> = searchFromFilters(filtersFromSearch(search));
  const plain: Record<string, unknown> = { sort: DEFAULT_SORT, page: 1 };
  return Object.entries(search)
    .filter(([name, value]) => !(name in kept) && String(value) !== String(plain[name]))
    .map(([name, value]) => `${name}=${String(value)}`);
};

/** The filter fields one can set or clear (the sort and the page are set otherwise). */
export type FilterField = "scheme" | "state" | "academicYear" | "destination" | "partner";

/** The filters with one field changed (an empty value clears it); any change goes back to page 1. */
export const withFilter = (
  filters: QueueFilters,
  field: FilterField,
  value: string,
): QueueFilters =>
  // read back through the address's rules: a value the address would not keep is not kept here
  filtersFromSearch({
    ...searchFromFilters(filters),
    [field]: value === "" ? undefined : value,
    page: 1,
  });

/** The filters that narrow the queue (the export takes the same, without the page). */
const exportQuery = (filters: QueueFilters): Record<string, string> => {
  const { page: _page, ...rest } = searchFromFilters(filters);
  return { ...rest, sort: filters.sort };
};

/** `GET /api/staff/queue`'s query for the filters' page. */
export const queueQuery = (filters: QueueFilters): Record<string, string> => ({
  ...exportQuery(filters),
  limit: String(PAGE_SIZE),
  offset: String((filters.page - 1) * PAGE_SIZE),
});

/** `GET /api/staff/exports/requests.csv`'s query: every request that the filters keep, all pages. */
export const exportRequestsQuery = exportQuery;

/** How many filters narrow the queue (to say "3 filters" and offer to clear them). */
export const activeFilterCount = (filters: QueueFilters): number =>
  (["scheme", "state", "academicYear", "destination", "partner"] as const).filter(
    (f) => filters[f] !== undefined,
  ).length;

/** The pages of a queue of `total` rows: 1 when empty. */
export const pageCount = (total: number): number => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** The rows a page shows, 1-based and inclusive, for "21–40 of 45". */
export const pageRange = (page: number, total: number): { from: number; to: number } => ({
  from: total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
  to: Math.min(total, page * PAGE_SIZE),
});
