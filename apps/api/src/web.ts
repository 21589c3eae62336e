import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { getCookie } from "hono/cookie";

/** Shown until the web app is built: the API is up and documented. */
const PLACEHOLDER = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Envol</title></head>
<body>
<main>
<h1>Envol</h1>
<p>L'API est en service : <a href="/api/docs">documentation</a>. L'application web arrive bientôt.</p>
<p lang="en">The API is running: <a href="/api/docs">reference</a>. The web app is coming.</p>
</main>
</body>
</html>
`;

/** The cookie the web app sets with the chosen language (apps/web/src/i18n/language.ts). */
const LANGUAGE_COOKIE = "envol_lang";

/**
 * The built web app on the same port as the API: its files, and its page for any other path
 * (client-side routes) but those under /assets, its hashed scripts and styles (404 when missing). The build writes that page several times (apps/web/src/static-shell): the
 * simulator's (index.html, index.en.html), the rule pages' (rules*.html, scheme-rules*.html) and the other pages' (page.html, page.en.html), in
 * French, or in English when the language cookie says so (the rule pages: in their address's
 * language, `/regles` or `/rules`), so that what is painted before the scripts run is already
 * the right page in the reader's language. A build without them gets
 * index.html everywhere; no build, a placeholder page.
 */
export const webRoutes = (dir: string) => {
  const root = resolve(dir);
  const index = join(root, "index.html");
  const app = new Hono();
  if (!existsSync(index)) return app.get("*", (c) => c.html(PLACEHOLDER));
  const simulatorFr = readFileSync(index, "utf8");
  const read = (file: string, otherwise: string) => {
    const path = join(root, file);
    return existsSync(path) ? readFileSync(path, "utf8") : otherwise;
  };
  const pages = {
    simulator: { fr: simulatorFr, en: read("index.en.html", simulatorFr) },
    other: { fr: read("page.html", simulatorFr), en: read("page.en.html", simulatorFr) },
  };
  // the rule pages' own, with the top of the page in their main part (the other pages' when a
  // build has none)
  const rules = {
    list: { fr: read("rules.html", pages.other.fr), en: read("rules.en.html", pages.other.en) },
    scheme: {
      fr: read("scheme-rules.html", pages.other.fr),
      en: read("scheme-rules.en.html", pages.other.en),
    },
  };
  const send = (which: keyof typeof pages) => (c: Context) => {
    c.header("Cache-Control", "no-cache");
    c.header("Vary", "Cookie");
    return c.html(pages[which][getCookie(c, LANGUAGE_COOKIE) === "en" ? "en" : "fr"]);
  };
  // a rule page's address says its language (/regles in French, /rules in English): its page
  // is in that language whatever the cookie says, as the app will be
  const sendIn = (which: keyof typeof rules, lang: "fr" | "en") => (c: Context) => {
    c.header("Cache-Control", "no-cache");
    return c.html(rules[which][lang]);
  };
  return (
    app
      // file names under /assets carry their content's hash: they never change
      .use("/assets/*", async (c, next) => {
        await next();
        if (c.res.ok) c.header("Cache-Control", "public, max-age=31536000, immutable");
      })
      .use("/assets/*", serveStatic({ root }))
      // one that is not there is not the page: in a rolling deploy a cache would keep the page
      // under a new script's name, and an instance that has it yet must be asked again
      .all("/assets/*", (c) =>
        c.text("Introuvable. Not found.", 404, { "Cache-Control": "no-store" }),
      )
      .get("/", send("simulator"))
      .get("/index.html", send("simulator"))
      .get("/regles", sendIn("list", "fr"))
      .get("/regles/*", sendIn("scheme", "fr"))
      .get("/rules", sendIn("list", "en"))
      .get("/rules/*", sendIn("scheme", "en"))
      .use("*", serveStatic({ root }))
      .get("*", send("other"))
  );
};
