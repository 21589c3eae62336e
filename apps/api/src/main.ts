/**
 * `pnpm start`: migrates the database (embedded PGlite in ./data unless DATABASE_URL is set),
 * loads the demo data into an empty one, and serves the API and the web app on one port.
 * Configuration comes from the environment and is validated first (config.ts); SIGTERM and
 * SIGINT let in-flight requests finish, then close the database cleanly.
 */

import { randomBytes } from "node:crypto";
import { Database, ping, writeBackup } from "@envol/db";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { ConfigInvalid, loadConfig } from "./config.ts";
import { DEMO_PASSWORDS, makeEnvolRuntime } from "./envol-runtime.ts";
import { todayInParis } from "./lib/clock.ts";
import { directoryFileStore } from "./lib/file-store.ts";
import { makeLogger } from "./lib/logger.ts";
import { mailTransport } from "./lib/mailer.ts";
import { oidcSettingsOf } from "./lib/oidc-client.ts";
import { startOutboxSender } from "./notifications.ts";
import { operatorMessage, PortInUse } from "./start-failure.ts";
import { webRoutes } from "./web.ts";

const config = (() => {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigInvalid) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
})();
const logger = makeLogger(config.LOG_LEVEL);

// what `pnpm envol backup` shows this server to be asked for a backup (the PGlite lock file,
// readable by this user only, says it); a new one at each start
const opsToken = randomBytes(32).toString("base64url");

const envol = makeEnvolRuntime({
  url: config.DATABASE_URL,
  dataDir: config.ENVOL_DATA_DIR,
  server: { port: config.PORT, token: opsToken },
  warn: ({ event, ...details }) => logger.warn(details, event),
});
const { runtime } = envol;

const start = async () => {
  const { db, kind, dumpDataDir } = await runtime.runPromise(Database);
  logger.info(
    { database: kind, dataDir: kind === "pglite" ? config.ENVOL_DATA_DIR : undefined },
    "database ready",
  );
  // the demo applications are evaluated against the partner catalogue: it goes first
  await envol.loadPartners();
  if (config.ENVOL_SEED === "true") {
    const seeded = await envol.seedDemo();
    if (seeded.created) {
      logger.info({ accounts: seeded.accounts, partnerKey: seeded.partnerKey }, "demo data loaded");
    }
  }
  const https = config.PUBLIC_URL?.startsWith("https://") ?? false;
  const app = createApp(
    {
      ...envol.appDeps,
      ready: () => ping(db),
      today: todayInParis,
      files: directoryFileStore(config.ENVOL_FILES_DIR, { notUnder: [config.ENVOL_WEB_DIR] }),
      oidc: oidcSettingsOf(config),
      ...(dumpDataDir && {
        ops: {
          token: opsToken,
          backup: async (dir: string) => {
            const manifest = await writeBackup(dir, {
              dump: dumpDataDir,
              filesDir: config.ENVOL_FILES_DIR,
            });
            logger.info({ dir, ...manifest }, "backup written");
            return manifest;
          },
        },
      }),
    },
    { https, logger, web: webRoutes(config.ENVOL_WEB_DIR) },
  );
  // notifications: SMTP when SMTP_URL is set, the log otherwise
  const transport = mailTransport(config, logger);
  const stopSender = startOutboxSender({
    run: (effect) => runtime.runPromiseExit(effect),
    transport,
    logger,
    intervalMs: 5_000,
  });
  logger.info({ transport: transport.kind }, "notification sender started");
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info(
      { url: `http://${info.address === "0.0.0.0" ? "localhost" : info.address}:${info.port}` },
      "Envol is listening",
    );
    console.log(
      [
        "",
        `Envol: http://localhost:${info.port}  (API reference: http://localhost:${info.port}/api/docs)`,
        `Demo student: etudiante@demo.envol.fr / ${DEMO_PASSWORDS.student}`,
        `Demo staff:   dri@demo.envol.fr / ${DEMO_PASSWORDS.staff}`,
        "",
      ].join("\n"),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(e.code === "EADDRINUSE" ? new PortInUse(config.PORT, config.HOST) : e),
    );
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down: finishing requests in flight");
    // a request that hangs must not keep the process forever
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      await stopSender();
      transport.close();
      await runtime.dispose();
      logger.info("database closed, bye");
      process.exit(0);
    });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
};

start().catch(async (e) => {
  const message = operatorMessage(e);
  if (message) console.error(`Envol cannot start: ${message}`);
  else logger.error({ error: String(e), stack: (e as Error).stack }, "start failed");
  // the database closed (and its lock released) before leaving
  await runtime.dispose().catch(() => undefined);
  process.exit(1);
});
