import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { AppShell } from "./shell/app-shell.tsx";
import { RouteError, RouteNotFound, RoutePending } from "./shell/route-states.tsx";
import { SimulatorPage } from "./simulator/simulator-page.tsx";
import { SITUATION_PARAM } from "./simulator/situation-link.ts";

/**
 * The route tree, in code. The simulator is in the first bundle (it is the front page); the
 * student area and the staff back office are separate chunks, loaded when visited.
 */

/** `?s=…`: a situation carried by a link (see `situation-link.ts`). */
const situationSearch = (search: Record<string, unknown>): { s?: string } => {
  const s = search[SITUATION_PARAM];
  return typeof s === "string" && s !== "" ? { s } : {};
};

const rootRoute = createRootRoute({ component: AppShell });

const simulatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  validateSearch: situationSearch,
  component: SimulatorPage,
});

const studentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/student/$",
  validateSearch: situationSearch,
}).lazy(() => import("./areas/student-area.tsx").then((m) => m.Route));

const staffRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/staff/$",
}).lazy(() => import("./areas/staff-area.tsx").then((m) => m.Route));

const routeTree = rootRoute.addChildren([simulatorRoute, studentRoute, staffRoute]);

export const router = createRouter({
  routeTree,
  defaultPreload: "intent",
  defaultPendingComponent: RoutePending,
  defaultNotFoundComponent: RouteNotFound,
  defaultErrorComponent: RouteError,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
