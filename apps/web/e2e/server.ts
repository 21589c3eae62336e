/**
 * The real thing for the browser tests: `pnpm start`'s server bundle (apps/api/dist/main.mjs)
 * with the built web app, on a free port, over a fresh embedded database with the demo data.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startServerProcess } from "@envol/server-process";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

export const startServer = async () => {
  const dir = mkdtempSync(join(tmpdir(), "envol-e2e-"));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const server = await startServerProcess({
    name: "the Envol server",
    args: [join(ROOT, "apps/api/dist/main.mjs")],
    cwd: ROOT,
    env: {
      DATABASE_URL: "",
      ENVOL_DATA_DIR: join(dir, "db"),
      ENVOL_FILES_DIR: join(dir, "files"),
      ENVOL_WEB_DIR: join(ROOT, "apps/web/dist"),
      ENVOL_SEED: "demo",
      LOG_LEVEL: "warn",
      // one browser plays every visitor, faster than any person types
      ENVOL_LIMIT_SIMULATIONS_PER_MINUTE: "0",
    },
    showStderr: true,
    // under the suite's hook timeout (vitest.e2e.config.ts), so that a slow start says why
    timeoutMs: 100_000,
  }).catch((e: unknown) => {
    removeDir();
    throw e;
  });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      removeDir();
    },
  };
};
