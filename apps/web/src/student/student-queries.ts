import type { Lang } from "@envol/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiProblem } from "../api/api-problem.ts";
import { envol as publicEnvol } from "../api/envol-client.ts";
import { SIGNED_IN, sessionEnded } from "../auth/session.ts";
import { useEnvolClient } from "../auth/use-envol-client.ts";
import {
  actOnRequest,
  createApplication,
  getApplication,
  listApplications,
  type StudentAction,
} from "./student-api.ts";

/**
 * The student area's server data through TanStack Query: cached, refetched after each change,
 * and a 401 (the session expired) ends the session, so that the area shows its sign-in form.
 */

export const applicationsKey = [SIGNED_IN, "applications"] as const;
export const applicationKey = (id: string) => [SIGNED_IN, "application", id] as const;

/** A 401 from any of these calls: the session is over, on the server and here. */
const useSessionExpiry = (error: unknown) => {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (error instanceof ApiProblem && error.status === 401) sessionEnded(queryClient);
  }, [error, queryClient]);
};

export const useApplications = () => {
  const envol = useEnvolClient();
  const query = useQuery({
    queryKey: applicationsKey,
    queryFn: ({ signal }) => listApplications(envol, signal),
  });
  useSessionExpiry(query.error);
  return query;
};

/** One application, in the current language (its eligibility and checklist are translated). */
export const useApplication = (id: string) => {
  const envol = useEnvolClient();
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: [...applicationKey(id), i18n.language],
    queryFn: ({ signal }) => getApplication(envol, id, signal),
  });
  useSessionExpiry(query.error);
  return query;
};

/** The schemes' names by id in the current language (public, rarely changing). */
export const useSchemeNames = () => {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return useQuery({
    queryKey: ["schemes", "names", lang],
    queryFn: async ({ signal }) => {
      const res = await publicEnvol.schemes.$get(
        { query: {} },
        { headers: { "Accept-Language": lang }, init: { signal } },
      );
      if (!res.ok) throw new Error(`schemes: HTTP ${String(res.status)}`);
      return new Map((await res.json()).map((s) => [s.id, s.name]));
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
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
  const queryClient = useQueryClient();
  const refresh = useRefreshApplication();
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof createApplication>[1]) => createApplication(envol, body),
    onSuccess: () => refresh(),
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 401) sessionEnded(queryClient);
    },
  });
  return mutation;
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
    onSettled: (_data, error) => {
      if (error instanceof ApiProblem && error.status === 401) sessionEnded(queryClient);
      else void refresh();
    },
  });
};
