import "./i18n/i18n.ts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { retryUnlessRefused } from "./api/api-problem.ts";
import { router } from "./router.tsx";

const queryClient = new QueryClient({
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
