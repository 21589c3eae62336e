// the back office's shared look first: the pages' own stylesheets build on it
import "../staff/staff-layout.css";
import { createLazyRoute, Outlet } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { loadForCurrentLanguage } from "../auth/area-texts.ts";
import { loadAuthTexts } from "../auth/auth-texts.ts";
import { SignedIn } from "../auth/signed-in.tsx";
import { RoutePending } from "../shell/route-states.tsx";
import { loadPersonnelTexts } from "../simulator/personnel/personnel-texts.ts";
import { ApplicationPage } from "../staff/application/application-page.tsx";
import { BudgetsPage } from "../staff/budgets/budgets-page.tsx";
import { PartnerKeysPage } from "../staff/partner-keys/partner-keys-page.tsx";
import { QueuePage } from "../staff/queue/queue-page.tsx";
import { StaffLayout } from "../staff/staff-layout.tsx";
import { loadStaffTexts, useStaffTranslation } from "../staff/texts/staff-texts.ts";

// the area's texts in the current language before its first render (French comes with the chunk)
await loadForCurrentLanguage(loadStaffTexts, loadAuthTexts, loadPersonnelTexts);

/**
 * The international office's back office, loaded only when visited (its routes are in
 * `router.tsx`): the queue, an application with its decisions and money, the budgets, the calls
 * for applications and the planner (one more chunk each, loaded when that page is visited) and the partners' API
 * keys. Staff only: nobody signed in gets the sign-in form, a student is told the
 * area is the office's.
 */
const StaffArea = () => {
  const { t } = useStaffTranslation();
  return (
    <SignedIn area="staff" signInTitle={t("signIn.title")} signInIntro={<p>{t("signIn.intro")}</p>}>
      {(session) => (
        <StaffLayout user={session.user}>
          <Outlet />
        </StaffLayout>
      )}
    </SignedIn>
  );
};

export const staffLayout = createLazyRoute("/staff")({ component: StaffArea });
export const staffQueue = createLazyRoute("/staff/queue")({ component: QueuePage });
export const staffApplication = createLazyRoute("/staff/applications/$id")({
  component: ApplicationPage,
});
export const staffBudgets = createLazyRoute("/staff/budgets")({ component: BudgetsPage });
export const staffPartnerKeys = createLazyRoute("/staff/partner-keys")({
  component: PartnerKeysPage,
});

/** The calls for applications: a chunk of its own, loaded when its page is first shown. */
const CallsPage = lazy(() =>
  import("../staff/calls/calls-page.tsx").then((m) => ({ default: m.CallsPage })),
);
export const staffCalls = createLazyRoute("/staff/calls")({
  component: () => (
    <Suspense fallback={<RoutePending />}>
      <CallsPage />
    </Suspense>
  ),
});

/** The planner (allocation and what-if): a chunk of its own, loaded when its page is first shown. */
const PlannerPage = lazy(() =>
  import("../staff/planner/planner-page.tsx").then((m) => ({ default: m.PlannerPage })),
);
export const staffPlanner = createLazyRoute("/staff/planner")({
  component: () => (
    <Suspense fallback={<RoutePending />}>
      <PlannerPage />
    </Suspense>
  ),
});
