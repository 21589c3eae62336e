import type { EnvolClient } from "@envol/api-client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEnvolClient } from "../auth/use-envol-client.ts";
import { staffKeys } from "./staff-api.ts";

/**
 * A write of the back office through the signed-in client: once done, everything the back
 * office read is read again (a decision moves the queue, the application, the budgets and the
 * ledger at once); a session that expired meanwhile is ended by the query client (`main.tsx`),
 * which shows the sign-in form.
 */
export const useStaffWrite = <V, R>(write: (api: EnvolClient, variables: V) => Promise<R>) => {
  const api = useEnvolClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => write(api, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }),
  });
};
