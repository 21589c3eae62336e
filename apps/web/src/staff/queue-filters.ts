import {
  isAcademicYear,
  PARTICIPANTS,
  type Participant,
  REQUEST_STATES,
  type RequestState,
} from "@envol/domain";

/**
 * The queue's filters, sort and page, kept in the address (`/staff/queue?scheme=idf&page=2`) so
 * that a reload, the back button or a link shared with a colleague show the same queue. The
 * parameters are named as the API names them; what the address holds that makes no sense is
 * dropped rather than sent to the API.
 */

/**
 * The API's named views (`view=`): the office's work (submitted, under review and what awaits the
 * office), the default; every request but the drafts. Naming states (`state=`) replaces the view.
 */
export const QUEUE_VIEWS = ["to-process", "all"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const DEFAULT_VIEW: QueueView = "to-process";

/** The longest search the API takes. */
const SEARCH_MAX = 200;

export const QUEUE_SORTS = ["updated-desc", "updated-asc", "start-asc"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const DEFAULT_SORT: QueueSort = "updated-desc";

/** Rows per page. */
export const PAGE_SIZE = 20;

export interface QueueFilters {
  /** Which requests without named states: the office's work by default. */
  readonly view: QueueView;
  /** Only these states (never empty), in the lifecycle's order; the view then does not apply. */
  readonly states?: readonly RequestState[];
  /** The student's name or e-mail, as typed (trimmed). */
  readonly search?: string;
  readonly scheme?: string;
  readonly academicYear?: string;
  /** The host's country, ISO 3166-1 alpha-2. */
  readonly destination?: string;
  /** The host partner's catalogue id. */
  readonly partner?: string;
  /** Students' requests or the school's personnel's (ADR 016). */
  readonly participant?: Participant;
  readonly sort: QueueSort;
  /** 1 for the first page. */
  readonly page: number;
}

export const NO_FILTERS: QueueFilters = { view: DEFAULT_VIEW, sort: DEFAULT_SORT, page: 1 };

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

/** `submitted,under_review` as states in the lifecycle's order; undefined if any is unknown. */
const statesOf = (value: unknown): RequestState[] | undefined => {
  const s = text(value);
  if (s === undefined) return undefined;
  const named = new Set(s.split(",").map((x) => x.trim()));
  if (![...named].every((x) => (REQUEST_STATES as readonly string[]).includes(x))) return undefined;
  const states = REQUEST_STATES.filter((x) => named.has(x));
  return states.length > 0 ? states : undefined;
};

const searchOf = (value: unknown): string | undefined => {
  const s = text(value)?.trim();
  return s !== undefined && s !== "" && s.length <= SEARCH_MAX ? s : undefined;
};

/** The filters in the address's search parameters; a missing or meaningless value is no filter. */
export const filtersFromSearch = (search: Readonly<Record<string, unknown>>): QueueFilters => {
  const year = text(search.academicYear);
  const page = Number(text(search.page));
  const scheme = matching(ID, search.scheme);
  const states = statesOf(search.state);
  const typed = searchOf(search.search);
  const destination = matching(COUNTRY, search.destination);
  const partner = matching(ID, search.partner);
  const participant = oneOf(PARTICIPANTS, search.participant);
  return {
    view: oneOf(QUEUE_VIEWS, search.view) ?? DEFAULT_VIEW,
    ...(states !== undefined && { states }),
    ...(typed !== undefined && { search: typed }),
    ...(scheme !== undefined && { scheme }),
    ...(year !== undefined && isAcademicYear(year) && { academicYear: year }),
    ...(destination !== undefined && { destination }),
    ...(partner !== undefined && { partner }),
    ...(participant !== undefined && { participant }),
    sort: oneOf(QUEUE_SORTS, search.sort) ?? DEFAULT_SORT,
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
};

type FilterSearch = {
  view?: QueueView;
  state?: string;
  search?: string;
  scheme?: string;
  academicYear?: string;
  destination?: string;
  partner?: string;
  participant?: Participant;
  sort?: string;
  page?: number;
};

/** The search parameters of some filters: only what differs from the plain queue, for short links. */
export const searchFromFilters = (filters: QueueFilters): FilterSearch => ({
  ...(filters.states !== undefined
    ? { state: filters.states.join(",") }
    : filters.view !== DEFAULT_VIEW && { view: filters.view }),
  ...(filters.search !== undefined && { search: filters.search }),
  ...(filters.scheme !== undefined && { scheme: filters.scheme }),
  ...(filters.academicYear !== undefined && { academicYear: filters.academicYear }),
  ...(filters.destination !== undefined && { destination: filters.destination }),
  ...(filters.partner !== undefined && { partner: filters.partner }),
  ...(filters.participant !== undefined && { participant: filters.participant }),
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
  const plain: Record<string, unknown> = { view: DEFAULT_VIEW, sort: DEFAULT_SORT, page: 1 };
  return Object.entries(search)
    .filter(([name, value]) => !(name in kept) && String(value) !== String(plain[name]))
    .map(([name, value]) => `${name}=${String(value)}`);
};

/** The filter fields one picks from a list (the others are set by their own functions). */
export type FilterField = "participant" | "scheme" | "academicYear" | "destination" | "partner";

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

/** A named view: the states it had named are cleared (back to page 1). */
export const withView = (filters: QueueFilters, view: QueueView): QueueFilters => {
  const { states: _states, ...rest } = filters;
  return { ...rest, view, page: 1 };
};

/** Only these states (none: back to the view), back to page 1. */
export const withStates = (
  filters: QueueFilters,
  states: readonly RequestState[],
): QueueFilters => {
  const { states: _states, ...rest } = filters;
  const kept = REQUEST_STATES.filter((s) => states.includes(s));
  return { ...rest, ...(kept.length > 0 && { states: kept }), page: 1 };
};

/** A search for a student (blank: none), back to page 1. */
export const withSearch = (filters: QueueFilters, typed: string): QueueFilters => {
  const { search: _search, ...rest } = filters;
  const kept = searchOf(typed);
  return { ...rest, ...(kept !== undefined && { search: kept }), page: 1 };
};

/** The filters that narrow the queue (the export takes the same, without the page). */
const exportQuery = (filters: QueueFilters): Record<string, string> => {
  const { page: _page, view: _view, ...rest } = searchFromFilters(filters);
  // the view said even when it is the default: the same rows whatever the API's default
  return {
    ...(filters.states === undefined && { view: filters.view }),
    ...rest,
    sort: filters.sort,
  };
};

/** `GET /api/staff/queue`'s query for the filters' page. */
export const queueQuery = (filters: QueueFilters): Record<string, string> => ({
  ...exportQuery(filters),
  limit: String(PAGE_SIZE),
  offset: String((filters.page - 1) * PAGE_SIZE),
});

/** `GET /api/staff/exports/requests.csv`'s query: every request that the filters keep, all pages. */
export const exportRequestsQuery = exportQuery;

/** How many filters narrow the queue (to say "3 filters" and offer to clear them); not the view. */
export const activeFilterCount = (filters: QueueFilters): number =>
  (
    ["states", "search", "participant", "scheme", "academicYear", "destination", "partner"] as const
  ).filter((f) => filters[f] !== undefined).length;

/** The pages of a queue of `total` rows: 1 when empty. */
export const pageCount = (total: number): number => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** The rows a page shows, 1-based and inclusive, for "21–40 of 45". */
export const pageRange = (page: number, total: number): { from: number; to: number } => ({
  from: total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
  to: Math.min(total, page * PAGE_SIZE),
});

/**
 * The page links to show among `pages`: the first, the last, and two on each side of `page`,
 * with a gap where pages are left out (a queue of 50 pages stays one line wide).
 *
 * @example
 * pageLinks(7, 50) // [1, "gap", 5, 6, 7, 8, 9, "gap", 50]
 */
export const pageLinks = (page: number, pages: number): (number | "gap")[] => {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  return shown.flatMap((p, i) => {
    const before = shown[i - 1];
    if (before === undefined || p === before + 1) return [p];
    // a gap of one page shows that page rather than an ellipsis
    return p === before + 2 ? [before + 1, p] : ["gap" as const, p];
  });
};
