import { createEnvolClient } from "@envol/api-client";

/** The API of the site the app is served from (the same origin in production and, proxied, in development). */
export const envol = createEnvolClient(window.location.origin);
