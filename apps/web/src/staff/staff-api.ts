import type { EnvolClient } from "@envol/api-client";
import type { Lang } from "@envol/domain";
import { queryOptions } from "@tanstack/react-query";
import { problemOf } from "../api/api-problem.ts";
import { envol } from "../api/envol-client.ts";
import { SIGNED_IN } from "../auth/session.ts";
import type { QueueFilters } from "./queue-filters.ts";
import { exportRequestsQuery, queueQuery } from "./queue-filters.ts";

/**
 * The back office's calls to the API (`/api/staff/…`): TanStack Query options for the reads,
 * plain functions for the writes, all made with the signed-in client of `useEnvolClient()` (it
 * sends the session's CSRF token and asks for answers in the current language, `lang` here). A
 * refusal is thrown as an `ApiProblem`. Every key starts with `SIGNED_IN`: signing out drops
 * them all.
 */

const init = (signal: AbortSignal) => ({ init: { signal } });

export const staffKeys = {
  all: [SIGNED_IN, "staff"] as const,
  queue: (filters: QueueFilters) => [SIGNED_IN, "staff", "queue", filters] as const,
  application: (id: string) => [SIGNED_IN, "staff", "application", id] as const,
  ledger: (requestId: string) => [SIGNED_IN, "staff", "ledger", requestId] as const,
  payments: (requestId: string) => [SIGNED_IN, "staff", "payments", requestId] as const,
  budgets: (academicYear: string) => [SIGNED_IN, "staff", "budgets", academicYear] as const,
  partnerKeys: [SIGNED_IN, "staff", "partner-keys"] as const,
  calls: (academicYear: string) => [SIGNED_IN, "staff", "calls", academicYear] as const,
};

// ---------------------------------------------------------------- reads

