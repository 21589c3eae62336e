import type { EnvolClient } from "@envol/api-client";
import { problemOf } from "../api/api-problem.ts";

/**
 * The student area's reads and writes, through the typed client of a signed-in student
 * (`useEnvolClient`: the CSRF token and the language on every call), and the shapes they
 * return, taken from the client's own types so that they follow the API.
 */

type JsonOf<R> = R extends { status: 200 | 201; json: () => Promise<infer T> } ? T : never;
type Ok<F extends (...args: never[]) => Promise<unknown>> = JsonOf<Awaited<ReturnType<F>>>;

type Applications = EnvolClient["applications"];
type OneApplication = Applications[":id"];

export type StudentApplication = Ok<Applications["$get"]>[number];
export type StudentRequest = StudentApplication["requests"][number];
export type ApplicationDetail = Ok<OneApplication["$get"]>;
export type ChecklistItem = ApplicationDetail["checklist"][number];
export type StudentDocument = ChecklistItem["documents"][number];
export type HistoryEvent = ApplicationDetail["history"][number];

/** What the student may do with a request from this page. */
export type StudentAction = "submit" | "withdraw" | "sign-agreement";
export const STUDENT_ACTIONS: readonly StudentAction[] = ["submit", "sign-agreement", "withdraw"];

/** The body of a successful answer, or the API's problem thrown. */
const ok = async <R extends Response>(
  res: R,
): Promise<R extends { json: () => Promise<infer T> } ? T : never> => {
  if (res.ok) return res.json() as never;
  throw await problemOf(res);
};

export const listApplications = async (envol: EnvolClient, signal?: AbortSignal) =>
  (await ok(
    await envol.applications.$get(undefined, { init: { signal } }),
  )) as StudentApplication[];

export const getApplication = async (envol: EnvolClient, id: string, signal?: AbortSignal) =>
  (await ok(
    await envol.applications[":id"].$get({ param: { id } }, { init: { signal } }),
  )) as ApplicationDetail;

export const createApplication = async (
  envol: EnvolClient,
  body: Parameters<Applications["$post"]>[0]["json"],
) => (await ok(await envol.applications.$post({ json: body }))) as StudentApplication;

/** Submit, withdraw (with an optional reason) or sign the agreement of one request. */
export const actOnRequest = async (
  envol: EnvolClient,
  {
    id,
    requestId,
    action,
    reason,
  }: {
    readonly id: string;
    readonly requestId: string;
    readonly action: StudentAction;
    readonly reason?: string;
  },
) => {
  const request = envol.applications[":id"].requests[":requestId"];
  const param = { id, requestId };
  const res =
    action === "submit"
      ? await request.submit.$post({ param })
      : action === "withdraw"
        ? await request.withdraw.$post({ param, json: reason ? { reason } : {} })
        : await request["sign-agreement"].$post({ param });
  return (await ok(res)) as StudentRequest;
};

/** Where a document of the checklist is sent (multipart, see `upload-request.ts`). */
export const documentsUrl = (envol: EnvolClient, id: string): string =>
  envol.applications[":id"].documents.$url({ param: { id } }).pathname;

/** Where one of the student's documents is downloaded (an attachment, with the cookie). */
export const documentUrl = (envol: EnvolClient, id: string, documentId: string): string =>
  envol.applications[":id"].documents[":documentId"].$url({ param: { id, documentId } }).pathname;

/** "Download my data": everything Envol keeps about the student, as a JSON attachment. */
export const exportUrl = (envol: EnvolClient): string => envol.me.export.$url().pathname;

export type DocumentRequest = ApplicationDetail["documentRequests"][number];

/** Deletes one of the student's documents the office has not reviewed (a 409 says it has). */
export const deleteDocument = async (envol: EnvolClient, id: string, documentId: string) => {
  const res = await envol.applications[":id"].documents[":documentId"].$delete({
    param: { id, documentId },
  });
  if (res.ok) return;
  throw await problemOf(res);
};

/** The grant agreement of an approved request: its text and amounts, as signed once it is. */
export const getAgreement = async (
  envol: EnvolClient,
  id: string,
  requestId: string,
  signal?: AbortSignal,
) =>
  (await ok(
    await envol.applications[":id"].requests[":requestId"].agreement.$get(
      { param: { id, requestId } },
      { init: { signal } },
    ),
  )) as Agreement;

export type Agreement = Ok<OneApplication["requests"][":requestId"]["agreement"]["$get"]>;

/** What is due from and to the student across their applications, and when. */
export const getNextSteps = async (envol: EnvolClient, signal?: AbortSignal) =>
  (await ok(await envol.me["next-steps"].$get(undefined, { init: { signal } }))) as NextSteps;

type NextSteps = Ok<EnvolClient["me"]["next-steps"]["$get"]>;
export type NextStep = NextSteps["items"][number];

/** The student's rank in each call whose allocation the office applied, explained in `lang`. */
export const getStandings = async (envol: EnvolClient, signal?: AbortSignal) =>
  (await ok(await envol.me.standings.$get(undefined, { init: { signal } }))) as Standings;

type Standings = Ok<EnvolClient["me"]["standings"]["$get"]>;
export type Standing = Standings["standings"][number];
