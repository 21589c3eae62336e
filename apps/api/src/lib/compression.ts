import { compress } from "hono/compress";
import { createMiddleware } from "hono/factory";
import { setMissingHeaders } from "./response-headers.ts";

/** What Hono's `compress` could answer with: gzip, deflate, or anything (`*`). */
const MAY_COMPRESS = /gzip|deflate|\*/i;

/**
 * gzip or deflate when the client accepts it (the web app's scripts, the API's reports), and
 * `Vary: Accept-Encoding` on every response, with the other request headers the responses vary
 * on. Hono's `compress` runs only for a client that accepts an encoding, with Vary already on
 * the response: otherwise it adds Vary with `c.header()` to the finished response, which costs
 * a client that never asked for compression what {@link setMissingHeaders} says.
 */
export const compression = (options: { readonly varyAlsoOn?: readonly string[] } = {}) => {
  const compressor = compress();
  const vary = ["Vary", ["Accept-Encoding", ...(options.varyAlsoOn ?? [])].join(", ")] as const;
  return createMiddleware(async (c, next) => {
    if (MAY_COMPRESS.test(c.req.header("Accept-Encoding") ?? "")) {
      c.header(...vary);
      await compressor(c, next);
      return;
    }
    await next();
    setMissingHeaders(c, [vary]);
  });
};
