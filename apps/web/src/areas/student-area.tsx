import "../student/student.css";
import { createLazyRoute, Outlet, useMatch } from "@tanstack/react-router";
import { loadForCurrentLanguage } from "../auth/area-texts.ts";
import { loadAuthTexts } from "../auth/auth-texts.ts";
import { SignedIn } from "../auth/signed-in.tsx";
import { loadPersonnelTexts } from "../simulator/personnel/personnel-texts.ts";
import { ApplicationPage } from "../student/application-page.tsx";
import { ApplicationsPage } from "../student/applications-page.tsx";
import { ApplyPage } from "../student/apply-page.tsx";
import { StudentLayout } from "../student/student-layout.tsx";
import { loadStudentTexts, useStudentTranslation } from "../student/student-texts.ts";

// the area's texts in the current language before its first render (French comes with the chunk)
await loadForCurrentLanguage(loadStudentTexts, loadAuthTexts, loadPersonnelTexts);

/**
 * The applicant area ("my area"), loaded only when visited (its routes are in `router.tsx`): a
 * student or a member of the school's personnel (ADR 016) signs in (the same form whatever page
 * they asked for, titled for applying on `/student/apply`), then finds their applications,
 * applies with a simulation's answers, and follows each application (its requests, documents and
 * history). The address keeps its first name, `/student`, which links already hold.
 */
const StudentArea = () => {
  const { t } = useStudentTranslation();
  const applying = useMatch({ from: "/student/apply", shouldThrow: false }) !== undefined;
  return (
    <SignedIn
      area="student"
      signInTitle={applying ? t("signIn.applyTitle") : t("signIn.title")}
      signInIntro={applying ? <p>{t("signIn.applyIntro")}</p> : undefined}
    >
      {(session) => (
        <StudentLayout session={session}>
          <Outlet />
        </StudentLayout>
      )}
    </SignedIn>
  );
};

export const studentLayout = createLazyRoute("/student")({ component: StudentArea });
export const studentHome = createLazyRoute("/student/")({ component: ApplicationsPage });
export const studentApplications = createLazyRoute("/student/applications")({
  component: ApplicationsPage,
});
export const studentApplication = createLazyRoute("/student/applications/$id")({
  component: ApplicationPage,
});
export const studentApply = createLazyRoute("/student/apply")({ component: ApplyPage });
