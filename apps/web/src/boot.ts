/**
 * The page's entry: the stylesheets, then the app once the browser has painted index.html's
 * static first screen (the shell and the simulator's heading, French).
 *
 * The app's scripts are fetched after that paint rather than beside it: on a slow connection
 * they would otherwise share the bandwidth with the stylesheet that the first paint waits for,
 * and the static heading would be replaced before the browser had shown it (so the page's
 * largest paint would wait for React). Vite preloads the app's chunks when `import()` runs.
 */
// the shared styles and those of the first screen, in one stylesheet: index.html's static first
// screen (the shell and the simulator's heading) is painted with it before any script, and the
// app's first render (the frame, the simulator's form, a page loading or not found) needs no
// other. Every other component imports its own stylesheet.
import "./base.css";
import "./shell/app-shell.css";
import "./shell/language-switch.css";
import "./shell/route-states.css";
import "./simulator/simulator-page.css";
import "./rules/rules-first-paint.css";
import "./fields.css";

/** Resolves after the next frame has been painted (a task queued from a frame callback). */
const afterNextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

void afterNextPaint().then(() => import("./main.tsx"));
