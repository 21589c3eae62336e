/**
 * Shared by the browser tests: the demo accounts, the rulebook's first worked example, a
 * browser context in one language, signing in.
 */
import { formatMoney, type Lang } from "@envol/domain";
import { WORKED_EXAMPLE_1 } from "@envol/domain/reference";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

/** The accounts the server's demo data creates (see `packages/db/src/seed.ts`). */
export const DEMO = {
  student: { email: "etudiante@demo.envol.fr", password: "demo-etudiante" },
  /** Two of Camille Martin's classmates, who sign in with her password: the planner's cohort. */
  ines: { email: "ines.moreau@demo.envol.fr", password: "demo-etudiante" },
  lucas: { email: "lucas.bernard@demo.envol.fr", password: "demo-etudiante" },
  staff: { email: "dri@demo.envol.fr", password: "demo-dri" },
  /** Claire Martin, enseignante-chercheuse: the demo member of the personnel (ADR 016). */
  personnel: { email: "claire.martin@demo.envol.fr", password: "demo-personnel" },
} as const;

/** The rulebook's first worked example, as a shared link carries it (no asOf: the link's reader's today). */
const { asOf: _, ...example } = WORKED_EXAMPLE_1;
export const EXAMPLE = example;

/**
 * The best plan's total for the first worked example, as the server's API computes it, written
 * as the page writes it in `lang` (any space matching the page's no-break ones). The page is
 * checked against the API rather than against the rulebook's figure, so that registering
 * another scheme that also funds the stay changes both alike.
 */
export const exampleTotal = async (serverUrl: string, lang: Lang): Promise<RegExp> => {
  const response = await fetch(`${serverUrl}/api/simulations`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": lang },
    body: JSON.stringify(EXAMPLE),
  });
  if (!response.ok) throw new Error(`POST /api/simulations answered ${response.status}`);
  const report = (await response.json()) as { plan: { totalCents: number } };
  return written(formatMoney(report.plan.totalCents, lang));
};

/** A text as a pattern that matches the page's no-break spaces wherever the text has a space. */
export const written = (text: string): RegExp =>
  new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s/g, "\\s"));

/** A fresh context (no session) in `lang`, the choice remembered as the language switch does. */
export const contextIn = async (
  browser: Browser,
  lang: "fr" | "en",
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
) => {
  const context = await browser.newContext({
    locale: lang === "fr" ? "fr-FR" : "en-GB",
    timezoneId: "Europe/Paris",
    viewport,
  });
  await context.addInitScript((l) => localStorage.setItem("envol.lang", l), lang);
  return context;
};

export const frenchContext = (browser: Browser) => contextIn(browser, "fr");

/** Fills the page's sign-in form (French or English) and sends it. */
export const signIn = async (page: Page, email: string, password: string) => {
  await page.getByLabel(/Adresse électronique|Email address/).fill(email);
  await page.getByLabel(/Mot de passe|Password/).fill(password);
  await page.getByRole("button", { name: /Se connecter|Sign in/ }).click();
};

/**
 * The CSRF token of the context's session, once signing in has opened it (the session answers
 * with its user): the API's writes sent from the test ask for it in `x-csrf-token`.
 */
export const csrfTokenOf = async (context: BrowserContext, serverUrl: string): Promise<string> => {
  let csrfToken = "";
  await expect
    .poll(
      async () => {
        const r = await context.request.get(`${serverUrl}/api/auth/session`);
        const session = r.ok() ? ((await r.json()) as { user: unknown; csrfToken: string }) : null;
        csrfToken = session?.csrfToken ?? "";
        return session?.user ?? null;
      },
      { timeout: 30_000 },
    )
    .not.toBeNull();
  return csrfToken;
};