export const queueQueryOptions = (api: EnvolClient, filters: QueueFilters) =>
  queryOptions({
    queryKey: staffKeys.queue(filters),
    queryFn: async ({ signal }) => {
      const res = await api.staff.queue.$get({ query: queueQuery(filters) }, init(signal));
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
  });

/** The application; its live eligibility report is written in `lang`. */
export const applicationQueryOptions = (api: EnvolClient, id: string, lang: Lang) =>
  queryOptions({
    queryKey: [...staffKeys.application(id), lang],
    queryFn: async ({ signal }) => {
      const res = await api.staff.applications[":id"].$get({ param: { id } }, init(signal));
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
  });

export const ledgerQueryOptions = (api: EnvolClient, requestId: string) =>
  queryOptions({
    queryKey: staffKeys.ledger(requestId),
    queryFn: async ({ signal }) => {
      const res = await api.staff.requests[":id"].ledger.$get(
        { param: { id: requestId } },
        init(signal),
      );
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
  });

/** What the next payment would be (the advance's default, the balance), to confirm it. */
export const paymentsDueQueryOptions = (api: EnvolClient, requestId: string) =>
  queryOptions({
    queryKey: staffKeys.payments(requestId),
    queryFn: async ({ signal }) => {
      const res = await api.staff.requests[":id"].payments.$get(
        { param: { id: requestId } },
        init(signal),
      );
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
  });

export type PaymentsDue = Awaited<
  ReturnType<NonNullable<ReturnType<typeof paymentsDueQueryOptions>["queryFn"]>>
>;

export const budgetsQueryOptions = (api: EnvolClient, academicYear: string) =>
  queryOptions({
    queryKey: staffKeys.budgets(academicYear),
    queryFn: async ({ signal }) => {
      const res = await api.staff.budgets.$get({ query: { academicYear } }, init(signal));
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
  });

/** The calls for applications of a year (ADR 018), with their reminders' setting. */
export const callsQueryOptions = (api: EnvolClient, academicYear: string, lang: Lang) =>
  queryOptions({
    // the schemes' names are in the language asked
    queryKey: [...staffKeys.calls(academicYear), lang],
    queryFn: async ({ signal }) => {
      const res = await api.staff.calls.$get({ query: { academicYear } }, init(signal));
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
  });

export const partnerKeysQueryOptions = (api: EnvolClient) =>
  queryOptions({
    queryKey: staffKeys.partnerKeys,
    queryFn: async ({ signal }) => {
      const res = await api.staff["partner-keys"].$get({ query: {} }, init(signal));
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
  });

type Data<F extends (...args: never[]) => { queryFn?: unknown }> = Awaited<
  ReturnType<Extract<ReturnType<F>["queryFn"], (...args: never[]) => unknown>>
>;

export type QueuePage = Data<typeof queueQueryOptions>;
export type QueueItem = QueuePage["items"][number];
export type ApplicationDetail = Data<typeof applicationQueryOptions>;
export type StaffRequest = ApplicationDetail["requests"][number];
export type Budget = Data<typeof budgetsQueryOptions>[number];
export type StaffCall = Data<typeof callsQueryOptions>[number];
export type PartnerKey = Data<typeof partnerKeysQueryOptions>[number];

// ---------------------------------------------------------------- links

const pathOf = (url: URL): string => `${url.pathname}${url.search}`;

/** The CSV of every request the filters keep, all pages: a link, the browser downloads it. */
export const requestsCsvHref = (filters: QueueFilters): string =>
  pathOf(envol.staff.exports["requests.csv"].$url({ query: exportRequestsQuery(filters) }));

export const budgetsCsvHref = (academicYear: string): string =>
  pathOf(envol.staff.exports["budgets.csv"].$url({ query: { academicYear } }));

/** A document the student uploaded: an attachment, downloaded with the session's cookie. */
export const documentHref = (applicationId: string, documentId: string): string =>
  pathOf(
    envol.staff.applications[":id"].documents[":documentId"].$url({
      param: { id: applicationId, documentId },
    }),
  );

// ---------------------------------------------------------------- writes

export type Decision = Parameters<
  EnvolClient["staff"]["requests"][":id"]["decision"]["$post"]
>[0]["json"];

export const decide = async (api: EnvolClient, requestId: string, decision: Decision) => {
  const res = await api.staff.requests[":id"].decision.$post({
    param: { id: requestId },
    json: decision,
  });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

export const recalculate = async (
  api: EnvolClient,
  requestId: string,
  body: {
    actualStart: string;
    actualEnd: string;
    useCurrentOptions?: boolean;
    actualTeachingHours?: number;
  },
) => {
  const res = await api.staff.requests[":id"].recalculation.$post({
    param: { id: requestId },
    json: body,
  });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

export type Recalculation = Awaited<ReturnType<typeof recalculate>>;

export const pay = async (
  api: EnvolClient,
  requestId: string,
  body: { instalment: "advance" | "balance"; amountCents?: number; expectedCents?: number },
) => {
  const res = await api.staff.requests[":id"].payments.$post({
    param: { id: requestId },
    json: body,
  });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

export type Payment = Awaited<ReturnType<typeof pay>>;

export const setEnvelope = async (
  api: EnvolClient,
  scheme: string,
  academicYear: string,
  body: { envelopeCents: number; promoteWaitlisted?: boolean },
) => {
  const res = await api.staff.budgets[":scheme"][":academicYear"].$put({
    param: { scheme, academicYear },
    json: body,
  });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

export type CallTerms = Parameters<
  EnvolClient["staff"]["calls"][":scheme"][":academicYear"]["$put"]
>[0]["json"];

/** Opens a scheme's call for a year, or changes it (a 422 names each wrong field). */
export const setCall = async (
  api: EnvolClient,
  scheme: string,
  academicYear: string,
  terms: CallTerms,
) => {
  const res = await api.staff.calls[":scheme"][":academicYear"].$put({
    param: { scheme, academicYear },
    json: terms,
  });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

export const createPartnerKey = async (
  api: EnvolClient,
  body: { partnerId: string; label: string },
) => {
  const res = await api.staff["partner-keys"].$post({ json: body });
  if (res.status === 201) return res.json();
  throw await problemOf(res);
};

export type CreatedPartnerKey = Awaited<ReturnType<typeof createPartnerKey>>;

export const revokePartnerKey = async (api: EnvolClient, id: string) => {
  const res = await api.staff["partner-keys"][":id"].$delete({ param: { id } });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

/** Asks the student for a document: a checklist item, a message and a due date (e-mailed). */
export const requestDocument = async (
  api: EnvolClient,
  applicationId: string,
  body: { kind: string; message: string; dueDate: string },
) => {
  const res = await api.staff.applications[":id"]["document-requests"].$post({
    param: { id: applicationId },
    json: body,
  });
  if (res.status === 201) return res.json();
  throw await problemOf(res);
};

/** Marks a document reviewed: the student can no longer replace or delete it. */
export const reviewDocument = async (
  api: EnvolClient,
  applicationId: string,
  documentId: string,
) => {
  const res = await api.staff.applications[":id"].documents[":documentId"].review.$post({
    param: { id: applicationId, documentId },
  });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

/** The office confirms a host's statement that would raise the grant: recomputed on its dates. */
export const confirmStatement = async (api: EnvolClient, requestId: string) => {
  const res = await api.staff.requests[":id"].statement.confirmation.$post({
    param: { id: requestId },
  });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

/** The office rejects a host's statement, with a reason; the grant is unchanged. */
export const rejectStatement = async (api: EnvolClient, requestId: string, reason: string) => {
  const res = await api.staff.requests[":id"].statement.rejection.$post({
    param: { id: requestId },
    json: { reason },
  });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

/** The office dismisses a stale grant's flag, with a reason; the grant is unchanged. */
export const dismissFlag = async (api: EnvolClient, requestId: string, reason: string) => {
  const res = await api.staff.requests[":id"].flag.dismissal.$post({
    param: { id: requestId },
    json: { reason },
  });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};
