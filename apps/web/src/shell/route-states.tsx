// its stylesheet (route-states.css) comes with the entry, boot.ts, as the rest of the frame's
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "./use-document-title.ts";

/** What the router shows while an area loads, for an unknown address, and when a page fails. */

export const RoutePending = () => {
  const { t } = useTranslation();
  return (
    <p className="route-pending" role="status">
      {t("app.loading")}
    </p>
  );
};

export const RouteNotFound = () => {
  const { t } = useTranslation();
  useDocumentTitle(t("app.notFound.title"));
  return (
    <div className="placeholder">
      <h1>{t("app.notFound.title")}</h1>
      <p>{t("app.notFound.body")}</p>
      <p>
        <Link to="/">{t("app.notFound.back")}</Link>
      </p>
    </div>
  );
};

export const RouteError = () => {
  const { t } = useTranslation();
  return (
    <div className="placeholder" role="alert">
      <h1>{t("app.error.title")}</h1>
      <p>{t("app.error.body")}</p>
    </div>
  );
};
