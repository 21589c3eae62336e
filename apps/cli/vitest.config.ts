import { defineConfig } from "vitest/config";

// each CLI test starts `tsx` processes (a few seconds each on CI's two shared cores, where the
// other packages' suites run at once): a timeout measures the machine, not the command
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 120_000 } });
