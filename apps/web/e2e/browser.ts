/** Debian's Chromium driven by playwright-core: never a downloaded browser. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import { CHROMIUM } from "./server.ts";

/**
 * Debian's Chromium; with `ENVOL_E2E_CPU_THROTTLE=4` every page's CPU is slowed four times
 * (DevTools' `Emulation.setCPUThrottlingRate`), to meet on an idle machine the timings of a
 * loaded CI one: `ENVOL_E2E_CPU_THROTTLE=4 pnpm exec vitest run -c vitest.e2e.config.ts …`.
 */
export const launch = async (): Promise<Browser> => {
  const browser = await launchChromium();
  const rate = Number(process.env.ENVOL_E2E_CPU_THROTTLE ?? 0);
  if (rate > 1) slowEveryPage(browser, rate);
  return browser;
};

const slowEveryPage = (browser: Browser, rate: number) => {
  const slow = async (page: Page) => {
    const session = await page.context().newCDPSession(page);
    await session.send("Emulation.setCPUThrottlingRate", { rate });
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on("page", (page) => void slow(page));
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    await slow(page);
    return page;
  };
};

const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/**
 * The page's accessibility violations (WCAG 2.1 A and AA), by axe-core: each rule with how many
 * elements break it and the first few of them (their CSS selectors), to find them.
 */
export const axeViolations = async (page: Page) => {
  // evaluated through the DevTools protocol: the page's CSP (rightly) refuses injected <script> tags
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            o: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(" ")),
    }));
  });
};
