import { createLazyRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../shell/use-document-title.ts";

/** The international office's back office, loaded only when visited. For now a placeholder. */
const StaffArea = () => {
  const { t } = useTranslation();
  useDocumentTitle(t("areas.staff.title"));
  return (
    <div className="placeholder">
      <h1>{t("areas.staff.title")}</h1>
      <p>{t("areas.staff.coming")}</p>
    </div>
  );
};

export const Route = createLazyRoute("/staff/$")({ component: StaffArea });
