import { createLazyRoute, Navigate, useParams } from "@tanstack/react-router";
import { loadForCurrentLanguage } from "../auth/area-texts.ts";
import { loadAuthTexts } from "../auth/auth-texts.ts";
import { SignedIn } from "../auth/signed-in.tsx";
import { RouteNotFound } from "../shell/route-states.tsx";
import { ApplicationPage } from "../staff/application/application-page.tsx";
import { BudgetsPage } from "../staff/budgets/budgets-page.tsx";
import { PartnerKeysPage } from "../staff/partner-keys/partner-keys-page.tsx";
import { QueuePage } from "../staff/queue/queue-page.tsx";
import { StaffLayout } from "../staff/staff-layout.tsx";
import { type StaffPage, staffPageOf } from "../staff/staff-pages.ts";
import { loadStaffTexts, useStaffTranslation } from "../staff/texts/staff-texts.ts";

// the area's texts in the current language before its first render (French comes with the chunk)
await loadForCurrentLanguage(loadStaffTexts, loadAuthTexts);

/** The role the area is for (a constant: a `role="…"` prop reads to linters as an ARIA role). */
const STAFF = "staff";

/**
 * The international office's back office, loaded only when visited: the queue, an application
 * with its decisions and money, the budgets and the partners' API keys, each at its address
 * under `/staff/` (one splat route, read by `staffPageOf`). Staff only: nobody signed in gets
 * the sign-in form, a student is told the area is the office's.
 */
const StaffArea = () => {
  const { t } = useStaffTranslation();
  const { _splat } = useParams({ strict: false });
  const page = staffPageOf(_splat);
  if (page.name === "not-found") return <RouteNotFound />;
  return (
    <SignedIn role={STAFF} signInTitle={t("signIn.title")} signInIntro={<p>{t("signIn.intro")}</p>}>
      {(session) =>
        page.name === "home" ? (
          <Navigate to="/staff/$" params={{ _splat: "queue" }} replace />
        ) : (
          <StaffLayout user={session.user}>
            <StaffPageView page={page} />
          </StaffLayout>
        )
      }
    </SignedIn>
  );
};

const StaffPageView = ({
  page,
}: {
  readonly page: Exclude<StaffPage, { name: "home" | "not-found" }>;
}) => {
  switch (page.name) {
    case "queue":
      return <QueuePage />;
    case "application":
      return <ApplicationPage id={page.id} />;
    case "budgets":
      return <BudgetsPage />;
    case "partner-keys":
      return <PartnerKeysPage />;
  }
};

export const Route = createLazyRoute("/staff/$")({ component: StaffArea });
