import "./i18n/i18n.ts";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { isProblem, retryUnlessRefused } from "./api/api-problem.ts";
import { sessionEnded } from "./auth/session-cache.ts";
import { router } from "./router.tsx";

/**
 * A 401 from any read or write: the session expired (or was ended elsewhere). It ends here too,
 * for every area at once: no private data is kept, and the page asking for the session shows
 * its sign-in form.
 */
const endSessionOn401 = (error: unknown) => {
  if (isProblem(error, 401)) sessionEnded(queryClient);
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: endSessionOn401 }),
  mutationCache: new MutationCache({ onError: endSessionOn401 }),
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: retryUnlessRefused } },
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// the route is resolved before the first render (its lazy chunk loaded, its search validated):
// otherwise the router resolves it in an effect after mounting and the whole page renders twice,
// the second time in one long synchronous task. Rendered as a transition: React works in slices
// of a few milliseconds, leaving the main thread free between them (the static first screen
// stays until the app replaces it in one commit).
await router.load();
// a task of its own: the modules' start-up above and the first render are two shorter tasks
await new Promise((resolve) => setTimeout(resolve, 0));
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
});
