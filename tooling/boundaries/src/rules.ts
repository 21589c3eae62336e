/**
 * The dependency rules of ARCHITECTURE §1, as data. A package's area is its folder (the first
 * rule whose folder matches); each area lists the bare specifiers its production code may import. Test code (tests, test harnesses,
 * fixtures, benchmarks) may also import the test tools and Node's built-ins.
 */
export interface AreaRule {
  /** Matches a package folder relative to the root, e.g. `plugins/erasmus`. */
  readonly folder: RegExp;
  readonly description: string;
  /** Bare module names production code may import (a name also allows its subpaths; `x-*` a prefix). */
  readonly allow: readonly string[] | "any";
  /** What test code may import on top of `allow`. */
  readonly testAllow: readonly string[];
  /** Apps whose types (only: `import type`) the package may take. */
  readonly typesFromApps?: readonly string[];
  /** Apps it lists as devDependencies only so that they are built before it runs them (never imported). */
  readonly runsApps?: readonly string[];
}

const TEST_TOOLS = ["vitest", "fast-check", "@fast-check/vitest", "node:*"];

export const RULES: readonly AreaRule[] = [
  {
    folder: /^packages\/domain$/,
    description:
      "the domain depends on zod and effect only (and i18n-iso-countries' data for country names)",
    allow: ["zod", "effect", "i18n-iso-countries"],
    testAllow: [...TEST_TOOLS, "tsx"],
  },
  {
    folder: /^packages\/db$/,
    description:
      "the database package depends on the domain and its database libraries, never on plugins or apps",
    allow: [
      "@envol/domain",
      "drizzle-orm",
      "drizzle-kit",
      "@electric-sql/pglite",
      "pg",
      "effect",
      "zod",
      "node:*",
    ],
    testAllow: [...TEST_TOOLS, "@envol/institution"],
  },
  {
    folder: /^packages\/api-client$/,
    description:
      "the typed client depends on hono's client and takes the API's types, never its code",
    allow: ["hono", "@envol/domain"],
    // its test runs the real API as a process
    testAllow: [...TEST_TOOLS, "@envol/server-process"],
    typesFromApps: ["@envol/api"],
  },
  {
    folder: /^tooling\/server-process$/,
    description:
      "the server-process helper runs a server with Node alone: it never imports the app it runs",
    allow: ["node:*"],
    testAllow: TEST_TOOLS,
  },
  {
    folder: /^tooling\/benchmarks$/,
    description: "the benchmarks run the built API as a process; they never import it",
    allow: "any",
    testAllow: [],
    runsApps: ["@envol/api"],
  },
  {
    folder: /^packages\/institution$/,
    description: "the institution configuration imports the domain and the plugins only",
    allow: ["@envol/domain", "@envol/plugin-*", "zod", "effect"],
    testAllow: TEST_TOOLS,
  },
  {
    folder: /^packages\/erasmus-common$/,
    description:
      "what the Erasmus+ plugins share depends on the domain only: never on a plugin, the database or apps/",
    allow: ["@envol/domain"],
    testAllow: TEST_TOOLS,
  },
  {
    // sibling plugins share through a package of their own (Backstage's -common packages)
    folder: /^plugins\/(erasmus|mic|erasmus-staff|mic-staff)$/,
    description:
      "an Erasmus+ plugin imports only @envol/domain, @envol/erasmus-common, zod and effect: never another plugin nor apps/",
    allow: ["@envol/domain", "@envol/erasmus-common", "zod", "effect"],
    testAllow: TEST_TOOLS,
  },
  {
    folder: /^plugins\/[^/]+$/,
    description:
      "a plugin imports only @envol/domain, zod and effect: never another plugin nor apps/",
    allow: ["@envol/domain", "zod", "effect"],
    testAllow: TEST_TOOLS,
  },
];

/** Nothing outside apps/ imports an app; apps are the top of the graph. */
export const APP_PACKAGES = /^@envol\/(api|web)(\/|$)/;

/** Files counted as test code: tests, the testing harness, fixtures, benchmarks and tool configs. */
export const TEST_FILE =
  /(\.test\.tsx?$|(^|\/)(testing|fixtures|bench|test)\/|^[^/]+\.config\.[cm]?ts$)/;
