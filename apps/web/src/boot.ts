/**
 * The page's entry: the stylesheet, then the app once the browser has painted index.html's
 * static first screen (the shell and the simulator's heading, French).
 *
 * The app's scripts are fetched after that paint rather than beside it: on a slow connection
 * they would otherwise share the bandwidth with the stylesheet that the first paint waits for,
 * and the static heading would be replaced before the browser had shown it (so the page's
 * largest paint would wait for React). Vite preloads the app's chunks when `import()` runs.
 */
import "./styles.css";

/** Resolves after the next frame has been painted (a task queued from a frame callback). */
const afterNextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

void afterNextPaint().then(() => import("./main.tsx"));
