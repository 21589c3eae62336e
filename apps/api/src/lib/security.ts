import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";

/**
 * The two `<style>` elements React Aria injects (its press handling's `touch-action` rule, and
 * the iOS modal one), allowed by their hashes rather than by 'unsafe-inline'. They change when
 * react-aria-components is upgraded: the browser tests report a violation then.
 */
const REACT_ARIA_STYLES = [
  "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='",
  "'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='",
];

/**
 * hono's security headers, with a Content-Security-Policy that allows nothing but Envol itself
 * (no inline script, no third-party origin), no framing at all, and HSTS over https only. A
 * route that sets one of them keeps its own.
 */
const headersAllowingStyles = (styleSrc: string[], https: boolean) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc,
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: "strict-origin-when-cross-origin",
    xFrameOptions: "DENY",
    strictTransportSecurity: https ? "max-age=31536000; includeSubDomains" : false,
    overwrite: false,
  });

/**
 * Security headers on every response. The API reference page needs inline styles (Swagger UI
 * sets them), so /api/docs alone allows those.
 */
export const securityHeaders = (options: { readonly https: boolean }) => {
  const app = headersAllowingStyles(["'self'", ...REACT_ARIA_STYLES], options.https);
  const docs = headersAllowingStyles(["'self'", "'unsafe-inline'"], options.https);
  return createMiddleware((c, next) => (c.req.path.startsWith("/api/docs") ? docs : app)(c, next));
};
