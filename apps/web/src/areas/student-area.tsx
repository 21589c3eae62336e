import { createLazyRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../shell/use-document-title.ts";

/**
 * The student area (applications, documents, decisions), loaded only when visited. For now a
 * placeholder: `/student/apply?s=…` receives the simulator's answers (see `situation-link.ts`).
 */
const StudentArea = () => {
  const { t } = useTranslation();
  useDocumentTitle(t("areas.student.title"));
  return (
    <div className="placeholder">
      <h1>{t("areas.student.title")}</h1>
      <p>{t("areas.student.coming")}</p>
    </div>
  );
};

export const Route = createLazyRoute("/student/$")({ component: StudentArea });
