import "../student/student.css";
import { createLazyRoute } from "@tanstack/react-router";
import { loadForCurrentLanguage } from "../auth/area-texts.ts";
import { loadAuthTexts } from "../auth/auth-texts.ts";
import { SignedIn } from "../auth/signed-in.tsx";
import { RouteNotFound } from "../shell/route-states.tsx";
import { ApplicationPage } from "../student/application-page.tsx";
import { ApplicationsPage } from "../student/applications-page.tsx";
import { ApplyPage } from "../student/apply-page.tsx";
import { StudentLayout } from "../student/student-layout.tsx";
import { studentPage } from "../student/student-page.ts";
import { loadStudentTexts, useStudentTranslation } from "../student/student-texts.ts";

// the area's texts in the current language before its first render (French comes with the chunk)
await loadForCurrentLanguage(loadStudentTexts, loadAuthTexts);

/** The session role this area is for (a variable: a literal `role` prop reads as an ARIA role to the linter). */
const STUDENT = "student";

/**
 * The student area, loaded only when visited: a student signs in (the same form whatever page
 * they asked for), then finds their applications, applies with a simulation's answers
 * (`/student/apply?s=…`, see `situation-link.ts`), and follows each application (its requests,
 * documents and history). The pages are chosen by the address after `/student/`.
 */
const StudentArea = () => {
  const { t } = useStudentTranslation();
  const { _splat } = Route.useParams();
  const { s } = Route.useSearch() as { s?: string };
  const page = studentPage(_splat);
  if (page.page === "not-found") return <RouteNotFound />;
  const applying = page.page === "apply";
  return (
    <SignedIn
      role={STUDENT}
      signInTitle={applying ? t("signIn.applyTitle") : t("signIn.title")}
      signInIntro={applying ? <p>{t("signIn.applyIntro")}</p> : undefined}
    >
      {(session) => (
        <StudentLayout session={session}>
          {page.page === "apply" ? (
            <ApplyPage link={s} />
          ) : page.page === "application" ? (
            <ApplicationPage id={page.id} />
          ) : (
            <ApplicationsPage />
          )}
        </StudentLayout>
      )}
    </SignedIn>
  );
};

export const Route = createLazyRoute("/student/$")({ component: StudentArea });
