import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";

/**
 * The interactive API reference at /api/docs: Swagger UI served from Envol itself (no CDN), so
 * it works offline and under a strict Content-Security-Policy (no inline script).
 */
const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const cache = new Map<string, string>();
const asset = (name: string): string => {
  let body = cache.get(name);
  if (body === undefined) {
    body = readFileSync(join(dist, name), "utf8");
    cache.set(name, body);
  }
  return body;
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Envol API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

const INIT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
`;

export const docsRouter = () =>
  new Hono()
    .get("/docs", (c) => c.html(PAGE))
    .get("/docs/init.js", (c) =>
      c.body(INIT, 200, { "Content-Type": "text/javascript; charset=utf-8" }),
    )
    .get("/docs/:asset", (c) => {
      const name = c.req.param("asset");
      const type = ASSETS[name];
      if (!type) return c.notFound();
      return c.body(asset(name), 200, {
        "Content-Type": type,
        "Cache-Control": "public, max-age=86400",
      });
    });
