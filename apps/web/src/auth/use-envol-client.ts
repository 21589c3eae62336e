import { createEnvolClient, type EnvolClient } from "@envol/api-client";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "./session.ts";

/** The headers of a signed-in call: the CSRF token every write needs, and the language to answer in. */
export const signedInHeaders = (
  csrfToken: string | undefined,
  lang: string,
): Record<string, string> => ({
  "Accept-Language": lang,
  ...(csrfToken === undefined ? {} : { "X-CSRF-Token": csrfToken }),
});

/**
 * The typed API client for a signed-in person: every request carries the session's CSRF token
 * (`X-CSRF-Token`, which the API wants on every write made with the session cookie) and asks
 * for answers in the current language. The cookie goes by itself (same origin).
 *
 * @example
 * const envol = useEnvolClient();
 * await envol.applications[":id"].requests[":requestId"].submit.$post({ param: { id, requestId } });
 */
export const useEnvolClient = (): EnvolClient => {
  const { i18n } = useTranslation();
  const csrfToken = useSession().data?.csrfToken;
  const lang = i18n.language;
  return useMemo(
    () => createEnvolClient(window.location.origin, { headers: signedInHeaders(csrfToken, lang) }),
    [csrfToken, lang],
  );
};
