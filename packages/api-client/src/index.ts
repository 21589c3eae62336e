/**
 * `@envol/api-client`: Envol's API, typed end to end from the server's own route declarations
 * (hono/client). A wrong path, body or response use is a type error.
 *
 * @example
 * const envol = createEnvolClient("https://envol.example");
 * const res = await envol.simulations.$post({ json: situation }, { headers: { "Accept-Language": "en" } });
 * if (res.status === 200) console.log((await res.json()).plan.totalCents);
 */
import type { AppType } from "@envol/api";
import { type ClientRequestOptions, hc } from "hono/client";

export type { AppType };

/** A client for the API at `baseUrl` (the site's origin; the client adds /api). */
export const createEnvolClient = (baseUrl: string, options?: ClientRequestOptions) =>
  hc<AppType>(`${baseUrl.replace(/\/$/, "")}/api`, options);

export type EnvolClient = ReturnType<typeof createEnvolClient>;
