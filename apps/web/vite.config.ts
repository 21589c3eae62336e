import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { en } from "./src/i18n/en.ts";
import { fr } from "./src/i18n/fr.ts";
import { rulesEn } from "./src/rules/rules.en.ts";
import { rulesFr } from "./src/rules/rules.fr.ts";
import {
  fillStaticShell,
  STATIC_SHELL_PAGES,
  staticShellFile,
} from "./src/static-shell/static-shell.ts";

/**
 * React Aria ships its built-in strings (a combo box's "Show suggestions", its screen reader
 * announcements…) in 34 languages, modules that every component imports. Envol speaks French
 * and English: every other locale's module becomes a re-export of the American English one, so
 * the bundle carries two languages instead of 34 (8.6 KB gzip less) and React Aria's fallback is
 * unchanged. It is what `@react-aria/optimize-locales-plugin` does, for the one layout this
 * version of react-aria uses (`dist/private/intl/…/<locale>.mjs`).
 */
const LOCALE_MODULE =
  /[\\/]react-aria(?:-components)?[\\/]dist[\\/]private[\\/]intl[\\/](?:[^\\/]+[\\/])?([a-z]{2}-[A-Z]{2})\.mjs$/;

const reactAriaLocales = (keep: readonly string[]): Plugin => ({
  name: "envol:react-aria-locales",
  enforce: "pre",
  load(id) {
    const locale = LOCALE_MODULE.exec(id)?.[1];
    if (locale === undefined || keep.includes(locale)) return null;
    return 'export { default } from "./en-US.mjs";\n';
  },
});

/**
 * index.html's static first screen in the app's texts (see `src/static-shell`): the simulator's
 * page in French as index.html, and beside it, with the same scripts, the simulator's in English
 * and the other pages' and the rule pages' in both languages.
 */
const staticShell = (): Plugin => {
  let outDir = "";
  let template: string | undefined;
  return {
    name: "envol:static-shell",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: "post",
      handler(html) {
        template = html;
        return fillStaticShell(html, "fr", fr);
      },
    },
    writeBundle() {
      if (template === undefined) return;
      for (const { lang, page } of STATIC_SHELL_PAGES) {
        const html = fillStaticShell(
          template,
          lang,
          lang === "fr" ? fr : en,
          page,
          lang === "fr" ? rulesFr : rulesEn,
        );
        writeFileSync(join(outDir, staticShellFile(lang, page)), html);
      }
    },
  };
};

/**
 * The web app. In development `vite` proxies /api to the API on port 3000; in production the API
 * serves `dist/` on its own port. The build writes a manifest so that `scripts/bundle-report.ts`
 * can weigh what each route loads.
 */
export default defineConfig({
  plugins: [react(), reactAriaLocales(["fr-FR", "en-US"]), staticShell()],
  server: {
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  build: {
    target: "es2022",
    manifest: true,
    // no <link rel="modulepreload"> tags: the entry (src/boot.ts) imports the app once the
    // static page is painted, and adding a tag per chunk then cost the main thread more than the
    // one round trip it saves (the browser fetches a module's imports in parallel anyway)
    modulePreload: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // two long-cached chunks of the libraries every page needs, so that the first screen
          // is a few files rather than a dozen small shared ones (the lazy parts' libraries,
          // React Aria and zod, stay in the lazy chunks)
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 3,
            },
            {
              name: "framework",
              test: /node_modules[\\/](@tanstack|react-hook-form|i18next|react-i18next|use-sync-external-store)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
});
