import type { Lang } from "@envol/domain";
import type { Messages } from "../i18n/fr.ts";
import { RULES_PATH } from "../rules/rules-address.ts";
import type { RulesMessages } from "../rules/rules-messages.ts";

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
 * (`{{simulator:title}}`) is the app's name alone until the page sets its own; and the rule
 * pages' two (the list, `/regles`, and a scheme's, `/regles/<id>`): the other pages' with the
 * top of the rule page in their main part, as React renders it before the rules arrive (the
 * list's heading and lede; a scheme's link back and the words on these pages), so that the page's
 * largest paint is the static one, as the simulator's is.
 *
 * The page's description for search engines and link previews (`{{meta:description}}`) is only
 * ever read here: it is kept out of the app's texts, which are in the first screen's bundle.
 */
export type StaticPage = "simulator" | "other" | "rules" | "scheme-rules";

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

const DESCRIPTION: Record<Lang, string> = {
  fr: "Envol\u00a0: les aides à la mobilité internationale de Télécom Paris, simulées en une minute.",
  en: "Envol: Télécom Paris's funding for stays abroad, simulated in a minute.",
};

const HTML_LANG = /<html lang="fr">/;
const SIMULATOR_LINK = '<a href="/" aria-current="page">';

const replaceOnce = (html: string, what: string, by: string): string => {
  if (!html.includes(what)) throw new Error(`index.html: no ${what}`);
  return html.replace(what, by);
};

const MAIN = '<main id="main" class="site-main" tabindex="-1">';

/**
 * The top of a rule page, exactly as `rules-index-page.tsx` and `scheme-rules-page.tsx` render
 * it first (the same elements and classes: React replaces it with its own, of the same size).
 */
export const rulesTop = (page: "rules" | "scheme-rules", lang: Lang, rules: RulesMessages) =>
  page === "rules"
    ? `<div class="rules" lang="${lang}"><h1>${escapeHtml(rules.index.title)}</h1><p class="rules__lede">${escapeHtml(rules.index.intro)}</p></div>`
    : `<div class="rules" lang="${lang}"><p class="rules__back"><a href="${RULES_PATH[lang]}">${escapeHtml(rules.back)}</a></p><p class="rules__about">${escapeHtml(rules.about)}</p></div>`;

/**
 * `html` as `page` in `lang`: every placeholder replaced by its text, escaped for HTML; a rule
 * page's top written with `rules`, the rule pages' texts in `lang`.
 */
export const fillStaticShell = (
  html: string,
  lang: Lang,
  messages: Messages,
  page: StaticPage = "simulator",
  rules?: RulesMessages,
): string => {
  const filled = fillPage(html, lang, messages, page);
  if (page !== "rules" && page !== "scheme-rules") return filled;
  if (!rules) throw new Error(`index.html: the ${page} page needs the rule pages' texts`);
  return replaceOnce(filled, MAIN, `${MAIN}${rulesTop(page, lang, rules)}`);
};

const fillPage = (html: string, lang: Lang, messages: Messages, page: StaticPage): string =>
  (page === "simulator"
    ? html.replaceAll("{{simulator:begin}}", "").replaceAll("{{simulator:end}}", "")
    : replaceOnce(html.replace(SIMULATOR_PART, ""), SIMULATOR_LINK, '<a href="/">')
  )
    .replace(HTML_LANG, () => `<html lang="${lang}">`)
    .replaceAll("{{meta:description}}", escapeHtml(DESCRIPTION[lang]))
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

const FILE_NAMES: Record<StaticPage, string> = {
  simulator: "index",
  other: "page",
  rules: "rules",
  "scheme-rules": "scheme-rules",
};

/** The file of `page` in `lang`: index.html for the simulator in French (the default). */
export const staticShellFile = (lang: Lang, page: StaticPage = "simulator"): string =>
  `${FILE_NAMES[page]}${lang === "fr" ? "" : `.${lang}`}.html`;

/** Every page the build writes, but index.html (Vite's own). */
export const STATIC_SHELL_PAGES: readonly { readonly lang: Lang; readonly page: StaticPage }[] = [
  { lang: "en", page: "simulator" },
  { lang: "fr", page: "other" },
  { lang: "en", page: "other" },
  { lang: "fr", page: "rules" },
  { lang: "en", page: "rules" },
  { lang: "fr", page: "scheme-rules" },
  { lang: "en", page: "scheme-rules" },
];
