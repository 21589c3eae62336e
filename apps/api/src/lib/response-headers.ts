import type { Context } from "hono";
import { createMiddleware } from "hono/factory";

type Header = readonly [name: string, value: string];

/**
 * Gives the response each of these headers the route did not set itself: a route that says
 * more keeps its own (a document's `Cache-Control: private, no-store`, the web app's
 * `Vary: Cookie`). They go on `c.res.headers`, whatever made the response (a route, an error
 * handler, the web app's own Hono app): `c.header()` after the route has answered would make
 * Hono rebuild the response around its body, which @hono/node-server then streams back chunk
 * by chunk.
 */
export const setMissingHeaders = (c: Context, headers: readonly Header[]) => {
  for (const [name, value] of headers) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
};

/** A middleware giving every response the headers chosen from its request, as {@link setMissingHeaders} says. */
export const responseHeaders = <C extends Context>(headersFor: (c: C) => readonly Header[]) =>
  createMiddleware(async (c, next) => {
    const headers = headersFor(c as C);
    await next();
    setMissingHeaders(c, headers);
  });
