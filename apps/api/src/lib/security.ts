import { responseHeaders } from "./response-headers.ts";

/**
 * Security headers on every response. The app's Content-Security-Policy allows nothing but
 * Envol itself: no inline script, no third-party origin. The API reference page needs inline
 * styles (Swagger UI sets them), so /api/docs alone allows those.
 *
 * The header values never change, so they are computed once: hono/secure-headers builds them on
 * every request, which cost 35-40 % of the throughput of a small route here (measured with
 * autocannon, 50 connections); they are written as {@link responseHeaders} says.
 */
const csp = (styleSrc: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${styleSrc}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

const headerSet = (
  contentSecurityPolicy: string,
  https: boolean,
): readonly (readonly [string, string])[] => [
  ["Content-Security-Policy", contentSecurityPolicy],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "DENY"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
  ...(https ? [["Strict-Transport-Security", "max-age=31536000; includeSubDomains"] as const] : []),
];

/**
 * The two `<style>` elements React Aria injects (its press handling's `touch-action` rule, and
 * the iOS modal one), allowed by their hashes rather than by 'unsafe-inline'. They change when
 * react-aria-components is upgraded: the browser tests report a violation then.
 */
const REACT_ARIA_STYLES = [
  "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='",
  "'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='",
].join(" ");

export const securityHeaders = (options: { readonly https: boolean }) => {
  const app = headerSet(csp(`'self' ${REACT_ARIA_STYLES}`), options.https);
  const docs = headerSet(csp("'self' 'unsafe-inline'"), options.https);
  return responseHeaders((c) => (c.req.path.startsWith("/api/docs") ? docs : app));
};
