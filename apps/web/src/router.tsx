import { createRootRoute, createRoute, createRouter, redirect } from "@tanstack/react-router";
import { applicationIdParams } from "./application-id-param.ts";
import { switchLanguage } from "./i18n/i18n.ts";
import { AppShell } from "./shell/app-shell.tsx";
import { RouteError, RouteNotFound, RoutePending } from "./shell/route-states.tsx";
import { SimulatorPage } from "./simulator/simulator-page.tsx";
import { situationSearch } from "./simulator/situation-link.ts";
import { queueSearch } from "./staff/queue-search.ts";

/**
 * The route tree, in code: every address of the app with its parameters and search parameters
 * read here, before any page renders (an address that means nothing is "page not found"). The
 * simulator is in the first bundle (it is the front page); the student area, the staff back
 * office and the schemes' rule pages are one chunk each, loaded when visited, which holds the components of all their
 * routes (`areas/`). The validators here read the address's form only, in plain functions: this
 * file is in the first screen's bundle, which has no room for zod or the domain's rules (see
 * `scripts/bundle-report.ts`); the pages check what the values mean.
 */

const rootRoute = createRootRoute({ component: AppShell });

const simulatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  validateSearch: situationSearch,
  component: SimulatorPage,
});

/* The student area: sign-in, then its own header around each page. */

const studentArea = () => import("./areas/student-area.tsx");

const studentRoute = createRoute({ getParentRoute: () => rootRoute, path: "/student" }).lazy(() =>
  studentArea().then((m) => m.studentLayout),
);

const studentHomeRoute = createRoute({ getParentRoute: () => studentRoute, path: "/" }).lazy(() =>
  studentArea().then((m) => m.studentHome),
);

const studentApplicationsRoute = createRoute({
  getParentRoute: () => studentRoute,
  path: "applications",
}).lazy(() => studentArea().then((m) => m.studentApplications));

const studentApplicationRoute = createRoute({
  getParentRoute: () => studentRoute,
  path: "applications/$id",
  params: applicationIdParams,
}).lazy(() => studentArea().then((m) => m.studentApplication));

/** `/student/apply?s=…`: apply with a simulation's answers (see `situation-link.ts`). */
const studentApplyRoute = createRoute({
  getParentRoute: () => studentRoute,
  path: "apply",
  validateSearch: situationSearch,
}).lazy(() => studentArea().then((m) => m.studentApply));

/* The international office's back office: sign-in (staff only), then its navigation. */

const staffArea = () => import("./areas/staff-area.tsx");

const staffRoute = createRoute({ getParentRoute: () => rootRoute, path: "/staff" }).lazy(() =>
  staffArea().then((m) => m.staffLayout),
);

/** `/staff`: the queue is the back office's first page. */
const staffHomeRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/staff/queue", replace: true });
  },
});

/** `/staff/queue?scheme=idf&page=2`: the filters, sort and page (see `queue-filters.ts`). */
const staffQueueRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "queue",
  validateSearch: queueSearch,
}).lazy(() => staffArea().then((m) => m.staffQueue));

const staffApplicationRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "applications/$id",
  params: applicationIdParams,
}).lazy(() => staffArea().then((m) => m.staffApplication));

/** `/staff/budgets?academicYear=2026-2027` (the current year when none is given). */
const staffBudgetsRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "budgets",
  validateSearch: queueSearch,
}).lazy(() => staffArea().then((m) => m.staffBudgets));

/** `/staff/calls?academicYear=2026-2027`: the calls for applications of a year (ADR 018). */
const staffCallsRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "calls",
  validateSearch: queueSearch,
}).lazy(() => staffArea().then((m) => m.staffCalls));

/** `/staff/planner?scheme=idf&academicYear=2026-2027`: a call's allocation and what-if. */
const staffPlannerRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "planner",
  validateSearch: queueSearch,
}).lazy(() => staffArea().then((m) => m.staffPlanner));

const staffPartnerKeysRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "partner-keys",
}).lazy(() => staffArea().then((m) => m.staffPartnerKeys));

/*
 * The schemes' published rules, one address per language: the path sets the page's language
 * (`/regles` in French, `/rules` in English). One chunk, loaded when visited.
 */

const rulesPages = () => import("./areas/rules-pages.tsx");

/**
 * Arriving on a rule page switches the app to its address's language (remembered, as the
 * language switch does), before it renders; a preload (a link hovered) does not.
 */
const inFrench = ({ preload }: { preload: boolean }) => preload || switchLanguage("fr");
const inEnglish = ({ preload }: { preload: boolean }) => preload || switchLanguage("en");

const rulesFrRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/regles",
  beforeLoad: inFrench,
}).lazy(() => rulesPages().then((m) => m.rulesFr));

const schemeRulesFrRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/regles/$scheme",
  beforeLoad: inFrench,
}).lazy(() => rulesPages().then((m) => m.schemeRulesFr));

const rulesEnRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/rules",
  beforeLoad: inEnglish,
}).lazy(() => rulesPages().then((m) => m.rulesEn));

const schemeRulesEnRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/rules/$scheme",
  beforeLoad: inEnglish,
}).lazy(() => rulesPages().then((m) => m.schemeRulesEn));

const routeTree = rootRoute.addChildren([
  simulatorRoute,
  rulesFrRoute,
  schemeRulesFrRoute,
  rulesEnRoute,
  schemeRulesEnRoute,
  studentRoute.addChildren([
    studentHomeRoute,
    studentApplicationsRoute,
    studentApplicationRoute,
    studentApplyRoute,
  ]),
  staffRoute.addChildren([
    staffHomeRoute,
    staffQueueRoute,
    staffApplicationRoute,
    staffBudgetsRoute,
    staffCallsRoute,
    staffPlannerRoute,
    staffPartnerKeysRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: "intent",
  defaultPendingComponent: RoutePending,
  defaultNotFoundComponent: RouteNotFound,
  defaultErrorComponent: RouteError,
  // an address no route has is "page not found" in place of the whole page, as for a bad
  // parameter: an area's sign-in form is not shown for a page that does not exist
  notFoundMode: "root",
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
