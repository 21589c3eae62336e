import { secureHeaders } from "hono/secure-headers";

/**
 * Security headers on every response. The app's Content-Security-Policy allows nothing but
 * Envol itself: no inline script, no third-party origin. The API reference page needs inline
 * styles (Swagger UI sets them), so /api/docs alone allows those.
 */
export const securityHeaders = (options: { readonly https: boolean }) => {
  const base = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
  const common = {
    strictTransportSecurity: options.https ? "max-age=31536000; includeSubDomains" : false,
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginEmbedderPolicy: false,
    xFrameOptions: "DENY",
  } as const;
  return {
    app: secureHeaders({ ...common, contentSecurityPolicy: base }),
    docs: secureHeaders({
      ...common,
      contentSecurityPolicy: { ...base, styleSrc: ["'self'", "'unsafe-inline'"] },
    }),
  };
};
