import type { Lang } from "@envol/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { callsQuery } from "../api/calls.ts";
import { schemeNames, schemesQuery } from "../api/schemes.ts";
import { SIGNED_IN } from "../auth/session.ts";
import { useEnvolClient } from "../auth/use-envol-client.ts";
import {
  actOnRequest,
  createApplication,
  getApplication,
  getStandings,
  listApplications,
  type StudentAction,
} from "./student-api.ts";

/**
 * The student area's server data through TanStack Query: cached, refetched after each change.
 * A 401 (the session expired) ends the session in the query client (`main.tsx`), so that the
 * area shows its sign-in form.
 */

export const applicationsKey = [SIGNED_IN, "applications"] as const;
export const applicationKey = (id: string) => [SIGNED_IN, "application", id] as const;

export const useApplications = () => {
  const envol = useEnvolClient();
  return useQuery({
    queryKey: applicationsKey,
    queryFn: ({ signal }) => listApplications(envol, signal),
  });
};

/** One application, in the current language (its eligibility and checklist are translated). */
export const useApplication = (id: string) => {
  const envol = useEnvolClient();
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...applicationKey(id), i18n.language],
    queryFn: ({ signal }) => getApplication(envol, id, signal),
  });
};

/**
 * The student's standings in the allocations applied, by request, their explanations in the
 * current language (ADR 019); none until the office applies an allocation.
 */
export const useStandings = () => {
  const envol = useEnvolClient();
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [SIGNED_IN, "standings", i18n.language],
    queryFn: ({ signal }) => getStandings(envol, signal),
    select: (answer) => new Map(answer.standings.map((s) => [s.requestId, s])),
  });
};

/** The office's calls of a year, by scheme (public; none for a scheme: sending is open). */
export const useCalls = (academicYear: string) => {
  const { i18n } = useTranslation();
  return useQuery({
    ...callsQuery(academicYear, i18n.language as Lang),
    select: (calls) => new Map(calls.map((c) => [c.scheme, c])),
  });
};

/** The schemes' names by id in the current language (public, rarely changing). */
export const useSchemeNames = () => {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return useQuery({ ...schemesQuery(lang), select: schemeNames });
};

/** The application and the list are read again after a change to either. */
export const useRefreshApplication = (id?: string) => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: applicationsKey }),
      id === undefined
        ? Promise.resolve()
        : queryClient.invalidateQueries({ queryKey: applicationKey(id) }),
    ]);
};

export const useCreateApplication = () => {
  const envol = useEnvolClient();
  const refresh = useRefreshApplication();
  return useMutation({
    mutationFn: (body: Parameters<typeof createApplication>[1]) => createApplication(envol, body),
    onSuccess: () => refresh(),
  });
};

export interface RequestActionInput {
  readonly requestId: string;
  readonly action: StudentAction;
  readonly reason?: string;
}

/** Submit, withdraw or sign one request of application `id`; the page is read again after. */
export const useRequestAction = (id: string) => {
  const envol = useEnvolClient();
  const queryClient = useQueryClient();
  const refresh = useRefreshApplication(id);
  return useMutation({
    mutationFn: (input: RequestActionInput) => actOnRequest(envol, { id, ...input }),
    // after a 401 the session's data is already dropped (`main.tsx`): nothing is read again;
    // the calls too, a refusal (409 `call-closed`) saying the office changed one meanwhile
    onSettled: () => {
      void refresh();
      void queryClient.invalidateQueries({ queryKey: ["calls"] });
    },
  });
};
