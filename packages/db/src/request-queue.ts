import {
  isPartnerHost,
  type Participant,
  participantOf,
  type RequestState,
  type Situation,
} from "@envol/domain";
import { and, asc, desc, eq, exists, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import type { AppDatabase } from "./database.ts";
import {
  applications,
  documents,
  grantReviews,
  ledgerEntries,
  schemeRequests,
  users,
} from "./schema/index.ts";
import { nameWords, studentSearch } from "./student-search.ts";
import { type RequestView, requestView } from "./views.ts";

/**
 * Something about the request's grant awaits the office (ADR 012): a host's statement that
 * would raise it, or a flag another grant's recalculation left.
 */
const awaitingOffice = exists(
  sql`(select 1 from ${grantReviews} where ${grantReviews.requestId} = ${schemeRequests.id} and ${grantReviews.state} = 'pending')`,
);

/**
 * The queue's named views: what a view keeps, as one condition. `to-process` is the office's
 * work, the default when no state is asked for: the requests to decide and the grants whose
 * review awaits it; `all` is every request but the drafts, which the office only sees when it
 * names the state.
 */
export const QUEUE_VIEWS = {
  "to-process": or(
    inArray(schemeRequests.state, ["submitted", "under_review"]),
    awaitingOffice,
  ) as SQL,
  all: ne(schemeRequests.state, "draft"),
} satisfies Record<string, SQL>;

export type QueueView = keyof typeof QUEUE_VIEWS;
export const QUEUE_VIEW_NAMES = Object.keys(QUEUE_VIEWS) as QueueView[];

export const QUEUE_SORTS = ["updated-desc", "updated-asc", "start-asc"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/**
 * The deepest row a page may start at (50 pages of 20): past it, a filter or a search finds a
 * request sooner than paging does, and no page walks thousands of rows to skip them.
 */
export const MAX_QUEUE_OFFSET = 1_000;

/**
 * The count stops there: past it, the queue says "more than 1 000" (counting every request of
 * a 100 000-row queue on each page would cost more than the page).
 */
export const QUEUE_COUNT_LIMIT = 1_000;

export interface QueueFilter {
  readonly scheme?: string;
  /** Only these states (drafts included when named). */
  readonly states?: readonly RequestState[];
  /** A named view; with `states`, both apply. */
  readonly view?: QueueView;
  /** The student's name or e-mail (see `studentSearch`). */
  readonly search?: string;
  readonly academicYear?: string;
  readonly destinationCountry?: string;
  readonly hostPartnerId?: string;
  /** Only the students' applications, or only the personnel's (ADR 016). */
  readonly participant?: Participant;
  readonly sort?: QueueSort;
  readonly limit?: number;
  readonly offset?: number;
}

export interface QueueRow {
  readonly request: RequestView;
  /** Whose application it is: a student's, or a member of the personnel's (ADR 016). */
  readonly participant: Participant;
  /** The applicant: a student, or a member of the personnel. */
  readonly studentId: string;
  readonly studentName: string;
  readonly studentEmail: string;
  readonly situation: Situation;
  readonly academicYear: string;
  readonly destinationCountry: string;
  readonly hostPartnerId: string | null;
  /**
   * A host typed by hand is named in the situation only: its name, else its city (empty when
   * it has neither). Null for a catalogue partner, which the catalogue names.
   */
  readonly hostName: string | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly actualStartDate: string | null;
  readonly actualEndDate: string | null;
  /** The checklist items the application's documents answer, each once. */
  readonly uploadedKinds: readonly string[];
  /** What the ledger records as paid on the request (advance and balance). */
  readonly paidCents: number;
  /** A host's statement or a stale grant's flag awaits the office's look (ADR 012). */
  readonly awaitingOffice: boolean;
}

/** Where a page read in the queue's order ended: the next page starts after it. */
export interface QueueCursor {
  /** The sort's key of the last row, as the database wrote it (to the microsecond). */
  readonly key: string;
  readonly applicationId: string;
  readonly requestId: string;
}

/**
 * The students a search finds: their ids when they are few (the planner then starts from their
 * applications), else the look-up itself as a subquery.
 */
const studentsFound = async (db: AppDatabase, search: string) => {
  const { nameQuery, emailPrefix } = studentSearch(search);
  // a range of `users_email_prefix` (text_pattern_ops): indexed whatever the plan's parameters
  const email = sql`(lower(${users.email}) ~>=~ ${emailPrefix} and lower(${users.email}) ~<~ ${`${emailPrefix}\u{10FFFF}`})`;
  // each side through its own index: a union, not an OR that the planner may answer by reading
  // every name
  const byEmail = db.select({ id: users.id }).from(users).where(email);
  const found =
    nameQuery === null
      ? byEmail
      : union(
          db
            .select({ id: users.id })
            .from(users)
            .where(sql`${nameWords(users.name)} @@ to_tsquery('simple', ${nameQuery})`),
          byEmail,
        );
  const few = await db
    .select({ id: sql<string>`id` })
    .from(found.as("found"))
    .limit(FEW_STUDENTS + 1);
  return few.length <= FEW_STUDENTS ? few.map((r) => r.id) : found;
};

/**
 * A personnel member's application is one whose situation has the `personnel` block (ADR 016);
 * written as the `applications_personnel` index's predicate, so that the planner uses it.
 */
const isPersonnelApplication = sql`${applications.situation} ? 'personnel'`;

/** Up to this many students found, the queue looks their applications up by id. */
const FEW_STUDENTS = 500;

const conditionOf = async (db: AppDatabase, filter: QueueFilter): Promise<SQL | undefined> => {
  const students = filter.search === undefined ? undefined : await studentsFound(db, filter.search);
  if (Array.isArray(students) && students.length === 0) return sql`false`;
  const where: SQL[] = [];
  if (filter.scheme) where.push(eq(schemeRequests.scheme, filter.scheme));
  if (filter.states) where.push(inArray(schemeRequests.state, [...filter.states]));
  if (filter.view) where.push(QUEUE_VIEWS[filter.view]);
  if (filter.academicYear) where.push(eq(applications.academicYear, filter.academicYear));
  if (filter.destinationCountry)
    where.push(eq(applications.destinationCountry, filter.destinationCountry));
  if (filter.hostPartnerId) where.push(eq(applications.hostPartnerId, filter.hostPartnerId));
  if (filter.participant === "personnel") where.push(isPersonnelApplication);
  if (filter.participant === "student") where.push(sql`not (${isPersonnelApplication})`);
  if (Array.isArray(students)) where.push(inArray(applications.studentId, students as string[]));
  else if (students !== undefined) where.push(sql`${applications.studentId} in (${students})`);
  return where.length > 0 ? and(...where) : undefined;
};

/** The sort's key, read as text so that a cursor keeps its microseconds. */
const sortKey = (sort: QueueSort): SQL<string> =>
  sort === "start-asc"
    ? sql<string>`${applications.startDate}::text`
    : sql<string>`${schemeRequests.updatedAt}::text`;

/**
 * The queue's order, each with a unique tie-break that an index walks: by last change (both
 * ways, on `scheme_requests_updated`) or by the stay's start (`applications_start`, then the
 * application's requests).
 */
const orderOf = (sort: QueueSort): SQL[] =>
  sort === "updated-asc"
    ? [asc(schemeRequests.updatedAt), asc(schemeRequests.id)]
    : sort === "start-asc"
      ? [asc(applications.startDate), asc(applications.id), asc(schemeRequests.id)]
      : [desc(schemeRequests.updatedAt), desc(schemeRequests.id)];

/** The rows after `cursor` in the sort's order. */
const afterCursor = (sort: QueueSort, cursor: QueueCursor): SQL =>
  sort === "updated-asc"
    ? sql`(${schemeRequests.updatedAt}, ${schemeRequests.id}) > (${cursor.key}::timestamptz, ${cursor.requestId}::uuid)`
    : sort === "start-asc"
      ? sql`(${applications.startDate}, ${applications.id}, ${schemeRequests.id}) > (${cursor.key}::date, ${cursor.applicationId}::uuid, ${cursor.requestId}::uuid)`
      : sql`(${schemeRequests.updatedAt}, ${schemeRequests.id}) < (${cursor.key}::timestamptz, ${cursor.requestId}::uuid)`;

const select = (db: AppDatabase) =>
  db
    .select({
      request: schemeRequests,
      application: applications,
      studentName: users.name,
      studentEmail: users.email,
      key: sortKey("updated-desc"),
      startKey: sortKey("start-asc"),
      uploadedKinds: sql<
        string[] | null
      >`(select array_agg(distinct ${documents.kind}) from ${documents} where ${documents.applicationId} = ${applications.id})`,
      paidCents: sql<string>`(select coalesce(sum(${ledgerEntries.amountCents}), 0) from ${ledgerEntries} where ${ledgerEntries.requestId} = ${schemeRequests.id} and ${ledgerEntries.kind} = 'payment')`,
      awaitingOffice: sql<boolean>`${awaitingOffice}`,
    })
    .from(schemeRequests)
    .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
    .innerJoin(users, eq(users.id, applications.studentId));

type Selected = Awaited<ReturnType<ReturnType<typeof select>["execute"]>>[number];

const rowOf = ({ request, application, ...r }: Selected): QueueRow => {
  const host = application.situation.mobility.host;
  return {
    request: requestView(request),
    participant: participantOf(application.situation),
    studentId: application.studentId,
    studentName: r.studentName,
    studentEmail: r.studentEmail,
    situation: application.situation,
    academicYear: application.academicYear,
    destinationCountry: application.destinationCountry,
    hostPartnerId: application.hostPartnerId,
    hostName: isPartnerHost(host) ? null : (host.name ?? host.city ?? ""),
    startDate: application.startDate,
    endDate: application.endDate,
    actualStartDate: application.actualStartDate,
    actualEndDate: application.actualEndDate,
    uploadedKinds: r.uploadedKinds ?? [],
    paidCents: Number(r.paidCents),
    awaitingOffice: Boolean(r.awaitingOffice),
  };
};

/**
 * How many requests match, counted up to `QUEUE_COUNT_LIMIT` (past it, "more than"), joining
 * applications only when the filter reads them.
 */
const countOf = async (db: AppDatabase, filter: QueueFilter, condition: SQL | undefined) => {
  const withApplication =
    filter.academicYear !== undefined ||
    filter.destinationCountry !== undefined ||
    filter.hostPartnerId !== undefined ||
    filter.participant !== undefined ||
    filter.search !== undefined;
  let q = db.select({ one: sql`1` }).from(schemeRequests).$dynamic();
  if (withApplication)
    q = q.innerJoin(applications, eq(applications.id, schemeRequests.applicationId));
  const counted = q
    .where(condition)
    .limit(QUEUE_COUNT_LIMIT + 1)
    .as("counted");
  const n = Number((await db.select({ n: sql<string>`count(*)` }).from(counted))[0]?.n ?? 0);
  return { total: Math.min(n, QUEUE_COUNT_LIMIT), more: n > QUEUE_COUNT_LIMIT };
};

/** The full rows of some requests, in the order of `ids`. */
const rowsOf = async (db: AppDatabase, ids: readonly string[]): Promise<QueueRow[]> => {
  if (ids.length === 0) return [];
  const found = await select(db).where(inArray(schemeRequests.id, [...ids]));
  const byId = new Map(found.map((r) => [r.request.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [rowOf(row)] : [];
  });
};

/**
 * One page of the staff queue and how many requests match: filtered, sorted, from `offset`
 * (at most `MAX_QUEUE_OFFSET`), at most 200 rows. The page's requests are found first, by
 * their ids alone (what the indexes answer), then read in full: the rows skipped before the
 * page cost an index entry each, not their documents and payments.
 */
export const queuePage = async (
  db: AppDatabase,
  filter: QueueFilter,
): Promise<{
  readonly rows: readonly QueueRow[];
  readonly total: number;
  readonly more: boolean;
}> => {
  const condition = await conditionOf(db, filter);
  const sort = filter.sort ?? "updated-desc";
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const offset = Math.min(Math.max(filter.offset ?? 0, 0), MAX_QUEUE_OFFSET);
  const ids = await db
    .select({ id: schemeRequests.id })
    .from(schemeRequests)
    .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
    .where(condition)
    .orderBy(...orderOf(sort))
    .limit(limit)
    .offset(offset);
  const rows = await rowsOf(
    db,
    ids.map((r) => r.id),
  );
  return { rows, ...(await countOf(db, filter, condition)) };
};

/**
 * The queue's rows after `cursor` (from the first without one), `size` of them, in the sort's
 * order, and where they end: what an export reads batch after batch, each batch found by the
 * index rather than by skipping the rows before it.
 */
export const queueBatch = async (
  db: AppDatabase,
  filter: Omit<QueueFilter, "limit" | "offset">,
  cursor: QueueCursor | null,
  size: number,
): Promise<{ readonly rows: readonly QueueRow[]; readonly next: QueueCursor | null }> => {
  const sort = filter.sort ?? "updated-desc";
  const condition = await conditionOf(db, filter);
  const rows = await select(db)
    .where(cursor ? and(condition, afterCursor(sort, cursor)) : condition)
    .orderBy(...orderOf(sort))
    .limit(size);
  const last = rows.at(-1);
  return {
    rows: rows.map(rowOf),
    next:
      last && rows.length === size
        ? {
            key: sort === "start-asc" ? last.startKey : last.key,
            applicationId: last.application.id,
            requestId: last.request.id,
          }
        : null,
  };
};
