import { defineConfig } from "vitest/config";

// database suites start PGlite (about 2 s each) and, with DATABASE_URL, PostgreSQL databases
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});
