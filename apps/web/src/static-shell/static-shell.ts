import type { Lang } from "@envol/domain";
import type { Messages } from "../i18n/fr.ts";

/**
 * index.html's first screen (the shell and the simulator's heading, painted before any script)
 * is written with `{{key}}` placeholders for the app's own texts: the build fills them from the
 * French and English resources, so the static page says what the app then renders, in the
 * language the server picks (see apps/api/src/web.ts); `<html lang="fr">` becomes the page's
 * language.
 *
 * It makes two pages of it: the simulator's, and the other pages' (the student and staff areas,
 * a page not found), where the simulator's part (between `{{simulator:begin}}` and
 * `{{simulator:end}}`) is left out, the simulator's link is not the current page, and the title
 * (`{{simulator:title}}`) is the app's name alone until the page sets its own.
 */
export type StaticPage = "simulator" | "other";

const PLACEHOLDER = /\{\{([a-zA-Z.]+)\}\}/g;
const SIMULATOR_PART = /\{\{simulator:begin\}\}[\s\S]*?\{\{simulator:end\}\}/g;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const lookup = (messages: Messages, key: string): string => {
  const value = key
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        node !== null && typeof node === "object"
          ? (node as Record<string, unknown>)[part]
          : undefined,
      messages,
    );
  if (typeof value !== "string") throw new Error(`index.html: no text "${key}" in the resources`);
  return value;
};

const HTML_LANG = /<html lang="fr">/;
const SIMULATOR_LINK = '<a href="/" aria-current="page">';

const replaceOnce = (html: string, what: string, by: string): string => {
  if (!html.includes(what)) throw new Error(`index.html: no ${what}`);
  return html.replace(what, by);
};

/** `html` as `page` in `lang`: every placeholder replaced by its text, escaped for HTML. */
export const fillStaticShell = (
  html: string,
  lang: Lang,
  messages: Messages,
  page: StaticPage = "simulator",
): string =>
  (page === "simulator"
    ? html.replaceAll("{{simulator:begin}}", "").replaceAll("{{simulator:end}}", "")
    : replaceOnce(html.replace(SIMULATOR_PART, ""), SIMULATOR_LINK, '<a href="/">')
  )
    .replace(HTML_LANG, () => `<html lang="${lang}">`)
    .replaceAll(
      "{{simulator:title}}",
      escapeHtml(
        page === "simulator"
          ? `${messages.simulator.documentTitle} — ${messages.app.name}`
          : messages.app.name,
      ),
    )
    .replace(PLACEHOLDER, (_, key: string) =>
      escapeHtml(key === "lang" ? lang : lookup(messages, key)),
    );

/** The file of `page` in `lang`: index.html for the simulator in French (the default). */
export const staticShellFile = (lang: Lang, page: StaticPage = "simulator"): string =>
  `${page === "simulator" ? "index" : "page"}${lang === "fr" ? "" : `.${lang}`}.html`;

/** Every page the build writes, but index.html (Vite's own). */
export const STATIC_SHELL_PAGES: readonly { readonly lang: Lang; readonly page: StaticPage }[] = [
  { lang: "en", page: "simulator" },
  { lang: "fr", page: "other" },
  { lang: "en", page: "other" },
];
