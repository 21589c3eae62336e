import { ServerResponse } from "node:http";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";

type Header = readonly [name: string, value: string];

/** Node's response object, when @hono/node-server serves the request (`c.env.outgoing`). */
const nodeResponse = (c: Context): ServerResponse | undefined => {
  const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
  return outgoing instanceof ServerResponse ? outgoing : undefined;
};

/**
 * Sets headers every response carries, whatever the route answers (security headers, Vary,
 * Content-Language), before the route runs; call what it returns once the route has answered.
 *
 * Served by @hono/node-server, they go straight onto Node's response, and Node merges them with
 * the route's own when it writes the head (the route's win where both set one). Put on the Web
 * `Response` instead, each is a Headers entry that @hono/node-server converts back for Node on
 * every request, and a header added to a finished response turns its body into a stream read
 * back chunk by chunk: the two together cost a small JSON route 40 % of its throughput
 * (measured with autocannon, 50 connections, see `pnpm bench`). Elsewhere (`app.request` in
 * the tests), they are set on the response once the route has answered, where it set none.
 */
export const presetHeaders = (c: Context, headers: readonly Header[]): (() => void) => {
  const node = nodeResponse(c);
  if (node) {
    for (const [name, value] of headers) node.setHeader(name, value);
    return () => {};
  }
  return () => {
    for (const [name, value] of headers)
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
};

/** A middleware that {@link presetHeaders presets} the headers chosen from the request. */
export const responseHeaders = <C extends Context>(headersFor: (c: C) => readonly Header[]) =>
  createMiddleware(async (c, next) => {
    const after = presetHeaders(c, headersFor(c as C));
    await next();
    after();
  });
