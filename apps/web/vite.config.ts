import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

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
 * The web app. In development `vite` proxies /api to the API on port 3000; in production the API
 * serves `dist/` on its own port. The build writes a manifest so that `scripts/bundle-report.ts`
 * can weigh what each route loads.
 */
export default defineConfig({
  plugins: [react(), reactAriaLocales(["fr-FR", "en-US"])],
  server: {
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  build: {
    target: "es2022",
    manifest: true,
    // every browser that runs es2022 supports <link rel="modulepreload">: no polyfill to ship
    modulePreload: { polyfill: false },
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
