import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

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

/**
 * The built web app on the same port as the API: its files, and index.html for any other path
 * (client-side routes). A placeholder page until the web app is built.
 */
export const webRoutes = (dir: string) => {
  const root = resolve(dir);
  const index = join(root, "index.html");
  const app = new Hono();
  if (!existsSync(index)) return app.get("*", (c) => c.html(PLACEHOLDER));
  const html = readFileSync(index, "utf8");
  return (
    app
      // file names under /assets carry their content's hash: they never change
      .use("/assets/*", async (c, next) => {
        await next();
        if (c.res.ok) c.header("Cache-Control", "public, max-age=31536000, immutable");
      })
      .use("*", serveStatic({ root }))
      .get("*", (c) => {
        c.header("Cache-Control", "no-cache");
        return c.html(html);
      })
  );
};
