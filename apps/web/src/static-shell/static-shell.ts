import type { Lang } from "@envol/domain";
import type { Messages } from "../i18n/fr.ts";

/**
 * index.html's first screen (the shell and the simulator's heading, painted before any script)
 * is written with `{{key}}` placeholders for the app's own texts: the build fills them from the
 * French and English resources into index.html and index.en.html, so the static page says what
 * the app then renders, in the language the server picks (see apps/api/src/web.ts).
 * `{{lang}}` is the language's code.
 */
const PLACEHOLDER = /\{\{([a-zA-Z.]+)\}\}/g;

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

/** `html` with every placeholder replaced by its text in `lang`, escaped for HTML. */
export const fillStaticShell = (html: string, lang: Lang, messages: Messages): string =>
  html.replace(PLACEHOLDER, (_, key: string) =>
    escapeHtml(key === "lang" ? lang : lookup(messages, key)),
  );

/** The page's file for `lang`: index.html in French (the default), index.en.html in English. */
export const staticShellFile = (lang: Lang): string =>
  lang === "fr" ? "index.html" : `index.${lang}.html`;
