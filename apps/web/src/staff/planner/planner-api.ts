import type { EnvolClient } from "@envol/api-client";
import type { Lang } from "@envol/domain";
import { queryOptions } from "@tanstack/react-query";
import { ApiProblem, problemOf } from "../../api/api-problem.ts";
import { envol } from "../../api/envol-client.ts";
import { SIGNED_IN } from "../../auth/session.ts";
import { ndjsonValues } from "./ndjson.ts";
import { type ScenarioLine, scenarioLine } from "./scenario.ts";

/**
 * The planner's calls to the API (ADRs 019 and 020): a call's allocation (read, proposed,
 * applied, its CSV), a scheme's options with their JSON Schema (read, saved from a date) and
 * the what-if, read as its NDJSON stream. Keys under the back office's, so a write reads
 * everything again.
 */

const init = (signal: AbortSignal) => ({ init: { signal } });

export const plannerKeys = {
  allocation: (scheme: string, year: string) =>
    [SIGNED_IN, "staff", "allocation", scheme, year] as const,
  options: (scheme: string) => [SIGNED_IN, "staff", "scheme-options", scheme] as const,
};

/** The call's allocation, proposed or applied; null when none is proposed yet (404). */
export const allocationQueryOptions = (
  api: EnvolClient,
  scheme: string,
  academicYear: string,
  lang: Lang,
) =>
  queryOptions({
    queryKey: [...plannerKeys.allocation(scheme, academicYear), lang],
    queryFn: async ({ signal }) => {
      const res = await api.staff.calls[":scheme"][":academicYear"].allocation.$get(
        { param: { scheme, academicYear } },
        init(signal),
      );
      if (res.status === 200) return res.json();
      if (res.status === 404) return null;
      throw await problemOf(res);
    },
  });

export type Allocation = NonNullable<
  Awaited<ReturnType<NonNullable<ReturnType<typeof allocationQueryOptions>["queryFn"]>>>
>;
export type AllocationRow = Allocation["rows"][number];

export type ProposeBody = Parameters<
  EnvolClient["staff"]["calls"][":scheme"][":academicYear"]["allocation"]["$put"]
>[0]["json"];
export type PriorityRuleId = ProposeBody["rules"][number];

/** Proposes the call's allocation (a new version; 422 naming `rules.N`, `moves.N.*`, `moves`). */
export const proposeAllocation = async (
  api: EnvolClient,
  scheme: string,
  academicYear: string,
  body: ProposeBody,
) => {
  const res = await api.staff.calls[":scheme"][":academicYear"].allocation.$put({
    param: { scheme, academicYear },
    json: body,
  });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

/** Applies the version read (409 if it changed, is applied, or a request moved since). */
export const applyAllocation = async (
  api: EnvolClient,
  scheme: string,
  academicYear: string,
  version: number,
) => {
  const res = await api.staff.calls[":scheme"][":academicYear"].allocation.apply.$post({
    param: { scheme, academicYear },
    json: { version },
  });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

/** The allocation's CSV: a link, the browser downloads it with the session's cookie. */
export const allocationCsvHref = (scheme: string, academicYear: string): string => {
  const url = envol.staff.calls[":scheme"][":academicYear"]["allocation.csv"].$url({
    param: { scheme, academicYear },
  });
  return `${url.pathname}${url.search}`;
};

// ---------------------------------------------------------------- options and what-if

export const schemeOptionsQueryOptions = (api: EnvolClient, scheme: string, lang: Lang) =>
  queryOptions({
    queryKey: [...plannerKeys.options(scheme), lang],
    queryFn: async ({ signal }) => {
      const res = await api.staff.schemes[":scheme"].options.$get(
        { param: { scheme } },
        init(signal),
      );
      if (res.status === 200) return res.json();
      throw await problemOf(res);
    },
  });

export type SchemeOptions = Awaited<
  ReturnType<NonNullable<ReturnType<typeof schemeOptionsQueryOptions>["queryFn"]>>
>;

/** Saves options as the scheme's from `since` (422 naming `since`, `options.<name>`, `reason`). */
export const saveSchemeOptions = async (
  api: EnvolClient,
  scheme: string,
  body: { since: string; options: Record<string, number>; reason: string },
) => {
  const res = await api.staff.schemes[":scheme"].options.$post({ param: { scheme }, json: body });
  if (res.status === 200) return res.json();
  throw await problemOf(res);
};

export interface ScenarioAsk {
  readonly scheme: string;
  readonly academicYear: string;
  readonly options: Record<string, number>;
  /** The stays starting on or after this day (ISO) get the scenario's options. */
  readonly since: string;
  readonly envelopeCents: number | null;
  readonly rules: readonly PriorityRuleId[];
}

/**
 * Runs a what-if: bad input is the API's 422 problem (thrown); then each line of the stream is
 * handed to `onLine` as it arrives (progress, then the result or an error). The stream is read
 * with the response's own reader (`fetch`'s ReadableStream), never as one text.
 */
export const runScenario = async (
  api: EnvolClient,
  ask: ScenarioAsk,
  onLine: (line: ScenarioLine) => void,
  signal?: AbortSignal,
): Promise<void> => {
  const res = await api.staff.scenarios.$post(
    {
      json: {
        scheme: ask.scheme,
        academicYear: ask.academicYear,
        options: ask.options,
        since: ask.since,
        ...(ask.envelopeCents === null ? {} : { envelopeCents: ask.envelopeCents }),
        ...(ask.rules.length > 0 ? { rules: [...ask.rules] } : {}),
      },
    },
    signal ? { init: { signal } } : undefined,
  );
  // the stream's 200 is not JSON, so the typed client knows only the refusals' statuses
  if (!res.ok) throw await problemOf(res);
  if (res.body === null) throw new ApiProblem(500, "Empty answer", undefined, []);
  for await (const value of ndjsonValues(res.body)) onLine(scenarioLine(value));
};
