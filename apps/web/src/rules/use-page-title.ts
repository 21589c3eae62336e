import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/**
 * The tab's title for a rule page, "<page> — Envol", as `shell/use-document-title.ts` writes it.
 * Not imported from there: the first screen's chunk holds that hook with the other modules the
 * areas share, and one more chunk importing it would split it out, over the first screen's
 * budget (`scripts/bundle-report.ts`).
 */
export const usePageTitle = (page: string): void => {
  const { t } = useTranslation();
  const name = t("app.name");
  useEffect(() => {
    document.title = `${page} — ${name}`;
  }, [page, name]);
};
