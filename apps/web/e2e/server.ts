/**
 * The real thing for the browser tests: `pnpm start`'s server bundle (apps/api/dist/main.mjs)
 * with the built web app, on a free port, over a fresh embedded database with the demo data.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

export const startServer = async () => {
  const dir = mkdtempSync(join(tmpdir(), "envol-e2e-"));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, "apps/api/dist/main.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: "",
      ENVOL_DATA_DIR: join(dir, "db"),
      ENVOL_FILES_DIR: join(dir, "files"),
      ENVOL_WEB_DIR: join(ROOT, "apps/web/dist"),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const url = `http://127.0.0.1:${port}`;
  for (let ready = false; !ready; ) {
    if (exited) throw new Error("the server exited before answering");
    ready = await fetch(`${url}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      if (!exited) {
        const gone = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
