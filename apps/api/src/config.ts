import { z } from "zod";
import { parseTrustProxy } from "./lib/client-address.ts";

/** A whole number of at least 0, from its text. */
const count = z.coerce.number().int().min(0);

/**
 * The server's configuration, from the environment, validated at start: a bad variable stops
 * the server with a message naming it, never a silent default.
 */
export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    /** Unset: the embedded PGlite database in ENVOL_DATA_DIR. Set: PostgreSQL. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
    /**
     * PostgreSQL: the tables' owner, who applies the migrations at start; DATABASE_URL is then
     * the runtime role, a member of envol_app that may not change the audit trail
     * (docs/operations/database-roles.md). Unset: DATABASE_URL migrates too.
     */
    MIGRATION_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
    ENVOL_DATA_DIR: z.string().min(1).default("./data/pglite"),
    /** Where uploaded documents are kept: outside any served folder. */
    ENVOL_FILES_DIR: z.string().min(1).default("./data/files"),
    /** The built web app to serve on the same port. */
    ENVOL_WEB_DIR: z.string().min(1).default("apps/web/dist"),
    /**
     * The demo data (accounts with known passwords, a partner key) in an empty database: `auto`
     * in development only (never with NODE_ENV=production or an https PUBLIC_URL), `demo`
     * always (a demonstration server), `none` never. See `seedsDemo`.
     */
    ENVOL_SEED: z
      .enum(["auto", "demo", "none"], { message: "must be auto, demo or none" })
      .default("auto"),
    /** `production` on a real server: then ENVOL_SEED=auto loads no demo data. */
    NODE_ENV: z.string().min(1).optional(),
    /** The public address, for cookies (Secure over https) and the SSO redirect. */
    PUBLIC_URL: z.url().optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Envol <no-reply@envol.local>"),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPE: z.string().min(1).optional(),
    /** Staff are recognised by this claim of the ID token holding one of OIDC_STAFF_VALUES. */
    OIDC_STAFF_CLAIM: z.string().min(1).default("groups"),
    OIDC_STAFF_VALUES: z.string().min(1).optional(),
    /**
     * Members of the school's personnel (applicants for teaching and training stays, ADR 016)
     * are recognised by this claim holding one of OIDC_PERSONNEL_VALUES; staff wins over them.
     */
    OIDC_PERSONNEL_CLAIM: z.string().min(1).default("groups"),
    OIDC_PERSONNEL_VALUES: z.string().min(1).optional(),
    /**
     * The claim (a dotted path) that must be `true` before single sign-on creates an account or
     * links an existing one by its email: the provider vouches for the address.
     */
    OIDC_EMAIL_VERIFIED_CLAIM: z.string().min(1).default("email_verified"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Unset: `GET /metrics` answers 404. Set: Prometheus scrapes it with this bearer token. */
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    /**
     * The reverse proxies whose X-Forwarded-For names the client (for the rate limits): their
     * addresses or CIDR ranges, comma-separated (`loopback` and `private` name the usual ones),
     * or how many proxies there are (`1`). Unset: none, the header is ignored.
     */
    TRUST_PROXY: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        try {
          parseTrustProxy(value);
        } catch (e) {
          ctx.addIssue({ code: "custom", message: (e as Error).message });
        }
      }),
    /** Anonymous simulations per client (IPv4 address or IPv6 /64) and minute (0: no limit). */
    ENVOL_LIMIT_SIMULATIONS_PER_MINUTE: count.default(60),
    /** City searches (`GET /api/places`) per client and minute (0: no limit). */
    ENVOL_LIMIT_PLACES_PER_MINUTE: count.default(120),
    /** Applications a student may create per day (0: no limit). */
    ENVOL_LIMIT_APPLICATIONS_PER_DAY: count.default(20),
    /** Document uploads per student and hour (0: no limit). */
    ENVOL_LIMIT_UPLOADS_PER_HOUR: count.default(30),
    /** Partner API calls per API key and minute (0: no limit). */
    ENVOL_LIMIT_PARTNER_CALLS_PER_MINUTE: count.default(600),
    /**
     * How many days before the planned arrival and after the planned departure a host's actual
     * dates may fall (within the stay's academic year); beyond, its statement is refused (422).
     */
    ENVOL_PARTNER_DATE_WINDOW_DAYS: count.max(365).default(30),
    /** The most documents one application may hold. */
    ENVOL_DOCUMENTS_PER_APPLICATION: count.min(1).default(20),
    /** The most megabytes (MiB) of documents one application may hold. */
    ENVOL_DOCUMENT_MB_PER_APPLICATION: count.min(1).default(50),
  })
  .superRefine((c, ctx) => {
    const oidc = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!c[key])
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "is required when single sign-on is configured",
          });
      }
    }
    if (c.MIGRATION_DATABASE_URL && !c.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["MIGRATION_DATABASE_URL"],
        message: "needs DATABASE_URL (PGlite has no roles)",
      });
    }
    if (oidc.every(Boolean) && !c.PUBLIC_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["PUBLIC_URL"],
        message: "is required when single sign-on is configured (the callback's address)",
      });
    }
  });

export type Config = z.output<typeof ConfigSchema>;

/**
 * Whether the public address is https: then cookies are Secure (`__Host-`), HSTS is sent and
 * `ENVOL_SEED=auto` loads no demo data. The scheme is compared as URLs do, whatever its case
 * (`HTTPS://…` is https).
 */
export const publicUrlIsHttps = (config: Pick<Config, "PUBLIC_URL">) =>
  config.PUBLIC_URL !== undefined && new URL(config.PUBLIC_URL).protocol === "https:";

/**
 * Whether this start loads the demo data into an empty database: asked for (`demo`), or `auto`
 * on what is clearly a developer's machine. A production database never gets the demo's
 * known passwords by default.
 */
export const seedsDemo = (config: Pick<Config, "ENVOL_SEED" | "NODE_ENV" | "PUBLIC_URL">) => {
  if (config.ENVOL_SEED !== "auto") return config.ENVOL_SEED === "demo";
  const production = config.NODE_ENV === "production";
  return !production && !publicUrlIsHttps(config);
};

export class ConfigInvalid extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** @throws ConfigInvalid naming each bad variable */
export const loadConfig = (env: Record<string, string | undefined>): Config => {
  // an empty variable is an unset one (a shell's `VAR=` should not fail on the URL check)
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = ConfigSchema.safeParse(defined);
  if (!parsed.success) {
    throw new ConfigInvalid(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  return parsed.data;
};
