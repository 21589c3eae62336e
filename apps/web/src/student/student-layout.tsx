import "./student.css";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useAuthTranslation } from "../auth/auth-texts.ts";
import type { Session } from "../auth/session.ts";
import { SignOutButton } from "../auth/sign-out-button.tsx";
import { useEnvolClient } from "../auth/use-envol-client.ts";
import { exportUrl } from "./student-api.ts";
import { useStudentTranslation } from "./student-texts.ts";

/**
 * The frame of the student's pages: the area's own header (its pages, "download my data",
 * who is signed in and "sign out"), then the page.
 */
export const StudentLayout = ({
  session,
  children,
}: {
  readonly session: Session;
  readonly children: ReactNode;
}) => {
  const { t } = useStudentTranslation();
  const { t: tAuth } = useAuthTranslation();
  const envol = useEnvolClient();
  return (
    <div className="student">
      <div className="area-bar">
        <nav className="area-bar__nav" aria-label={t("nav.label")}>
          <ul>
            <li>
              <Link
                to="/student/applications"
                activeOptions={{ exact: true, includeSearch: false }}
              >
                {t("nav.applications")}
              </Link>
            </li>
            <li>
              <a href={exportUrl(envol)} download aria-describedby="export-hint">
                {t("nav.export")}
              </a>
              <span id="export-hint" className="visually-hidden">
                {t("nav.exportHint")}
              </span>
            </li>
          </ul>
        </nav>
        <div className="area-bar__session">
          <span className="area-bar__who">
            {tAuth("session.signedInAs", { name: session.user.name })}
          </span>
          <SignOutButton />
        </div>
      </div>
      {children}
    </div>
  );
};
