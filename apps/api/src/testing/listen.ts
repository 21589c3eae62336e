import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";

/** An app served over real HTTP by @hono/node-server, on a free port of 127.0.0.1. */
export interface Listening {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * Serves a test app over real HTTP on a port the system picks (port 0), so that requests come
 * through a socket with a client address, and race as they would in production.
 */
export const listen = (app: Pick<Hono, "fetch">): Promise<Listening> =>
  new Promise((ready) => {
    const server = serve(
      { fetch: app.fetch, port: 0, hostname: "127.0.0.1" },
      (info: AddressInfo) =>
        ready({
          url: `http://127.0.0.1:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              // keep-alive sockets would otherwise hold close() until they time out
              (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        }),
    );
  });
