import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "fixtures/**/*.test.ts"],
    // the property tests compute for half a second alone; CI runs every package's suites at
    // once on two cores, where one took 10 s (a timeout measures the machine, not the code)
    testTimeout: 30_000,
  },
});
