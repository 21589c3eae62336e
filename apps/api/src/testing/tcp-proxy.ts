/**
 * A TCP relay between a server under test and its PostgreSQL, which the test can cut: `down()`
 * closes every relayed connection and refuses new ones (a database that went away), `up()`
 * accepts them again. Its port is chosen by the system (port 0).
 */
import { connect, createServer, type Server, type Socket } from "node:net";

export interface TcpProxy {
  /** The port it listens on, on 127.0.0.1. */
  readonly port: number;
  /** Drops every relayed connection and refuses new ones until `up()`. */
  readonly down: () => Promise<void>;
  /** Listens again, on the same port. */
  readonly up: () => Promise<void>;
  readonly close: () => Promise<void>;
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });

export const startTcpProxy = async (target: {
  readonly host: string;
  readonly port: number;
}): Promise<TcpProxy> => {
  const open = new Set<Socket>();
  const relay = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(socket);
      socket.on("error", () => other.destroy());
      socket.on("close", () => {
        open.delete(socket);
        other.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  };
  let server = createServer(relay);
  const port = await listen(server, 0);
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of open) socket.destroy();
    });
  return {
    port,
    down: stop,
    up: async () => {
      server = createServer(relay);
      await listen(server, port);
    },
    close: stop,
  };
};
