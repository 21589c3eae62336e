import { defineConfig } from "vitest/config";

// these tests start the real CLI in child processes: allow for a loaded machine
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 30_000 } });
