/**
 * `pnpm start`: binds its port (answering 503 until it is ready), migrates the database
 * (embedded PGlite in ./data unless DATABASE_URL is set), loads the demo data into an empty one
 * when ENVOL_SEED allows (config.ts `seedsDemo`: on a developer's machine, never in production by
 * default), and serves the API and the web app on one port. Logs are pino's JSON lines on
 * stdout; the one plain text is the banner for a human, which shows the demo credentials only
 * when this start created them.
 * Configuration comes from the environment and is validated first (config.ts); SIGTERM and
 * SIGINT let in-flight requests finish, then close the database cleanly.
 */

import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Database, ping } from "@envol/db";
import { PluginOptionsInvalid, RegistryInvalid } from "@envol/domain";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { startCallReminders } from "./call-reminders.ts";
import { ConfigInvalid, loadConfig, publicUrlIsHttps, seedsDemo } from "./config.ts";
import { makeEnvolRuntime } from "./envol-runtime.ts";
import { parseTrustProxy } from "./lib/client-address.ts";
import { todayInParis } from "./lib/clock.ts";
import { directoryFileStore } from "./lib/file-store.ts";
import { limitsOf } from "./lib/limits.ts";
import { makeLogger } from "./lib/logger.ts";
import { mailTransport } from "./lib/mailer.ts";
import { oidcSettingsOf } from "./lib/oidc-client.ts";
import { repeatEvery } from "./lib/periodic.ts";
import { pgliteOps } from "./lib/pglite-ops.ts";
import { whileStarting } from "./lib/starting.ts";
import { startOutboxSender } from "./notifications.ts";
import { startPurger } from "./purge-expired.ts";
import { operatorMessage, PortInUse } from "./start-failure.ts";
import { webRoutes } from "./web.ts";

/** How often an instance checks whether another saved the schemes' dated options (ADR 020). */
const REGISTRY_CHECK_MS = 10_000;

const config = (() => {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigInvalid) {
      makeLogger("error").fatal({ problems: e.problems }, e.message);
      process.exit(1);
    }
    throw e;
  }
})();
const logger = makeLogger(config.LOG_LEVEL);

// what `pnpm envol backup` shows this server to be asked for a backup (the PGlite lock file,
// readable by this user only, says it); a new one at each start
const opsToken = randomBytes(32).toString("base64url");

// the institution's schemes are checked before anything is opened or bound: a bad option or an
// exclusivity naming no registered scheme is the operator's to fix, logged as such
const envol = (() => {
  try {
    return makeEnvolRuntime(
      {
        url: config.DATABASE_URL,
        migrationUrl: config.MIGRATION_DATABASE_URL,
        dataDir: config.ENVOL_DATA_DIR,
        server: { port: config.PORT, token: opsToken },
        warn: ({ event, ...details }) => logger.warn(details, event),
      },
      // an option the office should look at again, such as a rate outside the agency's range
      { warn: ({ message, ...where }) => logger.warn(where, message) },
    );
  } catch (e) {
    if (e instanceof RegistryInvalid || e instanceof PluginOptionsInvalid) {
      logger.fatal(e.message);
      process.exit(1);
    }
    throw e;
  }
})();
const { runtime } = envol;

type Fetch = Parameters<typeof serve>[0]["fetch"];

const start = async () => {
  // the port first: a start that cannot serve must leave the database untouched (demo accounts
  // and a partner key seeded behind a failed start would exist with nobody shown them); until
  // the app is made, the server is alive but not ready (lib/starting.ts)
  let serving: Fetch | undefined;
  const server = serve({
    fetch: (request, env) => (serving ? serving(request, env) : whileStarting(request)),
    port: config.PORT,
    hostname: config.HOST,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(e.code === "EADDRINUSE" ? new PortInUse(config.PORT, config.HOST) : e),
    );
  });

  const { db, kind, dumpDataDir } = await runtime.runPromise(Database);
  logger.info(
    { database: kind, dataDir: kind === "pglite" ? config.ENVOL_DATA_DIR : undefined },
    "database ready",
  );
  // the demo applications are evaluated against the partner catalogue: it goes first
  await envol.loadPartners();
  // the options the office saved from a date (ADR 020), then checked again every few seconds
  await envol.refreshRegistry();
  const seeded = seedsDemo(config) ? await envol.seedDemo() : undefined;
  if (seeded?.created) logger.info({ seed: config.ENVOL_SEED }, "demo data loaded");
  else logger.info({ seed: config.ENVOL_SEED, seeded: false }, "no demo data loaded");
  const https = publicUrlIsHttps(config);
  const app = createApp(
    {
      ...envol.appDeps,
      ready: () => ping(db),
      today: todayInParis,
      files: directoryFileStore(config.ENVOL_FILES_DIR, { notUnder: [config.ENVOL_WEB_DIR] }),
      oidc: oidcSettingsOf(config),
      ...(dumpDataDir && {
        ops: pgliteOps({
          token: opsToken,
          dump: dumpDataDir,
          folders: {
            data: config.ENVOL_DATA_DIR,
            files: config.ENVOL_FILES_DIR,
            web: config.ENVOL_WEB_DIR,
          },
          logger,
        }),
      }),
      limits: limitsOf(config),
    },
    {
      https,
      logger,
      web: webRoutes(config.ENVOL_WEB_DIR),
      trustProxy: parseTrustProxy(config.TRUST_PROXY),
      metricsToken: config.METRICS_TOKEN,
    },
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
  // expired sessions and ended rate-limit counters: deleted every 10 minutes
  const stopPurger = startPurger({ run: (effect) => runtime.runPromiseExit(effect), logger });
  // the calls' deadlines: each reminder e-mailed once, whichever instance writes it (ADR 018)
  const stopReminders = startCallReminders({
    run: (effect) => runtime.runPromiseExit(effect),
    registry: envol.appDeps.registry,
    logger,
    today: todayInParis,
  });
  const stopRegistryCheck = repeatEvery(REGISTRY_CHECK_MS, async () => {
    await envol
      .refreshRegistry()
      .catch((e: unknown) =>
        logger.warn({ error: String(e) }, "the schemes' dated options could not be read"),
      );
  });
  serving = app.fetch;
  const { address, port } = server.address() as AddressInfo;
  logger.info(
    { url: `http://${address === "0.0.0.0" ? "localhost" : address}:${port}` },
    "Envol is listening",
  );
  // the human banner, a plain print (not a log line); demo credentials only if made just now
  const local = `http://localhost:${port}`;
  const demo = seeded?.created
    ? [
        ...seeded.accounts.map(
          (a) => `Demo ${a.role.padEnd(8)} ${a.email} / ${a.password ?? "(no password)"}`,
        ),
        // the student's classmates, a cohort for the planner: one line
        `Demo students ${seeded.otherStudents.map((a) => a.email).join(", ")} / the student's password`,
        ...(seeded.partnerKey ? [`Demo partner key (shown once): ${seeded.partnerKey}`] : []),
      ]
    : [];
  process.stdout.write(
    ["", `Envol: ${local}  (API reference: ${local}/api/docs)`, ...demo, "", ""].join("\n"),
  );

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
      await stopPurger();
      await stopReminders();
      await stopRegistryCheck();
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
  if (message) process.stderr.write(`Envol cannot start: ${message}\n`);
  else logger.error({ error: String(e), stack: (e as Error).stack }, "start failed");
  // the database closed (and its lock released) before leaving
  await runtime.dispose().catch(() => undefined);
  process.exit(1);
});
