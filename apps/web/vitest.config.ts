import { defineConfig } from "vitest/config";

// Pure modules only (the form's model, links, validation, texts); the pages are tested in a real
// browser by the end-to-end suite.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
