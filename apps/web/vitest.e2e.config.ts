import { defineConfig } from "vitest/config";

// the browser suite: the built server and web app in Debian's Chromium (one file at a time)
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
