import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The tab's title for a page, in the current language: "<page> — Envol". */
export const useDocumentTitle = (page: string): void => {
  const { t } = useTranslation();
  const name = t("app.name");
  useEffect(() => {
    document.title = `${page} — ${name}`;
  }, [page, name]);
};
