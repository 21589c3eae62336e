import type { Page } from "playwright-core";

/**
 * Counts React's commits in `page` through the hook React offers its developer tools (the
 * page's own React calls it at every commit): installed before the page's scripts run.
 */
export const countReactCommits = async (page: Page) => {
  await page.addInitScript(() => {
    const counter = { commits: 0 };
    Object.assign(window, {
      __envolCommits: counter,
      __REACT_DEVTOOLS_GLOBAL_HOOK__: {
        supportsFiber: true,
        renderers: new Map(),
        inject: () => 1,
        onCommitFiberRoot: () => {
          counter.commits += 1;
        },
        onCommitFiberUnmount: () => {},
        onPostCommitFiberRoot: () => {},
        onScheduleFiberRoot: () => {},
        checkDCE: () => {},
      },
    });
  });
  return {
    /** The commits so far. */
    count: () =>
      page.evaluate(
        () => (window as unknown as { __envolCommits: { commits: number } }).__envolCommits.commits,
      ),
  };
};
